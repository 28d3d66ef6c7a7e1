#include "etsfitter.h"

#include "etsinitialstate.h"
#include "etsoptimiser.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace vantage::core {

namespace {

using C = EtsSpec::Component;

bool positive(std::span<const double> y)
{
    return std::all_of(y.begin(), y.end(), [](double v) { return v > 0.0; });
}

void setCriteria(EtsFit &fit, std::size_t n, int freeParameters)
{
    const double k = freeParameters + 1;  // + σ²
    const double count = double(n);
    fit.parameterCount = freeParameters;
    fit.aic = fit.minusTwoLogLikelihood + 2.0 * k;
    fit.bic = fit.minusTwoLogLikelihood + std::log(count) * k;
    fit.aicc = count - k - 1.0 > 0.0 ? fit.aic + 2.0 * k * (k + 1.0) / (count - k - 1.0)
                                     : std::numeric_limits<double>::infinity();
    double sum = 0.0;
    for (double e : fit.residuals)
        sum += e * e;
    fit.sigma2 = sum / std::max(count - freeParameters, 1.0);
}

} // namespace

int EtsFitter::freeParameterCount(const EtsSpec &spec, int m)
{
    int count = 2;  // α, ℓ0
    if (spec.hasTrend())
        count += 2 + (spec.damped ? 1 : 0);  // β, b0, φ
    if (spec.hasSeason())
        count += m;  // γ and m − 1 free seasonal states
    return count;
}

std::vector<EtsSpec> EtsFitter::candidates(std::span<const double> y, int m)
{
    const bool dataPositive = positive(y);
    const bool seasonal = m >= 2 && y.size() >= std::size_t(2 * m);
    std::vector<EtsSpec> specs;
    for (C error : {C::Additive, C::Multiplicative}) {
        for (C trend : {C::None, C::Additive}) {
            for (bool damped : {false, true}) {
                for (C season : {C::None, C::Additive, C::Multiplicative}) {
                    const EtsSpec spec{error, trend, season, damped};
                    if ((damped && trend == C::None) || (season != C::None && !seasonal)
                        || (error == C::Additive && season == C::Multiplicative)
                        || ((error == C::Multiplicative || season == C::Multiplicative) && !dataPositive)
                        || int(y.size()) <= freeParameterCount(spec, m) + 4)
                        continue;
                    specs.push_back(spec);
                }
            }
        }
    }
    return specs;
}

std::optional<EtsFit> EtsFitter::fit(std::span<const double> y, int m, const EtsSpec &spec)
{
    const int period = spec.hasSeason() ? m : 1;
    if (spec.hasSeason() && (m < 2 || y.size() < std::size_t(2 * m)))
        return std::nullopt;
    const auto start = etsInitialState(y, period, spec);
    if (!start)
        return std::nullopt;
    const auto optimum = EtsOptimiser(spec, period, y).run(*start);
    if (!optimum)
        return std::nullopt;
    EtsFit fit;
    fit.spec = spec;
    fit.parameters = optimum->parameters;
    fit.initial = optimum->initial;
    const EtsFilterOutput run = etsFilter(spec, fit.parameters, fit.initial, y);
    if (!run.valid)
        return std::nullopt;
    fit.last = run.last;
    fit.fitted = run.fitted;
    fit.residuals = run.errors;
    fit.minusTwoLogLikelihood = run.minusTwoLogLikelihood();
    setCriteria(fit, y.size(), freeParameterCount(spec, period));
    return fit;
}

std::optional<EtsFit> EtsFitter::fitBest(std::span<const double> y, int m)
{
    return fitBest(y, m, candidates(y, m));
}

std::vector<EtsFit> EtsFitter::fitAll(std::span<const double> y, int m, const std::vector<EtsSpec> &specs)
{
    std::vector<EtsFit> fits;
    for (const EtsSpec &spec : specs)
        if (auto candidate = fit(y, m, spec); candidate && std::isfinite(candidate->aicc))
            fits.push_back(std::move(*candidate));
    return fits;
}

std::optional<EtsFit> EtsFitter::fitBest(std::span<const double> y, int m,
                                         const std::vector<EtsSpec> &specs)
{
    std::vector<EtsFit> fits = fitAll(y, m, specs);
    const auto best = std::min_element(fits.begin(), fits.end(),
                                       [](const EtsFit &a, const EtsFit &b) { return a.aicc < b.aicc; });
    if (best == fits.end())
        return std::nullopt;
    return std::move(*best);
}

} // namespace vantage::core
