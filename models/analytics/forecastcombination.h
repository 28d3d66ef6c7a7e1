#pragma once

#include "forecastresult.h"

#include <optional>
#include <span>

namespace vantage::core {

// Equal-weight combination of automatic ETS, Theta and the best damped-trend ETS model. Point
// forecasts and fitted values are averaged; interval bounds are averaged too (quantile
// averaging, Lichtendahl, Grushka-Cockayne & Winkler 2013), which keeps the band honest when
// the members disagree less than their own errors. Members that cannot fit are left out.
std::optional<ForecastResult> combinationForecast(std::span<const double> y, int m, int horizon);

// Averages results of the same horizon; the method name lists the members.
ForecastResult averageForecasts(const std::vector<ForecastResult> &members);

} // namespace vantage::core
