#include "etsoptimiser.h"

#include "etsadmissibility.h"

#include <nlopt.h>

#include <algorithm>
#include <cmath>

namespace vantage::core {

namespace {

constexpr double kPenalty = 1e12;
constexpr int kMaxEvaluations = 2000;
// Stop when −2 log L moves less than this (or the point by this share): far below what
// separates models by AICc, and three times fewer evaluations than 1e-6 (docs/benchmarks.md).
constexpr double kTolerance = 1e-3;

double callback(unsigned, const double *x, double *, void *data)
{
    return static_cast<const EtsOptimiser *>(data)->objective(x);
}

} // namespace

EtsOptimiser::EtsOptimiser(const EtsSpec &spec, int m, std::span<const double> y)
    : m_spec(spec), m_period(spec.hasSeason() ? m : 1), m_scaled(y.begin(), y.end())
{
    double sum = 0.0;
    for (double v : y)
        sum += std::fabs(v);
    if (!y.empty() && sum > 0.0)
        m_scale = sum / double(y.size());
    for (double &v : m_scaled)
        v /= m_scale;
    int next = 1;  // 0 = α
    if (spec.hasTrend())
        m_layout.beta = next++;
    if (spec.hasSeason())
        m_layout.gamma = next++;
    if (spec.damped)
        m_layout.phi = next++;
    m_layout.level = next++;
    if (spec.hasTrend())
        m_layout.trend = next++;
    if (spec.hasSeason()) {
        m_layout.seasons = next;
        next += m_period - 1;
    }
    m_layout.size = next;
}

namespace {

// The usual region of β and γ (R's check.param): from the lower bound up to min(upper, α)
// and min(upper, 1 − α).
double betaRoom(double alpha)
{
    return std::max(std::min(kSmoothingUpper, alpha) - kSmoothingLower, 0.0);
}
double gammaRoom(double alpha)
{
    return std::max(std::min(kSmoothingUpper, 1.0 - alpha) - kSmoothingLower, 0.0);
}
double fraction(double value, double room)
{
    return room > 0.0 ? std::clamp((value - kSmoothingLower) / room, 0.0, 1.0) : 0.0;
}

} // namespace

// β and γ are packed as fractions in [0, 1] of their room in the usual region
// 1e-4 ≤ β ≤ α, 1e-4 ≤ γ ≤ 1 − α, so it becomes a box NLopt can keep to.
void EtsOptimiser::decode(const double *x, EtsParameters &p, EtsState &state) const
{
    p.alpha = x[0];
    p.beta = m_layout.beta >= 0 ? kSmoothingLower + x[m_layout.beta] * betaRoom(p.alpha) : 0.0;
    p.gamma = m_layout.gamma >= 0 ? kSmoothingLower + x[m_layout.gamma] * gammaRoom(p.alpha) : 0.0;
    p.phi = m_layout.phi >= 0 ? x[m_layout.phi] : 1.0;
    state.level = x[m_layout.level];
    state.trend = m_layout.trend >= 0 ? x[m_layout.trend] : 0.0;
    if (m_layout.seasons < 0)
        return;
    state.seasons.resize(std::size_t(m_period));
    double sum = 0.0;
    for (int j = 0; j < m_period - 1; ++j) {
        state.seasons[std::size_t(j)] = x[m_layout.seasons + j];
        sum += x[m_layout.seasons + j];
    }
    state.seasons.back() = (m_spec.multiplicativeSeason() ? m_period : 0.0) - sum;
}

std::vector<double> EtsOptimiser::encode(const EtsStart &start) const
{
    std::vector<double> x(std::size_t(m_layout.size));
    const EtsParameters &p = start.parameters;
    x[0] = p.alpha;
    if (m_layout.beta >= 0)
        x[std::size_t(m_layout.beta)] = fraction(p.beta, betaRoom(p.alpha));
    if (m_layout.gamma >= 0)
        x[std::size_t(m_layout.gamma)] = fraction(p.gamma, gammaRoom(p.alpha));
    if (m_layout.phi >= 0)
        x[std::size_t(m_layout.phi)] = p.phi;
    x[std::size_t(m_layout.level)] = start.state.level / m_scale;
    if (m_layout.trend >= 0)
        x[std::size_t(m_layout.trend)] = start.state.trend / m_scale;
    const double seasonScale = m_spec.multiplicativeSeason() ? 1.0 : m_scale;
    for (int j = 0; j < m_period - 1 && m_layout.seasons >= 0; ++j)
        x[std::size_t(m_layout.seasons + j)] = start.state.seasons[std::size_t(j)] / seasonScale;
    return x;
}

void EtsOptimiser::bounds(std::vector<double> &lower, std::vector<double> &upper,
                          std::vector<double> &step) const
{
    const std::size_t n = std::size_t(m_layout.size);
    lower.assign(n, kSmoothingLower);
    upper.assign(n, kSmoothingUpper);
    step.assign(n, 0.05);
    for (const int fractionIndex : {m_layout.beta, m_layout.gamma}) {
        if (fractionIndex >= 0) {
            lower[std::size_t(fractionIndex)] = 0.0;
            upper[std::size_t(fractionIndex)] = 1.0;
        }
    }
    if (m_layout.phi >= 0) {
        lower[std::size_t(m_layout.phi)] = kPhiLower;
        upper[std::size_t(m_layout.phi)] = kPhiUpper;
        step[std::size_t(m_layout.phi)] = 0.02;
    }
    // The data are scaled to mean |y| = 1, so states live within a few units of it.
    const bool positiveLevel = m_spec.multiplicativeError() || m_spec.multiplicativeSeason();
    lower[std::size_t(m_layout.level)] = positiveLevel ? 1e-6 : -1e3;
    upper[std::size_t(m_layout.level)] = 1e3;
    step[std::size_t(m_layout.level)] = 0.1;
    if (m_layout.trend >= 0) {
        lower[std::size_t(m_layout.trend)] = -1e2;
        upper[std::size_t(m_layout.trend)] = 1e2;
        step[std::size_t(m_layout.trend)] = 0.01;
    }
    for (int j = 0; j < m_period - 1 && m_layout.seasons >= 0; ++j) {
        const auto i = std::size_t(m_layout.seasons + j);
        lower[i] = m_spec.multiplicativeSeason() ? 1e-3 : -1e2;
        upper[i] = m_spec.multiplicativeSeason() ? double(m_period) : 1e2;
        step[i] = 0.05;
    }
}

double EtsOptimiser::objective(const double *x) const
{
    EtsParameters p;
    EtsState &state = m_scratch;
    decode(x, p, state);
    if (!etsAdmissible(m_spec, p, m_period))
        return kPenalty;
    if (m_spec.multiplicativeSeason()
        && std::any_of(state.seasons.begin(), state.seasons.end(), [](double s) { return s <= 0.0; }))
        return kPenalty;
    const EtsFilterOutput run = etsFilter(m_spec, p, state, m_scaled, false);
    if (!run.valid || run.sumSquaredErrors <= 0.0)
        return kPenalty;
    return std::max(run.minusTwoLogLikelihood(), -1e10);
}

// Two starts: R's heuristic one (small smoothing parameters) and a persistent one (α = 0.9,
// β near α), because the likelihood often has a second basin where level and slope follow
// the data closely; a direct search from one start cannot see the other (R's N2151 AAN fit
// is 17 better in −2 log L than the first basin). The better end point wins.
std::optional<EtsOptimum> EtsOptimiser::run(const EtsStart &start) const
{
    std::vector<double> lower, upper, step;
    bounds(lower, upper, step);
    std::vector<double> heuristic = encode(start);
    for (std::size_t i = 0; i < heuristic.size(); ++i)
        heuristic[i] = std::clamp(heuristic[i], lower[i], upper[i]);
    std::vector<double> persistent = heuristic;
    persistent[0] = 0.9;
    if (m_layout.beta >= 0)
        persistent[std::size_t(m_layout.beta)] = 0.9;
    if (m_layout.gamma >= 0)
        persistent[std::size_t(m_layout.gamma)] = 0.5;

    nlopt_opt opt = nlopt_create(NLOPT_LN_SBPLX, unsigned(heuristic.size()));
    nlopt_set_lower_bounds(opt, lower.data());
    nlopt_set_upper_bounds(opt, upper.data());
    nlopt_set_initial_step(opt, step.data());
    nlopt_set_min_objective(opt, callback, const_cast<EtsOptimiser *>(this));
    nlopt_set_xtol_rel(opt, kTolerance);
    nlopt_set_ftol_abs(opt, kTolerance);
    nlopt_set_maxeval(opt, kMaxEvaluations);
    std::vector<double> best;
    double bestValue = kPenalty;
    for (std::vector<double> *x : {&heuristic, &persistent}) {
        double value = kPenalty;
        if (nlopt_optimize(opt, x->data(), &value) > 0 && value < bestValue) {
            best = *x;
            bestValue = value;
        }
    }
    nlopt_destroy(opt);
    if (best.empty())
        return std::nullopt;
    EtsOptimum optimum;
    decode(best.data(), optimum.parameters, optimum.initial);
    optimum.initial.level *= m_scale;
    optimum.initial.trend *= m_scale;
    if (!m_spec.multiplicativeSeason())
        for (double &s : optimum.initial.seasons)
            s *= m_scale;
    return optimum;
}

} // namespace vantage::core
