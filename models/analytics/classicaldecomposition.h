#pragma once

#include <span>
#include <vector>

namespace vantage::core {

// Classical decomposition by moving averages (R's stats::decompose): a centred 2×m moving
// average as the trend, the seasonal figure as the mean detrended value of each position in
// the cycle, normalised to sum to zero (additive) or average one (multiplicative).
struct ClassicalDecomposition
{
    enum class Kind { Additive, Multiplicative };

    std::vector<double> figure;  // one index per position in the cycle, position 0 = t 0

    double seasonalAt(std::size_t t) const { return figure[t % figure.size()]; }
    // Decomposes y; needs y.size() ≥ 2·m and m ≥ 2. Empty figure when it cannot.
    static ClassicalDecomposition of(std::span<const double> y, int m, Kind kind);
};

} // namespace vantage::core
