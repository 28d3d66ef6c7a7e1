#include "etsstate.h"

#include <algorithm>
#include <cmath>

namespace vantage::core {

double EtsFilterOutput::minusTwoLogLikelihood() const
{
    // An exact fit (a constant series, say) would make it −∞; the floor keeps it finite, so
    // such a series still gets a model and a forecast. It never binds on real data.
    return double(count) * std::log(std::max(sumSquaredErrors, kMinimumSumOfSquares)) + 2.0 * sumLogAbsFitted;
}

void etsUpdate(const EtsSpec &spec, const EtsParameters &p, EtsState &state, double y)
{
    double season = spec.hasSeason() ? state.seasons.back() : 0.0;
    etsUpdateComponents(spec, p, state.level, state.trend, season, y);
    if (spec.hasSeason()) {
        std::rotate(state.seasons.rbegin(), state.seasons.rbegin() + 1, state.seasons.rend());
        state.seasons.front() = season;
    }
}

namespace {

using C = EtsSpec::Component;

// The filter specialised for one model shape, so the inner loop has no branches on the model:
// it is the optimiser's objective and runs millions of times.
template<C Error, C Trend, C Season, bool keepSeries>
EtsFilterOutput filterAs(const EtsParameters &p, const EtsState &initial, std::span<const double> y)
{
    constexpr bool multiplicativeError = Error == C::Multiplicative;
    constexpr bool multiplicative = multiplicativeError || Season == C::Multiplicative;
    EtsFilterOutput out;
    if constexpr (keepSeries) {
        out.fitted.reserve(y.size());
        out.errors.reserve(y.size());
    }
    const std::size_t m = Season != C::None ? initial.seasons.size() : 1;
    // Seasonal states in a ring in time order: ring[t mod m] is the index of the period
    // observed at step t, so a step costs no shifting.
    thread_local std::vector<double> ringStore;
    ringStore.assign(m, 0.0);
    double *const ring = ringStore.data();
    if constexpr (Season != C::None)
        std::reverse_copy(initial.seasons.begin(), initial.seasons.end(), ring);
    // Everything the loop carries lives in locals, not in `out` or behind a reference the
    // compiler must assume aliases the ring, so it stays in registers.
    const double alpha = p.alpha;
    const double gamma = p.gamma;
    const double phi = p.phi;
    const double beta = p.beta;
    double level = initial.level;
    double trend = initial.trend;
    double sumSquares = 0.0;
    double sumLogs = 0.0;
    double fittedProduct = 1.0;  // logs taken in batches: log is the costliest step
    bool inDomain = true;
    std::size_t slot = 0;
    for (const double value : y) {
        const double season = Season != C::None ? ring[slot] : 0.0;
        const double damped = Trend != C::None ? phi * trend : 0.0;
        const double base = level + damped;
        double fitted = base;
        double deseasonalised = value;
        double detrended = value - base;
        double error = 0.0;
        if constexpr (Season == C::Multiplicative) {
            fitted = base * season;
            // The index was known m steps ago, so 1/s is ready before the level is: of the
            // step's divisions only 1/b waits for it, and the next level does not wait for 1/b.
            const double inverseSeason = 1.0 / season;
            const double inverseBase = 1.0 / base;
            deseasonalised = value * inverseSeason;
            detrended = value * inverseBase;
            error = multiplicativeError ? deseasonalised * inverseBase - 1.0 : value - fitted;
        } else {
            if constexpr (Season == C::Additive) {
                fitted = base + season;
                deseasonalised = value - season;
            }
            error = multiplicativeError ? (value - fitted) / fitted : value - fitted;
        }
        if constexpr (multiplicative) {
            if (!(fitted > 0.0)) {
                inDomain = false;
                break;
            }
        } else if (!std::isfinite(fitted)) {
            inDomain = false;
            break;
        }
        if constexpr (keepSeries) {
            out.fitted.push_back(fitted);
            out.errors.push_back(error);
        }
        sumSquares += error * error;
        if constexpr (multiplicativeError) {
            fittedProduct *= fitted;
            if (fittedProduct > 1e100 || fittedProduct < 1e-100) [[unlikely]] {
                sumLogs += std::log(fittedProduct);
                fittedProduct = 1.0;
            }
        }
        // level − old level − φ·trend = α·u, so the trend's update is φ·trend + β·u: the same
        // number as R's form, with a shorter chain of dependent operations per step.
        const double surprise = deseasonalised - base;
        level = base + alpha * surprise;
        if constexpr (Trend != C::None)
            trend = damped + beta * surprise;
        if constexpr (Season != C::None)
            ring[slot] = season + gamma * (detrended - season);
        if (++slot == m)
            slot = 0;
    }
    if (!inDomain) {
        out.valid = false;
        return out;
    }
    out.sumSquaredErrors = sumSquares;
    out.sumLogAbsFitted = sumLogs;
    out.count = y.size();
    out.sumLogAbsFitted += std::log(fittedProduct);
    out.valid = std::isfinite(out.sumSquaredErrors) && std::isfinite(level);
    out.last.level = level;
    out.last.trend = trend;
    if constexpr (Season != C::None && keepSeries) {
        // Back to newest-first order: the next period's index (ring[slot]) goes last.
        out.last.seasons.resize(m);
        for (std::size_t k = 0; k < m; ++k)
            out.last.seasons[m - 1 - k] = ring[(slot + k) % m];
    }
    return out;
}

// The optimiser's calls (no series kept) get a loop without calls in it, so nothing spills:
// with the locals above, a quarter off the time of the old full-dimensional search.
template<C Error, C Trend, C Season>
EtsFilterOutput filterAs(const EtsParameters &p, const EtsState &initial, std::span<const double> y,
                         bool keepSeries)
{
    if (keepSeries)
        return filterAs<Error, Trend, Season, true>(p, initial, y);
    return filterAs<Error, Trend, Season, false>(p, initial, y);
}

template<C Error, C Trend>
EtsFilterOutput filterWithSeason(const EtsSpec &spec, const EtsParameters &p, const EtsState &initial,
                                 std::span<const double> y, bool keepSeries)
{
    switch (spec.season) {
    case C::None: return filterAs<Error, Trend, C::None>(p, initial, y, keepSeries);
    case C::Additive: return filterAs<Error, Trend, C::Additive>(p, initial, y, keepSeries);
    case C::Multiplicative: return filterAs<Error, Trend, C::Multiplicative>(p, initial, y, keepSeries);
    }
    return {};
}

template<C Error>
EtsFilterOutput filterWithTrend(const EtsSpec &spec, const EtsParameters &p, const EtsState &initial,
                                std::span<const double> y, bool keepSeries)
{
    if (spec.hasTrend())
        return filterWithSeason<Error, C::Additive>(spec, p, initial, y, keepSeries);
    return filterWithSeason<Error, C::None>(spec, p, initial, y, keepSeries);
}

} // namespace

EtsFilterOutput etsFilter(const EtsSpec &spec, const EtsParameters &parameters, const EtsState &initial,
                          std::span<const double> y, bool keepSeries)
{
    if (spec.multiplicativeError())
        return filterWithTrend<C::Multiplicative>(spec, parameters, initial, y, keepSeries);
    return filterWithTrend<C::Additive>(spec, parameters, initial, y, keepSeries);
}

std::vector<double> etsPointForecast(const EtsSpec &spec, double phi, const EtsState &state,
                                     int horizon)
{
    std::vector<double> forecast(static_cast<std::size_t>(std::max(horizon, 0)));
    const int m = int(state.seasons.size());
    double phiSum = phi;  // φ + φ² + … + φ^h
    double phiPower = phi;
    for (int i = 0; i < horizon; ++i) {
        double value = state.level + (spec.hasTrend() ? phiSum * state.trend : 0.0);
        if (spec.hasSeason()) {
            const double season = state.seasons[std::size_t(m - 1 - (i % m))];
            value = spec.multiplicativeSeason() ? value * season : value + season;
        }
        forecast[std::size_t(i)] = value;
        phiPower *= phi;
        phiSum += phiPower;
    }
    return forecast;
}

} // namespace vantage::core
