#include "etsfit.h"

#include "quantileselection.h"
#include "seededgaussian.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace vantage::core {

namespace {

using C = EtsSpec::Component;

constexpr std::size_t kSimulatedPaths = 2000;

// c_j = w′ F^{j−1} g for j = 1..count: how a shock today moves the forecast j steps ahead.
std::vector<double> shockWeights(const EtsFit &fit, int count)
{
    const EtsSpec &spec = fit.spec;
    const EtsParameters &p = fit.parameters;
    const std::size_t m = fit.last.seasons.size();
    // v = F^{j−1} g as (level, trend, seasons…).
    double level = p.alpha;
    double trend = spec.hasTrend() ? p.beta : 0.0;
    std::vector<double> seasons(m, 0.0);
    if (m > 0)
        seasons[0] = p.gamma;
    std::vector<double> weights;
    weights.reserve(std::size_t(std::max(count, 0)));
    for (int j = 0; j < count; ++j) {
        double w = level + (spec.hasTrend() ? p.phi * trend : 0.0);
        if (m > 0)
            w += seasons[m - 1];
        weights.push_back(w);
        level = level + (spec.hasTrend() ? p.phi * trend : 0.0);
        trend = p.phi * trend;
        if (m > 0)
            std::rotate(seasons.rbegin(), seasons.rbegin() + 1, seasons.rend());
    }
    return weights;
}

std::vector<double> linearStandardDeviations(const EtsFit &fit, const std::vector<double> &mean)
{
    const int horizon = int(mean.size());
    const std::vector<double> c = shockWeights(fit, horizon);
    std::vector<double> sd(mean.size());
    if (!fit.spec.multiplicativeError()) {
        double sum = 1.0;
        for (int h = 0; h < horizon; ++h) {
            sd[std::size_t(h)] = std::sqrt(fit.sigma2 * sum);
            sum += c[std::size_t(h)] * c[std::size_t(h)];
        }
        return sd;
    }
    // Class 2: θ_h = μ_h² + σ² Σ_{j<h} c_j² θ_{h−j}; var = (1 + σ²) θ_h − μ_h².
    std::vector<double> theta(mean.size());
    for (int h = 0; h < horizon; ++h) {
        double value = mean[std::size_t(h)] * mean[std::size_t(h)];
        for (int j = 1; j <= h; ++j)
            value += fit.sigma2 * c[std::size_t(j - 1)] * c[std::size_t(j - 1)] * theta[std::size_t(h - j)];
        theta[std::size_t(h)] = value;
        const double variance = (1.0 + fit.sigma2) * value - mean[std::size_t(h)] * mean[std::size_t(h)];
        sd[std::size_t(h)] = std::sqrt(std::max(variance, 0.0));
    }
    return sd;
}

// 2,000 sample paths of a multiplicative-season model from its last state; paths[h][path] is y
// at step h + 1. The model's shape is a template argument: this loop runs 2,000 × horizon times
// per forecast.
template<bool multiplicativeError, C Trend>
void simulatePaths(const EtsFit &fit, std::vector<std::vector<double>> &paths)
{
    const EtsSpec spec{multiplicativeError ? C::Multiplicative : C::Additive, Trend, C::Multiplicative, fit.spec.damped};
    const EtsParameters &p = fit.parameters;
    SeededGaussian noise(20261128u, std::sqrt(fit.sigma2));
    const std::size_t m = fit.last.seasons.size();
    std::vector<double> ring(std::max<std::size_t>(m, 1), 0.0);
    for (std::size_t path = 0; path < kSimulatedPaths; ++path) {
        double level = fit.last.level;
        double trend = fit.last.trend;
        std::copy(fit.last.seasons.begin(), fit.last.seasons.end(), ring.begin());
        std::size_t next = m > 0 ? m - 1 : 0;  // fit.last.seasons.back(): the next period's index
        for (std::vector<double> &step : paths) {
            double &season = ring[next];
            // etsPointForecast(…, 1) without its vector.
            const double expected = (level + (Trend != C::None ? p.phi * trend : 0.0)) * season;
            // A relative error below −1 would make y negative and take the path out of the
            // multiplicative model's domain: truncated at −1, as R's simulate.ets does.
            const double y = multiplicativeError ? expected * (1.0 + std::max(noise.next(), -1.0)) : expected + noise.next();
            step[path] = y;
            etsUpdateComponents(spec, p, level, trend, season, y);
            // etsUpdate rotates the updated index to the front; in the ring the one before it
            // is the next period's.
            if (m > 0)
                next = next == 0 ? m - 1 : next - 1;
        }
    }
}

template<bool multiplicativeError>
void simulatePathsWithTrend(const EtsFit &fit, std::vector<std::vector<double>> &paths)
{
    if (fit.spec.hasTrend())
        simulatePaths<multiplicativeError, C::Additive>(fit, paths);
    else
        simulatePaths<multiplicativeError, C::None>(fit, paths);
}

// The bands of a multiplicative-season model (no closed form) from simulated paths.
void simulateBands(const EtsFit &fit, ForecastResult &result)
{
    const std::size_t horizon = result.mean.size();
    std::vector<std::vector<double>> paths(horizon, std::vector<double>(kSimulatedPaths));
    if (fit.spec.multiplicativeError())
        simulatePathsWithTrend<true>(fit, paths);
    else
        simulatePathsWithTrend<false>(fit, paths);
    for (PredictionBand *band : {&result.band80, &result.band95}) {
        band->lower.resize(horizon);
        band->upper.resize(horizon);
    }
    constexpr std::array<double, 4> probabilities{0.025, 0.10, 0.90, 0.975};
    std::array<double, 4> quantiles{};
    std::vector<double> scratch;
    for (std::size_t h = 0; h < horizon; ++h) {
        selectedQuantiles(paths[h], probabilities, quantiles, scratch);
        result.band95.lower[h] = quantiles[0];
        result.band80.lower[h] = quantiles[1];
        result.band80.upper[h] = quantiles[2];
        result.band95.upper[h] = quantiles[3];
    }
}

} // namespace

ForecastResult etsForecast(const EtsFit &fit, int horizon)
{
    ForecastResult result;
    result.method = fit.spec.displayName();
    result.mean = etsPointForecast(fit.spec, fit.parameters.phi, fit.last, horizon);
    result.fitted = fit.fitted;
    if (fit.spec.multiplicativeSeason())
        simulateBands(fit, result);
    else
        setNormalBands(result, linearStandardDeviations(fit, result.mean));
    return result;
}

std::optional<ForecastResult> etsForecastOfBest(std::vector<EtsFit> fits, int horizon, bool dampedOnly)
{
    std::sort(fits.begin(), fits.end(), [](const EtsFit &a, const EtsFit &b) { return a.aicc < b.aicc; });
    for (const EtsFit &fit : fits) {
        if (dampedOnly && !fit.spec.damped)
            continue;
        ForecastResult result = etsForecast(fit, horizon);
        if (isFinite(result))
            return result;
    }
    return std::nullopt;
}

} // namespace vantage::core
