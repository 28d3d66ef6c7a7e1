#pragma once

#include "etsstate.h"

#include <optional>
#include <span>

namespace vantage::core {

struct EtsStart
{
    EtsParameters parameters;
    EtsState state;
};

// The optimiser's starting point, by R's forecast::ets heuristics (initparam, initstate): the
// seasonal figure of a classical decomposition of the first three cycles, level and slope from
// a straight line through the first max(10, 2m) seasonally adjusted values, small smoothing
// parameters. nullopt when the series is too short for the model.
std::optional<EtsStart> etsInitialState(std::span<const double> y, int m, const EtsSpec &spec);

// Lower and upper bounds of α, β, γ, φ (R's defaults).
inline constexpr double kSmoothingLower = 1e-4;
inline constexpr double kSmoothingUpper = 0.9999;
inline constexpr double kPhiLower = 0.8;
inline constexpr double kPhiUpper = 0.98;

} // namespace vantage::core
