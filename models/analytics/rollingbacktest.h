#pragma once

#include "forecastaccuracy.h"
#include "forecaster.h"

#include <functional>
#include <span>
#include <vector>

namespace vantage::core {

// Rolling-origin evaluation: the method is refitted at several past origins, each time on the
// data up to the origin only, and scored on the next `horizon` values that really happened.
// Origins are n − H, n − H − step, …, so every origin is scored on the full horizon.
struct BacktestResult
{
    ForecastAccuracy overall;                // mean over origins
    std::vector<ForecastAccuracy> perOrigin; // newest origin first
    std::vector<int> origins;                // length of the history used at each origin
};

struct BacktestOptions
{
    int horizon = 12;
    int originCount = 4;
    int step = 3;
    std::function<bool()> cancelled;  // checked between origins; nullable
};

// The origins (history lengths) n − H, n − H − step, … down to the shortest usable history.
std::vector<int> backtestOrigins(int n, int horizon, int step, int count);

BacktestResult rollingBacktest(std::span<const double> y, int m, ForecastMethod method,
                               const BacktestOptions &options);

} // namespace vantage::core
