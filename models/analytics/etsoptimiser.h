#pragma once

#include "etsinitialstate.h"

#include <optional>
#include <span>
#include <vector>

namespace vantage::core {

// Scratch space of the profile passes (etsoptimiser.cpp): reused, so an evaluation allocates
// nothing once the first one has sized it.
struct EtsProfileWork
{
    int columns = 0;  // free initial states
    std::vector<double> ring, dLevel, dTrend, dRing, dBase, jacobian, gram, cross, logGradient, factor, rhs, step;
    double sumSquares = 0.0;
    double sumLogs = 0.0;
};

struct EtsOptimum
{
    EtsParameters parameters;
    EtsState initial;
};

// The optimum of a closely related model, as a start: its parameters, and its initial states
// when they are states of this model too (same kind of season).
struct EtsWarmStart
{
    EtsParameters parameters;
    std::optional<EtsState> initial;
};

// Where a search stops in −2 log L: far below the 2 that one more parameter costs in AICc.
// Choosing among the candidate models uses the coarser: a tenth fewer evaluations than 1e-3,
// and over the M3 development series the chosen models' AICc are no worse (1e-2 was a fifth
// fewer but left a few fits in a worse basin; ADR 0010). A model fitted on its own (Theta's
// simple exponential smoothing, a model asked for by name) gets the finer.
inline constexpr double kEtsSelectionTolerance = 3e-3;
inline constexpr double kEtsSingleFitTolerance = 1e-3;

// Maximises the ETS likelihood over the smoothing parameters and the free initial states.
// NLopt's Nelder–Mead searches the smoothing parameters only (one to four); at each of their
// points the initial states are concentrated out (profiledObjective). The data are divided by
// their mean absolute value first, so every coordinate is of order one; that changes −2 log L
// by the same constant for every model, so the choice between models is unaffected, and the
// states are scaled back at the end.
class EtsOptimiser
{
public:
    EtsOptimiser(const EtsSpec &spec, int m, std::span<const double> y);

    // Searches from the starting points ranked firstSearch … firstSearch + searches − 1 by
    // their likelihood (0 = the best); the best end point of those searches.
    // With warm (the optimum of a closely related model) its parameters are a starting point
    // instead of the grid (unless no other start is admissible), and its initial states, when
    // of the same kind, are where the states' search begins.
    std::optional<EtsOptimum> run(const EtsStart &start, int firstSearch = 0, int searches = 2,
                                  const EtsWarmStart *warm = nullptr,
                                  double likelihoodTolerance = kEtsSelectionTolerance) const;

    // −2 log L at the smoothing parameters θ (the first coordinates of the packed point) with
    // the initial states at their best for θ: exact least squares for linear models, a few
    // Gauss–Newton steps from the best states so far otherwise. Public for NLopt's callback.
    double profiledObjective(const double *theta) const;

private:
    struct Layout
    {
        int beta = -1, gamma = -1, phi = -1, level = 0, trend = -1, seasons = -1, size = 0;
    };

    void decode(const double *x, EtsParameters &parameters, EtsState &state) const;
    void decodeParameters(const double *x, EtsParameters &parameters) const;
    double statesObjective(const EtsParameters &parameters, const EtsState &state) const;
    bool linearInStates() const;
    bool gaussNewtonStep(bool multiplicativeError, double n) const;
    bool leastSquaresStates(const EtsParameters &parameters, EtsState &states) const;
    void applyStep(EtsState &state, const double *step, double scale) const;
    std::vector<double> encode(const EtsStart &start) const;
    void bounds(std::vector<double> &lower, std::vector<double> &upper, std::vector<double> &step) const;

    EtsSpec m_spec;
    int m_period;
    double m_scale = 1.0;
    std::vector<double> m_scaled;
    Layout m_layout;
    mutable EtsProfileWork m_work;
    mutable EtsState m_warm, m_trial, m_bestStates, m_startStates;
    mutable std::vector<double> m_bestTheta;
    mutable double m_bestValue = 0.0;
};

} // namespace vantage::core
