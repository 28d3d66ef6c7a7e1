#pragma once

#include "domain/result.h"
#include "forecastreport.h"
#include "dashboardoutlook.h"

#include <QFuture>

namespace vantage::core {

class Store;

// Reads the series of a measure on one of the store's reader threads (a quick SQL aggregate).
QFuture<Result<ForecastInput>> loadForecastInput(Store &store, ForecastMeasure measure, const QDate &asOf,
                                                 const QString &currency);

// Fits, reconciles and backtests on the global thread pool, not on a reader, so lists and the
// dashboard stay quick meanwhile. The future reports progress (series done of total) and stops
// at the next series when cancelled; fits come from ForecastCache::shared() when the data did
// not change.
QFuture<Result<ForecastReport>> computeForecast(ForecastInput input, ForecastRequest request);

// The dashboard's quarter outlook: read on a reader thread, computed on the global pool (two
// forecasts of one series each, through ForecastCache::shared()).
QFuture<Result<DashboardOutlook>> loadDashboardOutlook(Store &store, const QDate &asOf, const QString &currency);

} // namespace vantage::core
