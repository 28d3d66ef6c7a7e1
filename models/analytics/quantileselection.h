#pragma once

#include <span>
#include <vector>

namespace vantage::core {

// Type-7 sample quantiles (R's default, as samplequantile.h's sortedQuantile of the sorted
// values) at ascending probabilities, by selection instead of a full sort: the same numbers in
// linear time. Reorders the values; scratch is working space, reused between calls.
// Built for the simulated bands, which ask for four tail quantiles of 2,000 paths per step.
void selectedQuantiles(std::vector<double> &values, std::span<const double> probabilities, std::span<double> out,
                       std::vector<double> &scratch);

} // namespace vantage::core
