#pragma once

#include "storage/dashboarddata.h"

#include <QChartView>

namespace vantage::ui {

// Pipeline by stage: value of open deals per open stage, and of deals won or lost in the last
// 12 months, with the number of deals in each category label.
class PipelineChart : public QChartView
{
    Q_OBJECT
public:
    explicit PipelineChart(QWidget *parent = nullptr);

    void setData(const core::DashboardData &dashboard);
    QStringList categories() const { return m_categories; }

private:
    QStringList m_categories;
};

} // namespace vantage::ui
