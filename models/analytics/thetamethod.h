#pragma once

#include "forecastresult.h"

#include <optional>
#include <span>

namespace vantage::core {

// The Theta method as entered in the M3 competition (Assimakopoulos & Nikolopoulos 2000) in the
// form of Hyndman & Billah (2003), as R's forecast::thetaf computes it: when a 90% test on the
// lag-m autocorrelation finds seasonality, the series is divided by a classical multiplicative
// decomposition; simple exponential smoothing plus half the slope of a straight line through
// the data (the θ = 0 and θ = 2 lines combined) forecast the adjusted series, which is then
// reseasonalised. One difference from thetaf: the interval width is reseasonalised too, so
// the band stays as wide, relative to the forecast, in strong and weak months.
class ThetaMethod
{
public:
    struct Internals
    {
        bool seasonal = false;
        double alpha = 0.0;
        double drift = 0.0;  // b/2 per period on the adjusted scale
    };

    static std::optional<ForecastResult> forecast(std::span<const double> y, int m, int horizon,
                                                  Internals *internals = nullptr);

    // The seasonality test thetaf applies (|r_m| > 1.645 standard errors).
    static bool looksSeasonal(std::span<const double> y, int m);
};

} // namespace vantage::core
