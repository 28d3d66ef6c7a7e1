#pragma once

#include "analytics/forecastreport.h"

#include <QChartView>

#include <utility>

class QAreaSeries;
class QLineSeries;

namespace vantage::ui {

// One node of a forecast report: actuals, one-step fits, the forecast with its 80% and 95%
// bands, and the target where there is one, over a date axis in the report's currency.
class ForecastChart : public QChartView
{
    Q_OBJECT
public:
    explicit ForecastChart(QWidget *parent = nullptr);

    // title names the node and the measure; measureLabel heads the value axis ("Sales").
    void setData(const core::ForecastReport &report, const core::ForecastNode &node, const QString &title,
                 const QString &measureLabel);
    void clear(const QString &title);

    // What is plotted, for tests (null until data is shown).
    QLineSeries *actualSeries() const { return m_actual; }
    QLineSeries *fittedSeries() const { return m_fitted; }
    QLineSeries *forecastSeries() const { return m_forecast; }
    QLineSeries *targetSeries() const { return m_target; }
    QAreaSeries *band80() const { return m_band80; }
    QAreaSeries *band95() const { return m_band95; }

    // The chart as a PNG-ready image at twice the device pixel ratio (sharp on any screen).
    QPixmap image() const;

private:
    std::pair<double, double> fillSeries(const core::ForecastReport &report, const core::ForecastNode &node);
    void addAxes(QChart *chart, const core::ForecastReport &report, const QString &measureLabel, double low, double high);
    void replaceChart(QChart *chart);

    QLineSeries *m_actual = nullptr;
    QLineSeries *m_fitted = nullptr;
    QLineSeries *m_forecast = nullptr;
    QLineSeries *m_target = nullptr;
    QAreaSeries *m_band80 = nullptr;
    QAreaSeries *m_band95 = nullptr;
};

} // namespace vantage::ui
