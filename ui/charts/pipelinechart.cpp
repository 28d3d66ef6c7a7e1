#include "pipelinechart.h"

#include "chartstyle.h"

#include "domain/enumlabels.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QHorizontalStackedBarSeries>
#include <QValueAxis>

namespace vantage::ui {

PipelineChart::PipelineChart(QWidget *parent) : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(400);
}

void PipelineChart::setData(const core::DashboardData &dashboard)
{
    auto *chart = new QChart;
    styleChart(chart, tr("Pipeline value by stage"));
    const QLocale locale;
    auto *open = new QBarSet(tr("Open deals"));
    auto *closed = new QBarSet(tr("Closed in the last 12 months"));
    open->setColor(QColor(0x2f, 0x6f, 0xb5));
    closed->setColor(QColor(0x9a, 0xa8, 0xb8));
    qint64 largest = 0;
    for (const auto &stage : dashboard.pipeline)
        largest = std::max(largest, stage.amountMinor);
    const auto currency = core::Currency::fromCode(dashboard.filter.currency).value_or(core::Currency::usd());
    const AxisMoneyUnit unit = moneyAxisUnit(largest, currency);
    m_categories.clear();
    // Horizontal bars draw bottom-up: reverse so the first stage is on top.
    for (auto it = dashboard.pipeline.rbegin(); it != dashboard.pipeline.rend(); ++it) {
        const QString name = core::EnumLabels::stageName(it->code, it->name);
        m_categories << tr("%1 (%2)", "stage name (number of deals)").arg(name, locale.toString(it->count));
        const double value = static_cast<double>(it->amountMinor) / unit.divisor;
        open->append(it->closed ? 0.0 : value);
        closed->append(it->closed ? value : 0.0);
    }
    auto *series = new QHorizontalStackedBarSeries;
    series->append(open);
    series->append(closed);
    chart->addSeries(series);
    auto *yAxis = new QBarCategoryAxis;
    yAxis->append(m_categories);
    yAxis->setTitleText(tr("Stage (deals)"));
    yAxis->setTruncateLabels(false);
    auto *xAxis = new QValueAxis;
    xAxis->setTitleText(unit.title);
    xAxis->setLabelFormat(QStringLiteral("%.0f"));
    xAxis->setRange(0, largest > 0 ? static_cast<double>(largest) / unit.divisor : 1.0);
    xAxis->applyNiceNumbers();
    chart->addAxis(yAxis, Qt::AlignLeft);
    chart->addAxis(xAxis, Qt::AlignBottom);
    series->attachAxis(yAxis);
    series->attachAxis(xAxis);

    QChart *old = this->chart();
    setChart(chart);
    delete old;
}

} // namespace vantage::ui
