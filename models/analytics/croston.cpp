#include "samplequantile.h"
#include "seasonalnaive.h"

#include <algorithm>
#include <cmath>

namespace vantage::core {

namespace {

constexpr double kCrostonAlpha = 0.1;

} // namespace

bool looksIntermittent(std::span<const double> y)
{
    if (y.empty() || std::any_of(y.begin(), y.end(), [](double v) { return v < 0.0; }))
        return false;
    const auto zeros = std::count(y.begin(), y.end(), 0.0);
    return double(zeros) >= 0.3 * double(y.size());
}

std::optional<ForecastResult> crostonForecast(std::span<const double> y, int horizon, bool biasCorrected)
{
    if (std::any_of(y.begin(), y.end(), [](double v) { return v < 0.0; })
        || std::count_if(y.begin(), y.end(), [](double v) { return v > 0.0; }) < 2)
        return std::nullopt;
    const double correction = biasCorrected ? 1.0 - kCrostonAlpha / 2.0 : 1.0;
    ForecastResult result;
    result.method = biasCorrected ? QStringLiteral("Croston (SBA)") : QStringLiteral("Croston");
    result.fitted.assign(y.size(), std::nan(""));
    double size = 0.0, interval = 0.0;
    bool started = false;
    int sinceLast = 0;
    std::vector<double> errors;
    for (std::size_t t = 0; t < y.size(); ++t) {
        ++sinceLast;
        if (started) {
            result.fitted[t] = correction * size / interval;
            errors.push_back(y[t] - result.fitted[t]);
        }
        if (y[t] <= 0.0)
            continue;
        if (!started) {
            size = y[t];
            interval = sinceLast;
            started = true;
        } else {
            size += kCrostonAlpha * (y[t] - size);
            interval += kCrostonAlpha * (sinceLast - interval);
        }
        sinceLast = 0;
    }
    const double forecast = correction * size / interval;
    result.mean.assign(std::size_t(horizon), forecast);
    std::sort(errors.begin(), errors.end());
    // Error quantiles of a series that drifts can all lie on one side of zero; the band is
    // widened to hold the point forecast, so it never says the forecast itself is unlikely.
    auto band = [&](double p) {
        const double bound = std::max(0.0, forecast + sortedQuantile(errors, p));
        return p < 0.5 ? std::min(bound, forecast) : std::max(bound, forecast);
    };
    result.band80.lower.assign(std::size_t(horizon), band(0.10));
    result.band80.upper.assign(std::size_t(horizon), band(0.90));
    result.band95.lower.assign(std::size_t(horizon), band(0.025));
    result.band95.upper.assign(std::size_t(horizon), band(0.975));
    return result;
}

} // namespace vantage::core
