#pragma once

#include "analytics/forecastreport.h"
#include "exporting/tabledata.h"

#include <QAbstractTableModel>
#include <QLocale>

namespace vantage::core {

// The Forecast page's table: the last few actual periods, then every forecast period with its
// 80% and 95% ranges and the target. Forecasts are doubles: shown rounded to the currency's
// minor unit through Money, never as raw floating-point text.
class ForecastTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Period, Actual, Forecast, Range80, Range95, Target, ColumnCount };
    static constexpr int kHistoryRows = 3; // actual periods shown before the forecast

    explicit ForecastTableModel(QObject *parent = nullptr);

    // node must belong to report; the rows are copied out of it. A null node empties the table.
    void setNode(const ForecastReport &report, const ForecastNode *node);
    void clear();
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The same rows for export: amounts as exact decimals in major units, the currency in the
    // headers, ranges as separate low/high columns. name becomes the sheet's tab.
    TableSheet sheet(const QString &name) const;

    // "Nov 2026" or "Q4 2026", in the locale's language.
    static QString periodLabel(const QDate &start, ForecastGranularity granularity, const QLocale &locale = QLocale());
    // A forecast rounded to the currency's minor unit.
    static Money money(double major, const Currency &currency);

private:
    struct Row
    {
        QDate period;
        std::optional<double> actual;
        std::optional<double> forecast, low80, high80, low95, high95;
        std::optional<double> target;
    };
    QString displayText(const Row &row, int column) const;
    QString range(const std::optional<double> &low, const std::optional<double> &high) const;

    std::vector<Row> m_rows;
    Currency m_currency = Currency::usd();
    ForecastGranularity m_granularity = ForecastGranularity::Month;
};

} // namespace vantage::core
