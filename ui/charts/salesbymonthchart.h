#pragma once

#include "storage/dashboarddata.h"

#include <QChartView>

class QStackedBarSeries;
class QValueAxis;

namespace vantage::ui {

// Stacked monthly sales per region over the dashboard's 24 months, in the reporting currency.
class SalesByMonthChart : public QChartView
{
    Q_OBJECT
public:
    explicit SalesByMonthChart(QWidget *parent = nullptr);

    // Shows the figures. When the months, regions and texts are those already shown (a refresh),
    // only the bars and the value axis change: rebuilding the chart lays out every axis label
    // again, which blocks the window for 10-30 ms. Otherwise (first figures, another region or
    // database, a language change: titles and month names are translated) the chart is rebuilt.
    void setData(const core::DashboardData &dashboard);

    // What is plotted, for tests: one value per region per month, in axis units.
    int monthCount() const { return m_months; }
    int regionCount() const { return m_regions; }

private:
    struct Plot;
    Plot plot(const core::DashboardData &dashboard) const;
    void rebuild(const Plot &plot);
    bool update(const Plot &plot);

    int m_months = 0;
    int m_regions = 0;
    QStringList m_texts; // every text of the chart shown: when they change, it is rebuilt
    QStackedBarSeries *m_series = nullptr;
    QValueAxis *m_valueAxis = nullptr;
};

} // namespace vantage::ui
