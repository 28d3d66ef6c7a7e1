#include "etsfit.h"

#include "seededgaussian.h"

#include <algorithm>
#include <cmath>

namespace vantage::core {

namespace {

constexpr int kSimulatedPaths = 2000;

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

// sortedQuantile of the values once sorted, found by selection (two order statistics) instead
// of a full sort: the same number, in linear time. Reorders the values.
double selectedQuantile(std::vector<double> &values, double probability)
{
    if (values.empty())
        return std::nan("");
    const double position = probability * double(values.size() - 1);
    const auto below = std::size_t(std::floor(position));
    const double fraction = position - double(below);
    std::nth_element(values.begin(), values.begin() + long(below), values.end());
    const double low = values[below];
    const double high = below + 1 < values.size() ? *std::min_element(values.begin() + long(below) + 1, values.end()) : low;
    return low + fraction * (high - low);
}

void simulateBands(const EtsFit &fit, ForecastResult &result)
{
    const std::size_t horizon = result.mean.size();
    std::vector<std::vector<double>> paths(horizon, std::vector<double>(kSimulatedPaths));
    SeededGaussian noise(20261128u, std::sqrt(fit.sigma2));
    EtsState state = fit.last;
    const std::size_t m = state.seasons.size();
    for (int path = 0; path < kSimulatedPaths; ++path) {
        state.level = fit.last.level;
        state.trend = fit.last.trend;
        std::copy(fit.last.seasons.begin(), fit.last.seasons.end(), state.seasons.begin());
        for (std::size_t h = 0; h < horizon; ++h) {
            // etsPointForecast(…, 1) without its vector: this loop runs 2,000 × horizon times.
            double expected = state.level + (fit.spec.hasTrend() ? fit.parameters.phi * state.trend : 0.0);
            if (fit.spec.hasSeason())
                expected = fit.spec.multiplicativeSeason() ? expected * state.seasons[m - 1]
                                                           : expected + state.seasons[m - 1];
            // A relative error below −1 would make y negative and take the path out of the
            // multiplicative model's domain: truncated at −1, as R's simulate.ets does.
            const double e = fit.spec.multiplicativeError() ? std::max(noise.next(), -1.0) : noise.next();
            const double y = fit.spec.multiplicativeError() ? expected * (1.0 + e) : expected + e;
            paths[h][std::size_t(path)] = y;
            etsUpdate(fit.spec, fit.parameters, state, y);
        }
    }
    for (PredictionBand *band : {&result.band80, &result.band95}) {
        band->lower.resize(horizon);
        band->upper.resize(horizon);
    }
    for (std::size_t h = 0; h < horizon; ++h) {
        result.band80.lower[h] = selectedQuantile(paths[h], 0.10);
        result.band80.upper[h] = selectedQuantile(paths[h], 0.90);
        result.band95.lower[h] = selectedQuantile(paths[h], 0.025);
        result.band95.upper[h] = selectedQuantile(paths[h], 0.975);
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
