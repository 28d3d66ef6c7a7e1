#pragma once

#include "analytics/forecastreport.h"
#include "domain/result.h"

#include <QSqlDatabase>

namespace vantage::core {

// Reads the monthly series the forecasts are made of: order revenue by region and product
// category, or won opportunity value by region and owner, plus the regions' quarter targets.
// Months run from the first whole month of data to the last whole month before asOf.
class ForecastRepository
{
public:
    explicit ForecastRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    Result<ForecastInput> load(ForecastMeasure measure, const QDate &asOf, const QString &currency) const;
    // Order revenue of the whole company as one series, from order totals (the reporting index;
    // 0.2 s at a million order lines where the per-category series take 3 s), with the targets.
    Result<ForecastInput> loadOrderTotals(const QDate &asOf, const QString &currency) const;

private:
    Result<QString> currencyOrDefault(const QString &currency, const QDate &asOf) const;
    Result<QDate> firstWholeMonth(ForecastMeasure measure, const QString &currency) const;
    Status readLeaves(ForecastInput &input, const QDate &endMonth) const;
    Status readDimensions(ForecastInput &input) const;
    Status readTargets(ForecastInput &input) const;

    QSqlDatabase m_db;
};

} // namespace vantage::core
