#include "etsinitialstate.h"

#include "classicaldecomposition.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace vantage::core {

namespace {

EtsParameters startingParameters(const EtsSpec &spec, int m)
{
    EtsParameters p;
    p.alpha = kSmoothingLower + 0.2 * (kSmoothingUpper - kSmoothingLower) / m;
    if (spec.hasTrend())
        p.beta = kSmoothingLower + 0.1 * (std::min(kSmoothingUpper, p.alpha) - kSmoothingLower);
    if (spec.hasSeason())
        p.gamma = kSmoothingLower + 0.05 * (std::min(kSmoothingUpper, 1.0 - p.alpha) - kSmoothingLower);
    p.phi = spec.damped ? kPhiLower + 0.99 * (kPhiUpper - kPhiLower) : 1.0;
    return p;
}

// Seasonal states s_0 … s_{m−1} (s_{m−1} belongs to the first observation); the last one is
// fixed by the others (they sum to 0, or to m for multiplicative seasonality).
std::vector<double> initialSeasons(const ClassicalDecomposition &decomposition, const EtsSpec &spec)
{
    const int m = int(decomposition.figure.size());
    std::vector<double> seasons(static_cast<std::size_t>(m));
    for (int j = 0; j < m - 1; ++j)
        seasons[std::size_t(j)] = decomposition.figure[std::size_t(m - 1 - j)];
    if (spec.multiplicativeSeason()) {
        for (int j = 0; j < m - 1; ++j)
            seasons[std::size_t(j)] = std::max(seasons[std::size_t(j)], 1e-2);
        const double sum = std::accumulate(seasons.begin(), seasons.end() - 1, 0.0);
        if (sum > m)
            for (int j = 0; j < m - 1; ++j)
                seasons[std::size_t(j)] /= sum + (m - 1) * 1e-2;
    }
    const double sum = std::accumulate(seasons.begin(), seasons.end() - 1, 0.0);
    seasons.back() = (spec.multiplicativeSeason() ? m : 0.0) - sum;
    return seasons;
}

} // namespace

std::optional<EtsStart> etsInitialState(std::span<const double> y, int m, const EtsSpec &spec)
{
    EtsStart start;
    start.parameters = startingParameters(spec, spec.hasSeason() ? m : 1);
    std::vector<double> adjusted(y.begin(), y.end());
    if (spec.hasSeason()) {
        const std::size_t cycles = std::min<std::size_t>(y.size(), std::size_t(3 * m));
        const auto kind = spec.multiplicativeSeason() ? ClassicalDecomposition::Kind::Multiplicative
                                                      : ClassicalDecomposition::Kind::Additive;
        const auto decomposition = ClassicalDecomposition::of(y.first(cycles), m, kind);
        if (decomposition.figure.empty())
            return std::nullopt;
        start.state.seasons = initialSeasons(decomposition, spec);
        for (std::size_t t = 0; t < adjusted.size(); ++t) {
            const double s = decomposition.seasonalAt(t);
            adjusted[t] = spec.multiplicativeSeason() ? adjusted[t] / std::max(s, 1e-2) : adjusted[t] - s;
        }
    }
    const std::size_t count = std::min<std::size_t>(std::max(10, 2 * m), adjusted.size());
    if (count < 2)
        return std::nullopt;
    if (!spec.hasTrend()) {
        start.state.level = std::accumulate(adjusted.begin(), adjusted.begin() + long(count), 0.0) / double(count);
        return start;
    }
    // Least-squares line through (1, a_1) … (count, a_count): ℓ0 is its value at t = 0.
    double meanT = (double(count) + 1.0) / 2.0;
    double meanA = std::accumulate(adjusted.begin(), adjusted.begin() + long(count), 0.0) / double(count);
    double sxy = 0.0, sxx = 0.0;
    for (std::size_t i = 0; i < count; ++i) {
        sxy += (double(i + 1) - meanT) * (adjusted[i] - meanA);
        sxx += (double(i + 1) - meanT) * (double(i + 1) - meanT);
    }
    start.state.trend = sxy / sxx;
    start.state.level = meanA - start.state.trend * meanT;
    if (std::fabs(start.state.level + start.state.trend) < 1e-8) {
        start.state.level *= 1.0 + 1e-3;
        start.state.trend *= 1.0 - 1e-3;
    }
    return start;
}

} // namespace vantage::core
