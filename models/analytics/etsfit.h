#pragma once

#include "etsstate.h"
#include "forecastresult.h"

#include <optional>

namespace vantage::core {

// A fitted ETS model: parameters and initial state by maximum likelihood, and the information
// criteria that choose between models.
struct EtsFit
{
    EtsSpec spec;
    EtsParameters parameters;
    EtsState initial;
    EtsState last;
    std::vector<double> fitted;
    std::vector<double> residuals;
    double minusTwoLogLikelihood = 0.0;
    double aic = 0.0;
    double aicc = 0.0;
    double bic = 0.0;
    double sigma2 = 0.0;     // variance of the (relative, for M error) one-step errors
    int parameterCount = 0;  // smoothing parameters + free initial states
};

// Point forecasts and 80/95% intervals. Linear models (additive error) and multiplicative
// error with additive components get exact variances (Hyndman et al. 2008, classes 1 and 2);
// multiplicative seasonality gets intervals from 2,000 simulated sample paths with a fixed
// seed, so the same data always gives the same band.
ForecastResult etsForecast(const EtsFit &fit, int horizon);

// The forecast of the fit with the smallest AICc (among damped-trend fits only, if asked) whose
// forecast is finite: a model whose simulated paths explode is passed over for the next best.
std::optional<ForecastResult> etsForecastOfBest(std::vector<EtsFit> fits, int horizon, bool dampedOnly = false);

} // namespace vantage::core
