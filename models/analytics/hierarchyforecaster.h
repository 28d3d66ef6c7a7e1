#pragma once

#include "domain/result.h"
#include "forecastreport.h"

#include <functional>

namespace vantage::core {

class ForecastCache;

// Forecasts every node of a measure's hierarchy (total → region → member, and member across
// regions), reconciles them so the parts add up, and backtests the reconciled forecasts at
// rolling origins: the accuracy shown beside a chart is the accuracy of what the chart shows.
class HierarchyForecaster
{
public:
    struct Hooks
    {
        std::function<bool()> cancelled;                 // nullable; checked between series
        std::function<void(int done, int total)> progress;  // nullable
    };

    static constexpr int kBacktestOrigins = 4;

    static Result<ForecastReport> run(const ForecastInput &input, const ForecastRequest &request,
                                      ForecastCache &cache, const Hooks &hooks = {});

    // Months summed into whole quarters: months before the first quarter start and the last
    // quarter's months if fewer than three (the current quarter is shown as forecast) are left
    // out. Returns the first month used.
    static QDate toQuarters(const QDate &firstMonth, std::vector<std::vector<double>> &series);
};

} // namespace vantage::core
