#include "salesbymonthchart.h"

#include "chartstyle.h"

#include "domain/enumlabels.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <map>

namespace vantage::ui {

struct SalesByMonthChart::Plot
{
    QStringList texts; // title, axis titles, months, then regions
    QStringList months;
    QStringList regions;
    std::vector<QList<qreal>> values; // per region, per month, in axis units
    qint64 largest = 0;
    AxisMoneyUnit unit;
};

SalesByMonthChart::SalesByMonthChart(QWidget *parent) : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(400);
}

void SalesByMonthChart::setData(const core::DashboardData &dashboard)
{
    const Plot p = plot(dashboard);
    if (!update(p))
        rebuild(p);
    m_months = static_cast<int>(p.months.size());
    m_regions = static_cast<int>(p.regions.size());
}

SalesByMonthChart::Plot SalesByMonthChart::plot(const core::DashboardData &dashboard) const
{
    Plot p;
    const QLocale locale;
    std::map<QDate, int> monthIndex;
    const QDate asOf = dashboard.filter.asOf;
    for (QDate m = dashboard.firstMonth; m.isValid() && m <= asOf; m = m.addMonths(1)) {
        monthIndex[m] = static_cast<int>(p.months.size());
        QString label = locale.toString(m, tr("MMM yy", "short month and year on the chart axis"));
        // The current month is only partly over: say so, or its short bar reads as a collapse.
        if (m.year() == asOf.year() && m.month() == asOf.month() && asOf.day() < asOf.daysInMonth())
            label = tr("%1 (to date)", "a month that is not over yet").arg(label);
        p.months << label;
    }
    // Totals per month decide the axis unit; the stacked bar's height is that total.
    std::vector<qint64> totals(static_cast<size_t>(p.months.size()), 0);
    for (const auto &row : dashboard.salesByMonth)
        if (const auto it = monthIndex.find(row.month); it != monthIndex.end())
            totals[static_cast<size_t>(it->second)] += row.amountMinor;
    p.largest = totals.empty() ? 0 : *std::max_element(totals.begin(), totals.end());
    const auto currency = core::Currency::fromCode(dashboard.filter.currency).value_or(core::Currency::usd());
    p.unit = moneyAxisUnit(p.largest, currency);
    for (const core::RegionRef &region : dashboard.regions) {
        if (!dashboard.filter.regionId.isEmpty() && region.id != dashboard.filter.regionId)
            continue;
        p.regions << core::EnumLabels::dataName(region.name);
        QList<qreal> values(p.months.size(), 0.0);
        for (const auto &row : dashboard.salesByMonth)
            if (row.regionId == region.id)
                if (const auto it = monthIndex.find(row.month); it != monthIndex.end())
                    values[it->second] = static_cast<double>(row.amountMinor) / p.unit.divisor;
        p.values.push_back(std::move(values));
    }
    p.texts << tr("Sales by month and region, last %n months", nullptr, core::kDashboardChartMonths)
            << tr("Month") << p.unit.title << p.months << p.regions;
    return p;
}

bool SalesByMonthChart::update(const Plot &p)
{
    if (!m_series || p.texts != m_texts)
        return false;
    const QList<QBarSet *> sets = m_series->barSets();
    for (size_t r = 0; r < p.values.size(); ++r)
        for (int m = 0; m < p.values[r].size(); ++m)
            if (sets[static_cast<qsizetype>(r)]->at(m) != p.values[r][m])
                sets[static_cast<qsizetype>(r)]->replace(m, p.values[r][m]);
    setValueRange(m_valueAxis, p.largest, p.unit);
    return true;
}

void SalesByMonthChart::rebuild(const Plot &p)
{
    auto *chart = new QChart;
    styleChart(chart, p.texts.front());
    auto *series = new QStackedBarSeries;
    for (size_t r = 0; r < p.values.size(); ++r) {
        auto *set = new QBarSet(p.regions[static_cast<qsizetype>(r)]);
        set->append(p.values[r]);
        series->append(set);
    }
    chart->addSeries(series);
    auto *xAxis = new QBarCategoryAxis;
    xAxis->append(p.months);
    xAxis->setLabelsAngle(-90);
    xAxis->setTruncateLabels(false);
    xAxis->setTitleText(tr("Month"));
    auto *yAxis = new QValueAxis;
    yAxis->setTitleText(p.unit.title);
    yAxis->setLabelFormat(QStringLiteral("%.0f"));
    setValueRange(yAxis, p.largest, p.unit);
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);
    series->attachAxis(xAxis);
    series->attachAxis(yAxis);
    m_series = series;
    m_valueAxis = yAxis;
    m_texts = p.texts;

    QChart *old = this->chart();
    setChart(chart);
    delete old;
}

} // namespace vantage::ui
