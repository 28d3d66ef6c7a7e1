#pragma once

#include <QChartView>
#include <QDate>

namespace vantage::ui {

// One deal's risk on each of the last Mondays, in percent, with the week it was listed marked.
class RiskTrendChart : public QChartView
{
    Q_OBJECT
public:
    explicit RiskTrendChart(QWidget *parent = nullptr);

    void setTrend(const QString &dealName, const std::vector<std::pair<QDate, int>> &riskBp);
    void clear();
    void retranslate();

private:
    void rebuild();

    QString m_dealName;
    std::vector<std::pair<QDate, int>> m_points;
};

} // namespace vantage::ui
