#pragma once

#include "storage/dashboarddata.h"

#include <QChartView>

class QHorizontalStackedBarSeries;
class QValueAxis;

namespace vantage::ui {

// Pipeline by stage: value of open deals per open stage, and of deals won or lost in the last
// 12 months, with the number of deals in each category label.
class PipelineChart : public QChartView
{
    Q_OBJECT
public:
    explicit PipelineChart(QWidget *parent = nullptr);

    // Shows the figures: in place when the stages and texts are those already shown (a refresh),
    // else by building the chart again (see SalesByMonthChart::setData).
    void setData(const core::DashboardData &dashboard);
    QStringList categories() const { return m_categories; }

private:
    struct Plot;
    Plot plot(const core::DashboardData &dashboard) const;
    void rebuild(const Plot &plot);
    bool update(const Plot &plot);

    QStringList m_categories;
    QStringList m_texts; // every text of the chart shown: when they change, it is rebuilt
    QHorizontalStackedBarSeries *m_series = nullptr;
    QValueAxis *m_valueAxis = nullptr;
};

} // namespace vantage::ui
