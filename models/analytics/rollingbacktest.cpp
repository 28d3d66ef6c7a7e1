#include "rollingbacktest.h"

namespace vantage::core {

std::vector<int> backtestOrigins(int n, int horizon, int step, int count)
{
    std::vector<int> origins;
    for (int j = 0; j < count; ++j) {
        const int origin = n - horizon - j * step;
        if (origin < Forecaster::kMinimumHistory)
            break;
        origins.push_back(origin);
    }
    return origins;
}

BacktestResult rollingBacktest(std::span<const double> y, int m, ForecastMethod method,
                               const BacktestOptions &options)
{
    BacktestResult result;
    for (const int origin : backtestOrigins(int(y.size()), options.horizon, options.step, options.originCount)) {
        if (options.cancelled && options.cancelled())
            break;
        const auto history = y.first(std::size_t(origin));
        const auto forecast = Forecaster::forecast(history, m, options.horizon, method);
        if (!forecast)
            continue;
        const auto actuals = y.subspan(std::size_t(origin), std::size_t(options.horizon));
        result.perOrigin.push_back(measureAccuracy(history, m, forecast.value(), actuals));
        result.origins.push_back(origin);
    }
    result.overall = averageAccuracy(result.perOrigin);
    return result;
}

} // namespace vantage::core
