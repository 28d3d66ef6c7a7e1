#pragma once

#include "etsinitialstate.h"

#include <optional>
#include <span>
#include <vector>

namespace vantage::core {

struct EtsOptimum
{
    EtsParameters parameters;
    EtsState initial;
};

// Maximises the ETS likelihood over the smoothing parameters and the free initial states with
// NLopt. The data are divided by their mean absolute value first, so every coordinate is of
// order one; that changes −2 log L by the same constant for every model, so the choice
// between models is unaffected, and the states are scaled back at the end.
class EtsOptimiser
{
public:
    EtsOptimiser(const EtsSpec &spec, int m, std::span<const double> y);

    std::optional<EtsOptimum> run(const EtsStart &start) const;

    // −2 log L of the scaled data at the packed point x (a large penalty outside the
    // admissible region). Public for NLopt's C callback.
    double objective(const double *x) const;

private:
    struct Layout
    {
        int beta = -1, gamma = -1, phi = -1, level = 0, trend = -1, seasons = -1, size = 0;
    };

    void decode(const double *x, EtsParameters &parameters, EtsState &state) const;
    std::vector<double> encode(const EtsStart &start) const;
    void bounds(std::vector<double> &lower, std::vector<double> &upper, std::vector<double> &step) const;

    EtsSpec m_spec;
    int m_period;
    double m_scale = 1.0;
    std::vector<double> m_scaled;
    Layout m_layout;
    mutable EtsState m_scratch;  // reused by objective(): no allocation per evaluation
};

} // namespace vantage::core
