#include "pipelinechart.h"

#include "chartstyle.h"

#include "domain/enumlabels.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QHorizontalStackedBarSeries>
#include <QValueAxis>

namespace vantage::ui {

struct PipelineChart::Plot
{
    QStringList texts; // title, legend, axis titles, then categories
    QStringList categories;
    QList<qreal> open;
    QList<qreal> closed;
    qint64 largest = 0;
    AxisMoneyUnit unit;
};

PipelineChart::PipelineChart(QWidget *parent) : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(400);
}

void PipelineChart::setData(const core::DashboardData &dashboard)
{
    const Plot p = plot(dashboard);
    if (!update(p))
        rebuild(p);
    m_categories = p.categories;
}

PipelineChart::Plot PipelineChart::plot(const core::DashboardData &dashboard) const
{
    Plot p;
    const QLocale locale;
    for (const auto &stage : dashboard.pipeline)
        p.largest = std::max(p.largest, stage.amountMinor);
    const auto currency = core::Currency::fromCode(dashboard.filter.currency).value_or(core::Currency::usd());
    p.unit = moneyAxisUnit(p.largest, currency);
    // Horizontal bars draw bottom-up: reverse so the first stage is on top.
    for (auto it = dashboard.pipeline.rbegin(); it != dashboard.pipeline.rend(); ++it) {
        const QString name = core::EnumLabels::stageName(it->code, it->name);
        p.categories << tr("%1 (%2)", "stage name (number of deals)").arg(name, locale.toString(it->count));
        const double value = static_cast<double>(it->amountMinor) / p.unit.divisor;
        p.open.append(it->closed ? 0.0 : value);
        p.closed.append(it->closed ? value : 0.0);
    }
    p.texts << tr("Pipeline value by stage") << tr("Open deals") << tr("Closed in the last 12 months")
            << tr("Stage (deals)") << p.unit.title << p.categories;
    return p;
}

bool PipelineChart::update(const Plot &p)
{
    if (!m_series || p.texts != m_texts)
        return false;
    const QList<QBarSet *> sets = m_series->barSets();
    for (const auto &[set, values] : {std::pair(sets.at(0), &p.open), std::pair(sets.at(1), &p.closed)})
        for (int i = 0; i < values->size(); ++i)
            if (set->at(i) != values->at(i))
                set->replace(i, values->at(i));
    setValueRange(m_valueAxis, p.largest, p.unit);
    return true;
}

void PipelineChart::rebuild(const Plot &p)
{
    auto *chart = new QChart;
    styleChart(chart, p.texts.at(0));
    auto *open = new QBarSet(p.texts.at(1));
    auto *closed = new QBarSet(p.texts.at(2));
    open->setColor(QColor(0x2f, 0x6f, 0xb5));
    closed->setColor(QColor(0x9a, 0xa8, 0xb8));
    open->append(p.open);
    closed->append(p.closed);
    auto *series = new QHorizontalStackedBarSeries;
    series->append(open);
    series->append(closed);
    chart->addSeries(series);
    auto *yAxis = new QBarCategoryAxis;
    yAxis->append(p.categories);
    yAxis->setTitleText(p.texts.at(3));
    yAxis->setTruncateLabels(false);
    auto *xAxis = new QValueAxis;
    xAxis->setTitleText(p.unit.title);
    xAxis->setLabelFormat(QStringLiteral("%.0f"));
    setValueRange(xAxis, p.largest, p.unit);
    chart->addAxis(yAxis, Qt::AlignLeft);
    chart->addAxis(xAxis, Qt::AlignBottom);
    series->attachAxis(yAxis);
    series->attachAxis(xAxis);
    m_series = series;
    m_valueAxis = xAxis;
    m_texts = p.texts;

    QChart *old = this->chart();
    setChart(chart);
    delete old;
}

} // namespace vantage::ui
