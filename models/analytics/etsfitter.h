#pragma once

#include "etsfit.h"
#include "etsoptimiser.h"

#include <optional>
#include <span>

namespace vantage::core {

// Fits ETS models by maximum likelihood (NLopt's Nelder–Mead over the smoothing parameters,
// inside the admissible region, with the initial states concentrated out at each point:
// EtsOptimiser) and chooses between them by AICc, following R's forecast::ets in what it
// optimises and counts, so results can be checked against it.
class EtsFitter
{
public:
    // The models worth trying on y: multiplicative error or season only for positive data,
    // seasonal ones only with m ≥ 2 and two full cycles, none with more parameters than the
    // data can carry; additive error never with multiplicative season (infinite variance).
    static std::vector<EtsSpec> candidates(std::span<const double> y, int m);

    // Fits one model; nullopt when the data cannot carry it or no admissible fit exists.
    // Searches from the best two starting points (EtsOptimiser::run).
    static std::optional<EtsFit> fit(std::span<const double> y, int m, const EtsSpec &spec);
    // The same with the searches from the starting points ranked firstSearch … (0 = best);
    // with twin (a fit of a closely related model) its optimum is a starting point instead of
    // the grid; stopping where −2 log L moves less than likelihoodTolerance (EtsOptimiser::run).
    static std::optional<EtsFit> fit(std::span<const double> y, int m, const EtsSpec &spec, int firstSearch,
                                     int searches, const EtsFit *twin = nullptr,
                                     double likelihoodTolerance = kEtsSelectionTolerance);

    // The candidate with the smallest AICc.
    static std::optional<EtsFit> fitBest(std::span<const double> y, int m);
    static std::optional<EtsFit> fitBest(std::span<const double> y, int m,
                                         const std::vector<EtsSpec> &specs);

    // Every spec that fits, with a finite AICc, in the order of specs. Each model is searched
    // once: from its best starting point, or from the optimum of its twin (the same model with
    // additive season, else additive error, else undamped) when that was fitted first.
    static std::vector<EtsFit> fitAll(std::span<const double> y, int m, const std::vector<EtsSpec> &specs);

    // Smoothing parameters + free initial states, without σ (R's length(par)).
    static int freeParameterCount(const EtsSpec &spec, int m);
};

} // namespace vantage::core
