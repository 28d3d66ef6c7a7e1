#pragma once

#include "etsspec.h"

#include <cmath>
#include <span>
#include <vector>

namespace vantage::core {

// Smoothing parameters; beta, gamma and phi matter only when the model has the component
// (phi is 1 for an undamped trend).
struct EtsParameters
{
    double alpha = 0.1;
    double beta = 0.0;
    double gamma = 0.0;
    double phi = 1.0;
};

// The state vector x_t = (level, trend, s_t, s_{t-1}, …, s_{t-m+1}); seasons.back() is the
// seasonal index of the next period, as in R's forecast package.
struct EtsState
{
    double level = 0.0;
    double trend = 0.0;
    std::vector<double> seasons;
};

// A divisor this close to 0 leaves a multiplicative model's domain.
inline constexpr double kEtsTiny = 1e-10;

// One step of the recursions on (level, trend) and the seasonal index s of the current period,
// which is replaced by its update. Written in terms of y, so both error types share it; inline
// for the simulated bands, which take it millions of times.
inline void etsUpdateComponents(const EtsSpec &spec, const EtsParameters &p, double &level, double &trend,
                             double &season, double y)
{
    const double damped = spec.hasTrend() ? p.phi * trend : 0.0;
    const double base = level + damped;
    double deseasonalised = y;
    if (spec.season == EtsSpec::Component::Additive)
        deseasonalised = y - season;
    else if (spec.season == EtsSpec::Component::Multiplicative)
        deseasonalised = std::fabs(season) < kEtsTiny ? HUGE_VAL : y / season;
    const double oldLevel = level;
    level = base + p.alpha * (deseasonalised - base);
    if (spec.hasTrend())
        trend = damped + (p.beta / p.alpha) * ((level - oldLevel) - damped);
    if (spec.hasSeason()) {
        double detrended = y - base;
        if (spec.season == EtsSpec::Component::Multiplicative)
            detrended = std::fabs(base) < kEtsTiny ? HUGE_VAL : y / base;
        season += p.gamma * (detrended - season);
    }
}

// Floor of the sum of squared errors in −2 log L (see minusTwoLogLikelihood).
inline constexpr double kMinimumSumOfSquares = 1e-300;

struct EtsFilterOutput
{
    std::vector<double> fitted;  // one-step forecasts ŷ_t
    std::vector<double> errors;  // y − ŷ (additive error) or (y − ŷ)/ŷ (multiplicative)
    double sumSquaredErrors = 0.0;
    double sumLogAbsFitted = 0.0;
    std::size_t count = 0;        // observations filtered
    bool valid = true;            // false when a multiplicative model left its domain
    EtsState last;

    // −2 log L up to a constant, as R's forecast::ets computes it.
    double minusTwoLogLikelihood() const;
};

// Runs the model's recursions over y from the initial state. The state update is written in
// terms of y itself, so additive- and multiplicative-error models share it; they differ in
// the error and the likelihood.
// keepSeries = false skips the fitted values, the errors and the last seasonal indices: the
// optimiser needs only the sums, and this way a run allocates nothing.
EtsFilterOutput etsFilter(const EtsSpec &spec, const EtsParameters &parameters, const EtsState &initial,
                          std::span<const double> y, bool keepSeries = true);

// Point forecasts for h = 1..horizon from a state.
std::vector<double> etsPointForecast(const EtsSpec &spec, double phi, const EtsState &state,
                                     int horizon);

// One step of the state update after observing y (used by the filter and by simulation).
void etsUpdate(const EtsSpec &spec, const EtsParameters &parameters, EtsState &state, double y);

} // namespace vantage::core
