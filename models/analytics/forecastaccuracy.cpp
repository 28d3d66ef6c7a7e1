#include "forecastaccuracy.h"

#include <cmath>

namespace vantage::core {

double maseScale(std::span<const double> history, int m)
{
    const std::size_t lag = std::size_t(std::max(m, 1));
    if (history.size() <= lag)
        return std::nan("");
    double sum = 0.0;
    for (std::size_t t = lag; t < history.size(); ++t)
        sum += std::fabs(history[t] - history[t - lag]);
    return sum / double(history.size() - lag);
}

ForecastAccuracy measureAccuracy(std::span<const double> history, int m, const ForecastResult &forecast,
                                 std::span<const double> actuals)
{
    ForecastAccuracy a;
    const std::size_t n = std::min(actuals.size(), forecast.mean.size());
    double absolute = 0.0, percent = 0.0, signedError = 0.0, level = 0.0;
    int inside80 = 0, inside95 = 0, percentCount = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double y = actuals[i];
        const double f = forecast.mean[i];
        const double denominator = std::fabs(y) + std::fabs(f);
        a.smape += denominator > 0.0 ? 200.0 * std::fabs(y - f) / denominator : 0.0;
        absolute += std::fabs(y - f);
        signedError += f - y;
        level += std::fabs(y);
        if (y != 0.0) {
            percent += 100.0 * std::fabs(y - f) / std::fabs(y);
            ++percentCount;
        }
        inside80 += (y >= forecast.band80.lower[i] && y <= forecast.band80.upper[i]) ? 1 : 0;
        inside95 += (y >= forecast.band95.lower[i] && y <= forecast.band95.upper[i]) ? 1 : 0;
    }
    if (n == 0)
        return a;
    const double count = double(n);
    a.count = int(n);
    a.smape /= count;
    const double scale = maseScale(history, m);
    a.mase = scale > 0.0 ? absolute / count / scale : std::nan("");
    a.mape = percentCount == a.count ? percent / percentCount : std::nan("");  // undefined with a zero actual
    a.bias = level > 0.0 ? 100.0 * signedError / level : std::nan("");
    a.coverage80 = 100.0 * inside80 / count;
    a.coverage95 = 100.0 * inside95 / count;
    return a;
}

ForecastAccuracy averageAccuracy(std::span<const ForecastAccuracy> parts)
{
    ForecastAccuracy mean;
    int series = 0, maseSeries = 0, mapeSeries = 0, biasSeries = 0;
    for (const ForecastAccuracy &part : parts) {
        if (part.count == 0)
            continue;
        ++series;
        mean.smape += part.smape;
        if (std::isfinite(part.mase)) {
            mean.mase += part.mase;
            ++maseSeries;
        }
        if (std::isfinite(part.mape)) {
            mean.mape += part.mape;
            ++mapeSeries;
        }
        if (std::isfinite(part.bias)) {
            mean.bias += part.bias;
            ++biasSeries;
        }
        mean.coverage80 += part.coverage80 * part.count;
        mean.coverage95 += part.coverage95 * part.count;
        mean.count += part.count;
    }
    if (series == 0) {  // nothing was scored: unknown, not zero
        const double unknown = std::nan("");
        mean.smape = mean.mase = mean.mape = mean.bias = mean.coverage80 = mean.coverage95 = unknown;
        return mean;
    }
    mean.smape /= series;
    mean.mase = maseSeries ? mean.mase / maseSeries : std::nan("");
    mean.mape = mapeSeries ? mean.mape / mapeSeries : std::nan("");
    mean.bias = biasSeries ? mean.bias / biasSeries : std::nan("");
    mean.coverage80 /= mean.count;
    mean.coverage95 /= mean.count;
    return mean;
}

} // namespace vantage::core
