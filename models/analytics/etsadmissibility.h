#pragma once

#include "etsspec.h"
#include "etsstate.h"

#include <span>

namespace vantage::core {

// Hyndman et al. (2008, ch. 10) admissible region: parameters for which the model forgets its
// past (the characteristic roots lie inside the unit circle), as R's forecast::ets checks with
// bounds = "both". Parameters must already lie inside the usual 0–1 region.
bool etsAdmissible(const EtsSpec &spec, const EtsParameters &parameters, int m);

// True when every root of a_0 + a_1 z + … + a_n z^n lies inside the closed unit disc (with a
// relative tolerance of 1e-10): the Schur–Cohn test, O(n²) and without an eigen solver,
// because the optimiser asks it thousands of times.
bool rootsInsideUnitCircle(std::span<const double> coefficients);

} // namespace vantage::core
