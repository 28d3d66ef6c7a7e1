#include "salesbymonthchart.h"

#include "chartstyle.h"

#include "domain/enumlabels.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <map>

namespace vantage::ui {

SalesByMonthChart::SalesByMonthChart(QWidget *parent) : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(400);
}

void SalesByMonthChart::setData(const core::DashboardData &dashboard)
{
    auto *chart = new QChart;
    styleChart(chart, tr("Sales by month and region, last %n months", nullptr, core::kDashboardChartMonths));
    const QLocale locale;
    QStringList months;
    std::map<QDate, int> monthIndex;
    const QDate asOf = dashboard.filter.asOf;
    for (QDate m = dashboard.firstMonth; m.isValid() && m <= asOf; m = m.addMonths(1)) {
        monthIndex[m] = static_cast<int>(months.size());
        QString label = locale.toString(m, tr("MMM yy", "short month and year on the chart axis"));
        // The current month is only partly over: say so, or its short bar reads as a collapse.
        if (m.year() == asOf.year() && m.month() == asOf.month() && asOf.day() < asOf.daysInMonth())
            label = tr("%1 (to date)", "a month that is not over yet").arg(label);
        months << label;
    }
    // Totals per month decide the axis unit; the stacked bar's height is that total.
    std::vector<qint64> totals(static_cast<size_t>(months.size()), 0);
    for (const auto &row : dashboard.salesByMonth)
        if (const auto it = monthIndex.find(row.month); it != monthIndex.end())
            totals[static_cast<size_t>(it->second)] += row.amountMinor;
    const qint64 largest = totals.empty() ? 0 : *std::max_element(totals.begin(), totals.end());
    const auto currency = core::Currency::fromCode(dashboard.filter.currency).value_or(core::Currency::usd());
    const AxisMoneyUnit unit = moneyAxisUnit(largest, currency);

    auto *series = new QStackedBarSeries;
    m_regions = 0;
    for (const core::RegionRef &region : dashboard.regions) {
        if (!dashboard.filter.regionId.isEmpty() && region.id != dashboard.filter.regionId)
            continue;
        auto *set = new QBarSet(core::EnumLabels::dataName(region.name));
        QList<qreal> values(months.size(), 0.0);
        for (const auto &row : dashboard.salesByMonth)
            if (row.regionId == region.id)
                if (const auto it = monthIndex.find(row.month); it != monthIndex.end())
                    values[it->second] = static_cast<double>(row.amountMinor) / unit.divisor;
        set->append(values);
        series->append(set);
        ++m_regions;
    }
    chart->addSeries(series);
    auto *xAxis = new QBarCategoryAxis;
    xAxis->append(months);
    xAxis->setLabelsAngle(-90);
    xAxis->setTruncateLabels(false);
    xAxis->setTitleText(tr("Month"));
    auto *yAxis = new QValueAxis;
    yAxis->setTitleText(unit.title);
    yAxis->setLabelFormat(QStringLiteral("%.0f"));
    yAxis->setRange(0, largest > 0 ? static_cast<double>(largest) / unit.divisor : 1.0);
    yAxis->applyNiceNumbers();
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);
    series->attachAxis(xAxis);
    series->attachAxis(yAxis);
    m_months = static_cast<int>(months.size());

    QChart *old = this->chart();
    setChart(chart);
    delete old;
}

} // namespace vantage::ui
