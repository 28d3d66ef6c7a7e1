#pragma once

#include <cmath>
#include <vector>

namespace vantage::core {

// Quantile of sorted values by linear interpolation (R's type 7, the default of quantile()).
inline double sortedQuantile(const std::vector<double> &sorted, double probability)
{
    if (sorted.empty())
        return std::nan("");
    const double position = probability * double(sorted.size() - 1);
    const auto below = std::size_t(std::floor(position));
    const std::size_t above = std::min(below + 1, sorted.size() - 1);
    const double fraction = position - double(below);
    return sorted[below] + fraction * (sorted[above] - sorted[below]);
}

} // namespace vantage::core
