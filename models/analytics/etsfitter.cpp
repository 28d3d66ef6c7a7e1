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

// The closely related model fitted before this one, whose optimum is a good start: the same
// model with additive instead of multiplicative season, else with additive instead of
// multiplicative error, else undamped. None for ANN, AAN, ANA and AAA.
std::optional<EtsSpec> twinOf(const EtsSpec &spec)
{
    if (spec.multiplicativeSeason())
        return EtsSpec{spec.error, spec.trend, C::Additive, spec.damped};
    if (spec.multiplicativeError())
        return EtsSpec{C::Additive, spec.trend, spec.season, spec.damped};
    if (spec.damped)
        return EtsSpec{spec.error, spec.trend, spec.season, false};
    return std::nullopt;
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
    if (auto result = fit(y, m, spec, 0, 2, nullptr, kEtsSingleFitTolerance))
        return result;
    // No starting point inside the model's domain (a multiplicative-error model whose
    // heuristic states give a fitted value ≤ 0): start from the twin's optimum instead.
    if (const auto twinSpec = twinOf(spec))
        if (const auto twin = fit(y, m, *twinSpec))
            return fit(y, m, spec, 0, 2, &*twin, kEtsSingleFitTolerance);
    return std::nullopt;
}

std::optional<EtsFit> EtsFitter::fit(std::span<const double> y, int m, const EtsSpec &spec, int firstSearch,
                                     int searches, const EtsFit *twin, double likelihoodTolerance)
{
    const int period = spec.hasSeason() ? m : 1;
    if (spec.hasSeason() && (m < 2 || y.size() < std::size_t(2 * m)))
        return std::nullopt;
    const auto start = etsInitialState(y, period, spec);
    if (!start)
        return std::nullopt;
    std::optional<EtsWarmStart> warm;
    if (twin) {
        warm = EtsWarmStart{twin->parameters, std::nullopt};
        if (twin->spec.season == spec.season)
            warm->initial = twin->initial;
    }
    const auto optimum = EtsOptimiser(spec, period, y).run(*start, firstSearch, searches, warm ? &*warm : nullptr,
                                                           likelihoodTolerance);
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
    // Fitted in an order where a model's twin — the same model with additive error, or
    // undamped, or with additive season — comes first: its optimum is a close start.
    std::vector<EtsSpec> ordered = specs;
    const auto rank = [](const EtsSpec &s) {
        return (s.multiplicativeError() ? 4 : 0) + (s.multiplicativeSeason() ? 8 : 0) + (s.damped ? 2 : 0);
    };
    std::stable_sort(ordered.begin(), ordered.end(),
                     [&](const EtsSpec &a, const EtsSpec &b) { return rank(a) < rank(b); });
    for (const EtsSpec &spec : ordered) {
        const EtsFit *twin = nullptr;
        const std::optional<EtsSpec> twinSpec = twinOf(spec);
        for (const EtsFit &done : fits)
            if (twinSpec && done.spec == *twinSpec)
                twin = &done;
        if (auto candidate = fit(y, m, spec, 0, 1, twin); candidate && std::isfinite(candidate->aicc))
            fits.push_back(std::move(*candidate));
    }
    const auto position = [&](const EtsFit &f) { return std::find(specs.begin(), specs.end(), f.spec) - specs.begin(); };
    std::stable_sort(fits.begin(), fits.end(),
                     [&](const EtsFit &a, const EtsFit &b) { return position(a) < position(b); });  // as asked
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
