#include "risktrendchart.h"

#include "chartstyle.h"


#include <QCategoryAxis>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

namespace vantage::ui {

RiskTrendChart::RiskTrendChart(QWidget *parent) : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(220);
    rebuild();
}

void RiskTrendChart::setTrend(const QString &dealName, const std::vector<std::pair<QDate, int>> &riskBp)
{
    m_dealName = dealName;
    m_points = riskBp;
    rebuild();
}

void RiskTrendChart::clear()
{
    m_dealName.clear();
    m_points.clear();
    rebuild();
}

void RiskTrendChart::retranslate()
{
    rebuild();
}

// Weeks are categories on the x axis (index 0..n-1, labelled with each Monday's date).
void RiskTrendChart::rebuild()
{
    auto *chart = new QChart;
    styleChart(chart, m_dealName.isEmpty() ? tr("Risk by week") : tr("Risk by week: %1").arg(m_dealName));
    auto *line = new QLineSeries(chart);
    line->setName(tr("Risk of being lost or slipping within 4 weeks"));
    auto *dots = new QScatterSeries(chart);
    dots->setMarkerSize(7);
    for (std::size_t i = 0; i < m_points.size(); ++i) {
        line->append(double(i), m_points[i].second / 100.0);
        dots->append(double(i), m_points[i].second / 100.0);
    }
    chart->addSeries(line);
    chart->addSeries(dots);
    dots->setColor(line->color());
    auto *x = new QCategoryAxis(chart);
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    // Every second Monday when there are many, so the dates stay whole.
    const std::size_t step = m_points.size() > 5 ? 2 : 1;
    for (std::size_t i = (m_points.size() - 1) % step; i < m_points.size(); i += step)
        x->append(QLocale().toString(m_points[i].first, tr("d MMM", "date format of the week labels")), double(i));
    x->setRange(-0.3, std::max<double>(double(m_points.size()) - 0.7, 1.0));
    x->setTitleText(tr("Week (Monday)"));
    auto *y = new QValueAxis(chart);
    y->setRange(0, 100);
    y->setTickCount(6);
    y->setLabelFormat(QStringLiteral("%d"));
    y->setTitleText(tr("Risk (%)"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries *series : {static_cast<QAbstractSeries *>(line), static_cast<QAbstractSeries *>(dots)}) {
        series->attachAxis(x);
        series->attachAxis(y);
    }
    chart->legend()->markers(dots).first()->setVisible(false);
    QChart *old = this->chart();
    setChart(chart);
    delete old;
}

} // namespace vantage::ui
