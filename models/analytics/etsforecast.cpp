#include "etsfit.h"

#include "seededgaussian.h"

#include <algorithm>
#include <array>
#include <span>
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

// Type-7 quantiles (R's default, as samplequantile.h's sortedQuantile of the sorted values) at
// ascending probabilities, found by selection instead of a full sort: each order statistic by
// nth_element on what lies above the previous one. The same numbers in linear time; reorders
// the values.
void selectedQuantiles(std::vector<double> &values, std::span<const double> probabilities, std::span<double> out)
{
    const std::size_t n = values.size();
    std::size_t settled = 0;  // values[0, settled) are ≤ every value after them
    for (std::size_t i = 0; i < probabilities.size(); ++i) {
        if (n == 0) {
            out[i] = std::nan("");
            continue;
        }
        const double position = probabilities[i] * double(n - 1);
        const auto below = std::size_t(std::floor(position));
        const double fraction = position - double(below);
        const auto first = long(below >= settled ? settled : 0);
        std::nth_element(values.begin() + first, values.begin() + long(below), values.end());
        double high = values[below];
        if (below + 1 < n) {  // the next order statistic: the least of what lies above
            const auto least = std::min_element(values.begin() + long(below) + 1, values.end());
            std::iter_swap(values.begin() + long(below) + 1, least);
            high = values[below + 1];
        }
        settled = std::min(below + 2, n);
        out[i] = values[below] + fraction * (high - values[below]);
    }
}

void simulateBands(const EtsFit &fit, ForecastResult &result)
{
    const std::size_t horizon = result.mean.size();
    std::vector<std::vector<double>> paths(horizon, std::vector<double>(kSimulatedPaths));
    SeededGaussian noise(20261128u, std::sqrt(fit.sigma2));
    const std::size_t m = fit.last.seasons.size();
    std::vector<double> ring(std::max<std::size_t>(m, 1), 0.0);
    for (int path = 0; path < kSimulatedPaths; ++path) {
        double level = fit.last.level;
        double trend = fit.last.trend;
        std::copy(fit.last.seasons.begin(), fit.last.seasons.end(), ring.begin());
        std::size_t next = m > 0 ? m - 1 : 0;  // fit.last.seasons.back(): the next period's index
        for (std::size_t h = 0; h < horizon; ++h) {
            double &season = ring[next];
            // etsPointForecast(…, 1) without its vector: this loop runs 2,000 × horizon times.
            double expected = level + (fit.spec.hasTrend() ? fit.parameters.phi * trend : 0.0);
            if (fit.spec.hasSeason())
                expected = fit.spec.multiplicativeSeason() ? expected * season : expected + season;
            // A relative error below −1 would make y negative and take the path out of the
            // multiplicative model's domain: truncated at −1, as R's simulate.ets does.
            const double e = fit.spec.multiplicativeError() ? std::max(noise.next(), -1.0) : noise.next();
            const double y = fit.spec.multiplicativeError() ? expected * (1.0 + e) : expected + e;
            paths[h][std::size_t(path)] = y;
            etsUpdateComponents(fit.spec, fit.parameters, level, trend, season, y);
            // etsUpdate rotates the updated index to the front; in the ring the one before it
            // is the next period's.
            if (m > 0)
                next = next == 0 ? m - 1 : next - 1;
        }
    }
    for (PredictionBand *band : {&result.band80, &result.band95}) {
        band->lower.resize(horizon);
        band->upper.resize(horizon);
    }
    constexpr std::array<double, 4> probabilities{0.025, 0.10, 0.90, 0.975};
    std::array<double, 4> quantiles{};
    for (std::size_t h = 0; h < horizon; ++h) {
        selectedQuantiles(paths[h], probabilities, quantiles);
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
