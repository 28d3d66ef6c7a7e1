#pragma once

#include "forecastresult.h"

#include <optional>
#include <span>

namespace vantage::core {

// Each period repeats the same period one cycle earlier; intervals from the seasonal
// differences, widening with the number of whole cycles ahead (R's forecast::snaive).
// With m = 1 it is the naive forecast. nullopt when y is shorter than one cycle plus one.
std::optional<ForecastResult> seasonalNaiveForecast(std::span<const double> y, int m, int horizon);

// Croston's method with the Syntetos–Boylan bias correction (SBA) for intermittent demand:
// smoothed non-zero sizes divided by smoothed intervals between them, × (1 − α/2), α = 0.1,
// levels started at the first value (R's forecast::croston, type "sba"). Intervals are the
// empirical 10/90% and 2.5/97.5% quantiles of the in-sample one-step errors around it, widened to
// hold the forecast itself and never below zero.
// nullopt with fewer than two non-zero values or a negative value.
std::optional<ForecastResult> crostonForecast(std::span<const double> y, int horizon, bool biasCorrected = true);

// True when at least 30% of the values are zero and none is negative: Croston territory.
bool looksIntermittent(std::span<const double> y);

} // namespace vantage::core
