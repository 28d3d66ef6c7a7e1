#include "classicaldecomposition.h"

#include <cmath>

namespace vantage::core {

namespace {

// Centred moving average of order m (2×m for even m); NaN where the window leaves the data.
std::vector<double> centredMovingAverage(std::span<const double> y, int m)
{
    std::vector<double> weights(std::size_t(m % 2 == 0 ? m + 1 : m), 1.0 / m);
    if (m % 2 == 0)
        weights.front() = weights.back() = 0.5 / m;
    const int half = int(weights.size() / 2);
    std::vector<double> trend(y.size(), std::nan(""));
    for (int t = half; t + half < int(y.size()); ++t) {
        double sum = 0.0;
        for (int k = -half; k <= half; ++k)
            sum += weights[std::size_t(k + half)] * y[std::size_t(t + k)];
        trend[std::size_t(t)] = sum;
    }
    return trend;
}

} // namespace

ClassicalDecomposition ClassicalDecomposition::of(std::span<const double> y, int m, Kind kind)
{
    ClassicalDecomposition result;
    if (m < 2 || y.size() < std::size_t(2 * m))
        return result;
    const std::vector<double> trend = centredMovingAverage(y, m);
    std::vector<double> sums(std::size_t(m), 0.0);
    std::vector<int> counts(std::size_t(m), 0);
    for (std::size_t t = 0; t < y.size(); ++t) {
        if (std::isnan(trend[t]))
            continue;
        const double detrended = kind == Kind::Additive ? y[t] - trend[t] : y[t] / trend[t];
        sums[t % std::size_t(m)] += detrended;
        ++counts[t % std::size_t(m)];
    }
    result.figure.resize(std::size_t(m));
    double total = 0.0;
    for (std::size_t i = 0; i < std::size_t(m); ++i) {
        result.figure[i] = sums[i] / counts[i];
        total += result.figure[i];
    }
    const double mean = total / m;
    for (double &value : result.figure)
        value = kind == Kind::Additive ? value - mean : value / mean;
    return result;
}

} // namespace vantage::core
