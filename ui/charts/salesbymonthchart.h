#pragma once

#include "storage/dashboarddata.h"

#include <QChartView>

namespace vantage::ui {

// Stacked monthly sales per region over the dashboard's 24 months, in the reporting currency.
class SalesByMonthChart : public QChartView
{
    Q_OBJECT
public:
    explicit SalesByMonthChart(QWidget *parent = nullptr);

    // Rebuilds the chart (also after a language change: titles and month names are translated).
    void setData(const core::DashboardData &dashboard);

    // What is plotted, for tests: one value per region per month, in axis units.
    int monthCount() const { return m_months; }
    int regionCount() const { return m_regions; }

private:
    int m_months = 0;
    int m_regions = 0;
};

} // namespace vantage::ui
