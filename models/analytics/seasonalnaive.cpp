#include "seasonalnaive.h"

#include <cmath>

namespace vantage::core {

std::optional<ForecastResult> seasonalNaiveForecast(std::span<const double> y, int m, int horizon)
{
    const int period = std::max(m, 1);
    const std::size_t n = y.size();
    if (n <= std::size_t(period))
        return std::nullopt;
    ForecastResult result;
    result.method = period > 1 ? QStringLiteral("Seasonal naive") : QStringLiteral("Naive");
    result.fitted.assign(n, std::nan(""));
    double sumSquares = 0.0;
    for (std::size_t t = std::size_t(period); t < n; ++t) {
        result.fitted[t] = y[t - std::size_t(period)];
        const double e = y[t] - result.fitted[t];
        sumSquares += e * e;
    }
    const double sigma = std::sqrt(sumSquares / double(n - std::size_t(period)));
    result.mean.resize(std::size_t(horizon));
    std::vector<double> sd(static_cast<std::size_t>(horizon));
    for (int h = 0; h < horizon; ++h) {
        result.mean[std::size_t(h)] = y[n - std::size_t(period) + std::size_t(h % period)];
        sd[std::size_t(h)] = sigma * std::sqrt(double(h / period + 1));
    }
    setNormalBands(result, sd);
    return result;
}

} // namespace vantage::core
