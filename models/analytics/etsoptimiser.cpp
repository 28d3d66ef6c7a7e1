#include "etsoptimiser.h"

#include "etsadmissibility.h"

#include <Eigen/Core>
#include <nlopt.h>

#include <algorithm>
#include <cmath>

namespace vantage::core {

namespace {

constexpr double kPenalty = 1e12;
constexpr int kMaxEvaluations = 2000;
// The search stops when the point moves less than this share, or −2 log L less than the
// caller's tolerance (etsoptimiser.h).
constexpr double kParameterTolerance = 1e-3;

double profiledCallback(unsigned, const double *x, double *, void *data)
{
    return static_cast<const EtsOptimiser *>(data)->profiledObjective(x);
}

// Gauss–Newton steps in the initial states per parameter point, for models not linear in them.
constexpr int kProfileIterations = 4;
// Predicted fall of −2 log L below which the states count as settled for this parameter point.
constexpr double kProfileSettled = 0.1;

// Solves A x = b for a symmetric positive (semi)definite A given by its upper triangle (row
// major, n × n; overwritten by the factor). False when A is not numerically positive.
// N is n when known at compile time (0: size), so the loops over a few states unroll.
template<std::size_t N>
bool solveCholeskyOfSize(double *a, const double *b, double *x, std::size_t size)
{
    const std::size_t n = N ? N : size;
    for (std::size_t j = 0; j < n; ++j) {
        double diagonal = a[j * n + j];
        for (std::size_t k = 0; k < j; ++k)
            diagonal -= a[k * n + j] * a[k * n + j];
        if (!(diagonal > 0.0))
            return false;
        const double root = std::sqrt(diagonal);
        a[j * n + j] = root;
        for (std::size_t i = j + 1; i < n; ++i) {
            double value = a[j * n + i];
            for (std::size_t k = 0; k < j; ++k)
                value -= a[k * n + j] * a[k * n + i];
            a[j * n + i] = value / root;
        }
    }
    for (std::size_t i = 0; i < n; ++i) {  // Rᵀ z = b
        double value = b[i];
        for (std::size_t k = 0; k < i; ++k)
            value -= a[k * n + i] * x[k];
        x[i] = value / a[i * n + i];
    }
    for (std::size_t i = n; i-- > 0;) {  // R x = z
        double value = x[i];
        for (std::size_t k = i + 1; k < n; ++k)
            value -= a[i * n + k] * x[k];
        x[i] = value / a[i * n + i];
    }
    for (std::size_t i = 0; i < n; ++i)
        if (!std::isfinite(x[i]))
            return false;
    return true;
}

bool solveCholesky(double *a, const double *b, double *x, std::size_t n)
{
    switch (n) {  // the free initial states of quarterly and non-seasonal models
    case 1: return solveCholeskyOfSize<1>(a, b, x, n);
    case 2: return solveCholeskyOfSize<2>(a, b, x, n);
    case 4: return solveCholeskyOfSize<4>(a, b, x, n);
    case 5: return solveCholeskyOfSize<5>(a, b, x, n);
    default: return solveCholeskyOfSize<0>(a, b, x, n);
    }
}

} // namespace

namespace {

using C = EtsSpec::Component;

// One pass of the model's recursions that also carries the derivatives of every state with
// respect to the free initial states (forward sensitivities, one column per free initial
// state: level, trend, the first m − 1 seasonal indices; the last index is minus — or m minus —
// their sum). It accumulates what a Gauss–Newton step in the initial states needs: the Gram
// matrix of the residuals' gradients, their cross products with the residuals, and for
// multiplicative error the gradient of Σ log ŷ. For additive error and additive season the
// residuals are affine in the initial states, so one step is the exact least-squares answer.
template<C Error, C Trend, C Season, std::size_t Period>
bool profilePass(const EtsParameters &p, const EtsState &initial, std::span<const double> y,
                 EtsProfileWork &w)
{
    // Period (0 = any) and so the column count known at compile time for the usual periods:
    // the loops over columns unroll and vectorise.
    constexpr std::size_t trendColumns = Trend != C::None ? 2 : 1;
    constexpr std::size_t Columns = Season == C::None ? trendColumns : (Period ? trendColumns + Period - 1 : 0);
    constexpr bool multiplicativeError = Error == C::Multiplicative;
    constexpr bool multiplicative = multiplicativeError || Season == C::Multiplicative;
    const std::size_t P = Columns ? Columns : std::size_t(w.columns);
    const std::size_t m = Season != C::None ? (Period ? Period : initial.seasons.size()) : 1;
    w.ring.assign(m, 0.0);
    w.dLevel.assign(P, 0.0);
    w.dTrend.assign(P, 0.0);
    w.dRing.assign(m * P, 0.0);
    w.dBase.resize(P);
    w.gram.assign(P * P, 0.0);
    w.cross.assign(P, 0.0);
    w.logGradient.assign(P, 0.0);
    double *__restrict const ring = w.ring.data();
    double *__restrict const dLevel = w.dLevel.data();
    double *__restrict const dTrend = w.dTrend.data();
    double *__restrict const dRing = w.dRing.data();
    double *__restrict const dBase = w.dBase.data();
    // A few columns known at compile time: the Gram matrix grows row by row in registers
    // (a blocked product costs more than it saves there); otherwise the rows are kept for one.
    constexpr bool gramInLoop = Columns > 0 && Columns <= 8;
    double rowGradient[gramInLoop ? Columns : 1];
    if constexpr (!gramInLoop)
        w.jacobian.resize(y.size() * P);
    double *__restrict const jacobian = w.jacobian.data();
    double *__restrict const gram = w.gram.data();
    std::size_t row = 0;
    double *__restrict const cross = w.cross.data();
    double *__restrict const logGradient = w.logGradient.data();
    dLevel[0] = 1.0;
    const int trendColumn = Trend != C::None ? 1 : -1;
    if (trendColumn >= 0)
        dTrend[trendColumn] = 1.0;
    if constexpr (Season != C::None) {
        std::reverse_copy(initial.seasons.begin(), initial.seasons.end(), ring);
        // seasons[j] sits at ring[m − 1 − j]; seasons[m − 1] (ring[0]) is minus the sum.
        const std::size_t first = Trend != C::None ? 2 : 1;
        for (std::size_t j = 0; j + 1 < m; ++j) {
            dRing[(m - 1 - j) * P + first + j] = 1.0;
            dRing[first + j] = -1.0;
        }
    }
    const double alpha = p.alpha;
    const double gamma = p.gamma;
    const double phi = Trend != C::None ? p.phi : 0.0;
    const double beta = p.beta;
    double level = initial.level;
    double trend = initial.trend;
    double sumSquares = 0.0;
    double sumLogs = 0.0;
    double fittedProduct = 1.0;
    std::size_t slot = 0;
    for (const double value : y) {
        double *__restrict const dSeason = dRing + slot * P;
        const double season = Season != C::None ? ring[slot] : 0.0;
        const double damped = Trend != C::None ? phi * trend : 0.0;
        const double base = level + damped;
        for (std::size_t k = 0; k < P; ++k)
            dBase[k] = dLevel[k] + phi * dTrend[k];
        double fitted = base;
        double deseasonalised = value;
        double detrended = value - base;
        double inverseFitted = 0.0;  // 1/ŷ, where a ratio needs it
        double inverseSeason = 0.0;
        double inverseBase = 0.0;
        if constexpr (Season == C::Multiplicative) {
            fitted = base * season;
            // 1/s is ready before the level is (the index was set m steps ago), and nothing
            // the next level needs waits for 1/b: the divisions stay off the step's chain.
            inverseSeason = 1.0 / season;
            inverseBase = 1.0 / base;
            inverseFitted = inverseSeason * inverseBase;
            deseasonalised = value * inverseSeason;
            detrended = value * inverseBase;
        } else if constexpr (Season == C::Additive) {
            fitted = base + season;
            deseasonalised = value - season;
        }
        if (multiplicative ? !(fitted > 0.0) : !std::isfinite(fitted))
            return false;
        double residual = value - fitted;
        double residualScale = -1.0;  // ∂r/∂ŷ
        if constexpr (multiplicativeError) {
            if constexpr (Season != C::Multiplicative)
                inverseFitted = 1.0 / fitted;
            residual = value * inverseFitted - 1.0;
            residualScale = -value * inverseFitted * inverseFitted;
            fittedProduct *= fitted;
            if (fittedProduct > 1e100 || fittedProduct < 1e-100) [[unlikely]] {
                sumLogs += std::log(fittedProduct);
                fittedProduct = 1.0;
            }
        }
        sumSquares += residual * residual;
        // ∂ŷ/∂x0, then the residual's gradient and the state derivatives.
        const double seasonFactor = Season == C::Multiplicative ? base : 1.0;
        const double baseFactor = Season == C::Multiplicative ? season : 1.0;
        // −y/s² and −y/b², from the ratios above.
        const double deseasonFactor = Season == C::Multiplicative ? -deseasonalised * inverseSeason : -1.0;
        const double detrendFactor = Season == C::Multiplicative ? -detrended * inverseBase : -1.0;
        double *__restrict const jac = gramInLoop ? rowGradient : jacobian + row * P;
        for (std::size_t k = 0; k < P; ++k) {
            const double dSeasonK = Season != C::None ? dSeason[k] : 0.0;
            const double dFitted = baseFactor * dBase[k] + (Season != C::None ? seasonFactor * dSeasonK : 0.0);
            jac[k] = residualScale * dFitted;
            if constexpr (multiplicativeError)
                logGradient[k] += dFitted * inverseFitted;
            cross[k] += residual * jac[k];
            const double dDeseasonalised = Season != C::None ? deseasonFactor * dSeasonK : 0.0;
            const double dSurprise = dDeseasonalised - dBase[k];
            dLevel[k] = dBase[k] + alpha * dSurprise;
            if constexpr (Trend != C::None)
                dTrend[k] = phi * dTrend[k] + beta * dSurprise;
            if constexpr (Season != C::None)
                dSeason[k] = dSeasonK + gamma * (detrendFactor * dBase[k] - dSeasonK);
        }
        if constexpr (gramInLoop) {
            for (std::size_t a = 0; a < Columns; ++a)
                for (std::size_t b = a; b < Columns; ++b)
                    gram[a * Columns + b] += jac[a] * jac[b];
        }
        ++row;
        const double surprise = deseasonalised - base;
        level = base + alpha * surprise;
        if constexpr (Trend != C::None)
            trend = damped + beta * surprise;
        if constexpr (Season != C::None)
            ring[slot] = season + gamma * (detrended - season);
        if (++slot == m)
            slot = 0;
    }
    if constexpr (!gramInLoop) {
        // The Gram matrix of the residuals' gradients in one blocked product (upper triangle).
        const Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>> J(
            jacobian, Eigen::Index(row), Eigen::Index(P));
        Eigen::Map<Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>> G(
            gram, Eigen::Index(P), Eigen::Index(P));
        G.selfadjointView<Eigen::Upper>().rankUpdate(J.transpose());
    }
    w.sumSquares = sumSquares;
    w.sumLogs = sumLogs + std::log(fittedProduct);
    return std::isfinite(sumSquares) && std::isfinite(level);
}

template<C Error, C Trend>
bool profilePassWithSeason(const EtsSpec &spec, const EtsParameters &p, const EtsState &initial,
                           std::span<const double> y, EtsProfileWork &w)
{
    const std::size_t m = initial.seasons.size();
    switch (spec.season) {
    case C::None: return profilePass<Error, Trend, C::None, 0>(p, initial, y, w);
    case C::Additive:
        if (m == 4)
            return profilePass<Error, Trend, C::Additive, 4>(p, initial, y, w);
        if (m == 12)
            return profilePass<Error, Trend, C::Additive, 12>(p, initial, y, w);
        return profilePass<Error, Trend, C::Additive, 0>(p, initial, y, w);
    case C::Multiplicative:
        if (m == 4)
            return profilePass<Error, Trend, C::Multiplicative, 4>(p, initial, y, w);
        if (m == 12)
            return profilePass<Error, Trend, C::Multiplicative, 12>(p, initial, y, w);
        return profilePass<Error, Trend, C::Multiplicative, 0>(p, initial, y, w);
    }
    return false;
}

template<C Error>
bool profilePassWithTrend(const EtsSpec &spec, const EtsParameters &p, const EtsState &initial,
                          std::span<const double> y, EtsProfileWork &w)
{
    if (spec.hasTrend())
        return profilePassWithSeason<Error, C::Additive>(spec, p, initial, y, w);
    return profilePassWithSeason<Error, C::None>(spec, p, initial, y, w);
}

bool runProfilePass(const EtsSpec &spec, const EtsParameters &p, const EtsState &initial,
                    std::span<const double> y, EtsProfileWork &w)
{
    if (spec.multiplicativeError())
        return profilePassWithTrend<C::Multiplicative>(spec, p, initial, y, w);
    return profilePassWithTrend<C::Additive>(spec, p, initial, y, w);
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
void EtsOptimiser::decodeParameters(const double *x, EtsParameters &p) const
{
    p.alpha = x[0];
    p.beta = m_layout.beta >= 0 ? kSmoothingLower + x[m_layout.beta] * betaRoom(p.alpha) : 0.0;
    p.gamma = m_layout.gamma >= 0 ? kSmoothingLower + x[m_layout.gamma] * gammaRoom(p.alpha) : 0.0;
    p.phi = m_layout.phi >= 0 ? x[m_layout.phi] : 1.0;
}

void EtsOptimiser::decode(const double *x, EtsParameters &p, EtsState &state) const
{
    decodeParameters(x, p);
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

void EtsOptimiser::applyStep(EtsState &state, const double *step, double scale) const
{
    state.level += scale * step[0];
    int column = 1;
    if (m_spec.hasTrend())
        state.trend += scale * step[column++];
    if (m_spec.hasSeason()) {
        double sum = 0.0;
        for (int j = 0; j < m_period - 1; ++j) {
            state.seasons[std::size_t(j)] += scale * step[column++];
            sum += state.seasons[std::size_t(j)];
        }
        state.seasons.back() = (m_spec.multiplicativeSeason() ? m_period : 0.0) - sum;
    }
}

// For a multiplicative-error model with additive components (its one-step forecasts are affine
// in the initial states, as for the additive-error twin), the states that minimise the sum of
// squared one-step errors at these parameters: a start inside the domain when others are not.
// The Gauss–Newton step in the initial states from the sums of the last profile pass (in
// m_work.step; m_work.rhs is minus the gradient, up to the factor 2n/S): least squares for
// additive error; for multiplicative error the gradient also has the Σ log ŷ term.
bool EtsOptimiser::gaussNewtonStep(bool multiplicativeError, double n) const
{
    const auto P = std::size_t(m_work.columns);
    m_work.factor.resize(P * P);
    m_work.rhs.resize(P);
    m_work.step.resize(P);
    double trace = 0.0;
    for (std::size_t i = 0; i < P; ++i)
        trace += m_work.gram[i * P + i];
    for (std::size_t i = 0; i < P; ++i) {
        m_work.rhs[i] = -(m_work.cross[i] + (multiplicativeError ? m_work.sumSquares / n * m_work.logGradient[i] : 0.0));
        for (std::size_t j = i; j < P; ++j)
            m_work.factor[i * P + j] = m_work.gram[i * P + j];
        m_work.factor[i * P + i] += 1e-12 * trace / double(P) + 1e-300;  // a whisker of ridge
    }
    return solveCholesky(m_work.factor.data(), m_work.rhs.data(), m_work.step.data(), P);
}

bool EtsOptimiser::leastSquaresStates(const EtsParameters &p, EtsState &states) const
{
    if (!m_spec.multiplicativeError() || m_spec.multiplicativeSeason())
        return false;
    const EtsSpec twin{EtsSpec::Component::Additive, m_spec.trend, m_spec.season, m_spec.damped};
    states = m_startStates;
    if (!runProfilePass(twin, p, states, m_scaled, m_work))
        return false;
    if (!gaussNewtonStep(false, double(m_scaled.size())))
        return false;
    applyStep(states, m_work.step.data(), 1.0);
    return true;
}

bool EtsOptimiser::linearInStates() const
{
    return !m_spec.multiplicativeError() && !m_spec.multiplicativeSeason();
}

// −2 log L at fixed parameters and initial states (kPenalty outside the model's domain).
double EtsOptimiser::statesObjective(const EtsParameters &p, const EtsState &state) const
{
    if (m_spec.multiplicativeSeason()
        && std::any_of(state.seasons.begin(), state.seasons.end(), [](double s) { return s <= 0.0; }))
        return kPenalty;
    if ((m_spec.multiplicativeError() || m_spec.multiplicativeSeason()) && !(state.level > 0.0))
        return kPenalty;
    const EtsFilterOutput run = etsFilter(m_spec, p, state, m_scaled, false);
    if (!run.valid)
        return kPenalty;
    return std::max(run.minusTwoLogLikelihood(), -1e10);
}

double EtsOptimiser::profiledObjective(const double *theta) const
{
    EtsParameters p;
    decodeParameters(theta, p);
    if (!etsAdmissible(m_spec, p, m_period))
        return kPenalty;
    const int columns = m_work.columns;
    const double n = double(m_scaled.size());
    const bool linear = linearInStates();
    m_warm = m_bestStates;
    double value = kPenalty;
    int retries = 0;
    // A few Gauss–Newton steps in the initial states, each checked by a plain filter run and
    // halved until −2 log L falls; one step is exact when the model is linear in them.
    for (int iteration = 0; iteration < (linear ? 1 : kProfileIterations); ++iteration) {
        if (!runProfilePass(m_spec, p, m_warm, m_scaled, m_work)) {
            // The best states so far leave the model's domain here: once more from the start's,
            // then (multiplicative error, additive components) from the least-squares states,
            // which the additive-error twin would take here.
            if (iteration > 0 || retries == 2 || (retries == 1 && !leastSquaresStates(p, m_warm)))
                break;
            if (retries++ == 0)
                m_warm = m_startStates;
            --iteration;
            continue;
        }
        const double current = n * std::log(std::max(m_work.sumSquares, kMinimumSumOfSquares)) + 2.0 * m_work.sumLogs;
        value = std::min(value, std::max(current, -1e10));
        if (!(m_work.sumSquares > 0.0))  // an exact fit: nothing to improve
            break;
        const auto P = std::size_t(columns);
        if (!gaussNewtonStep(m_spec.multiplicativeError(), n))
            break;
        const std::vector<double> &step = m_work.step;
        const std::vector<double> &rhs = m_work.rhs;
        // Linear in the states: the step is the exact least-squares answer and the sum of
        // squares there is S − rhs·step; no run needed to know it.
        if (linear) {
            double fall = 0.0;
            for (std::size_t i = 0; i < P; ++i)
                fall += rhs[i] * step[i];
            const double minimum = m_work.sumSquares - fall;
            if (minimum > 1e-9 * m_work.sumSquares) {
                applyStep(m_warm, step.data(), 1.0);
                value = std::max(n * std::log(minimum), -1e10);
            }
            break;
        }
        // Predicted fall of −2 log L: small enough means we are there.
        double predicted = 0.0;
        for (std::size_t i = 0; i < P; ++i)
            predicted += step[i] * rhs[i];
        predicted *= n / m_work.sumSquares;
        double scale = 1.0;
        bool accepted = false;
        for (int halving = 0; halving < 4 && !accepted; ++halving, scale *= 0.5) {
            m_trial = m_warm;
            applyStep(m_trial, step.data(), scale);
            const double trialValue = statesObjective(p, m_trial);
            if (trialValue < current) {
                accepted = true;
                value = std::min(value, trialValue);
                std::swap(m_warm, m_trial);
            }
        }
        // Gauss–Newton is close to exact this near the answer: what is left after a step that
        // was predicted to gain little is far below the tolerance, so no further pass.
        if (!accepted || predicted < kProfileSettled)
            break;
    }
    if (value < m_bestValue) {
        m_bestValue = value;
        m_bestStates = m_warm;
        m_bestTheta.assign(theta, theta + m_layout.level);
    }
    return value;
}

// The search runs over the smoothing parameters only (one to four of them): at each of their
// points the initial states are concentrated out (profiledObjective), exactly for linear models
// and by converged Gauss–Newton steps otherwise, which takes the search from up to 16
// dimensions down to at most 4. Which basin it ends in depends on where it starts (R's N2151
// AAN fit is 17 better in −2 log L in the persistent basin than in the heuristic one), so it
// starts from the best of several points, each costing one evaluation (below).
std::optional<EtsOptimum> EtsOptimiser::run(const EtsStart &start, int firstSearch, int searches,
                                            const EtsWarmStart *warm, double likelihoodTolerance) const
{
    std::vector<double> lower, upper, step;
    bounds(lower, upper, step);
    std::vector<double> heuristic = encode(start);
    for (std::size_t i = 0; i < heuristic.size(); ++i)
        heuristic[i] = std::clamp(heuristic[i], lower[i], upper[i]);
    const auto dimensions = std::size_t(m_layout.level);
    m_work.columns = m_layout.size - m_layout.level;
    EtsParameters unused;
    decode(heuristic.data(), unused, m_startStates);
    // The related model's states: the states' search starts there, where a
    // multiplicative-error model is usually inside its domain when the heuristic start is not.
    if (warm && warm->initial && warm->initial->seasons.size() == m_startStates.seasons.size()) {
        m_startStates.level = warm->initial->level / m_scale;
        m_startStates.trend = m_spec.hasTrend() ? warm->initial->trend / m_scale : 0.0;
        for (std::size_t j = 0; j < m_startStates.seasons.size(); ++j)
            m_startStates.seasons[j] = warm->initial->seasons[j] / (m_spec.multiplicativeSeason() ? 1.0 : m_scale);
    }
    m_bestValue = kPenalty;
    m_bestStates = m_startStates;

    // Starting points: R's heuristic one; a persistent one (α = 0.9, β near α), because the
    // likelihood often has a second basin where level and slope follow the data closely; the
    // optimum of a closely related model when the caller has one (warm), else a coarse grid
    // over the smoothing parameters. With the states concentrated out each costs one
    // evaluation; the searches start from the best of them.
    std::vector<std::vector<double>> starts;
    starts.push_back(heuristic);
    std::vector<double> persistent = heuristic;
    persistent[0] = 0.9;
    if (m_layout.beta >= 0)
        persistent[std::size_t(m_layout.beta)] = 0.9;
    if (m_layout.gamma >= 0)
        persistent[std::size_t(m_layout.gamma)] = 0.5;
    starts.push_back(persistent);
    if (warm) {
        EtsStart near{warm->parameters, start.state};
        if (m_layout.phi >= 0 && !(warm->parameters.phi < 1.0))  // from an undamped model: damp a little
            near.parameters.phi = kPhiUpper - 0.02;
        starts.push_back(encode(near));
    }
    std::vector<std::pair<double, std::size_t>> ranked;
    const auto rankFrom = [&](std::size_t first) {
        for (std::size_t i = first; i < starts.size(); ++i) {
            starts[i].resize(dimensions);
            for (std::size_t d = 0; d < dimensions; ++d)
                starts[i][d] = std::clamp(starts[i][d], lower[d], upper[d]);
            ranked.emplace_back(profiledObjective(starts[i].data()), i);
        }
        std::sort(ranked.begin(), ranked.end());
    };
    rankFrom(0);
    if (!warm || !(ranked.front().first < kPenalty)) {
        const std::size_t first = starts.size();
        for (const double alpha : {0.05, 0.3, 0.7}) {
            for (const double beta : {0.1, 0.6}) {
                if (m_layout.beta < 0 && beta != 0.1)
                    continue;
                for (const double gamma : {0.1, 0.6}) {
                    if (m_layout.gamma < 0 && gamma != 0.1)
                        continue;
                    std::vector<double> point = persistent;
                    point[0] = alpha;
                    if (m_layout.beta >= 0)
                        point[std::size_t(m_layout.beta)] = beta;
                    if (m_layout.gamma >= 0)
                        point[std::size_t(m_layout.gamma)] = gamma;
                    if (m_layout.phi >= 0)
                        point[std::size_t(m_layout.phi)] = 0.95;
                    starts.push_back(point);
                }
            }
        }
        rankFrom(first);
    }

    nlopt_opt opt = nlopt_create(NLOPT_LN_NELDERMEAD, unsigned(dimensions));
    nlopt_set_lower_bounds(opt, lower.data());
    nlopt_set_upper_bounds(opt, upper.data());
    nlopt_set_initial_step(opt, step.data());
    nlopt_set_min_objective(opt, profiledCallback, const_cast<EtsOptimiser *>(this));
    nlopt_set_xtol_rel(opt, kParameterTolerance);
    nlopt_set_ftol_abs(opt, likelihoodTolerance);
    nlopt_set_maxeval(opt, kMaxEvaluations);
    const auto end = std::min(std::size_t(firstSearch + searches), ranked.size());
    for (auto r = std::size_t(firstSearch); r < end; ++r) {
        if (!(ranked[r].first < kPenalty))
            break;
        std::vector<double> x = starts[ranked[r].second];
        double value = kPenalty;
        nlopt_optimize(opt, x.data(), &value);
    }
    nlopt_destroy(opt);
    if (!(m_bestValue < kPenalty))
        return std::nullopt;
    EtsOptimum optimum;
    std::vector<double> best(heuristic.size(), 0.0);
    std::copy(m_bestTheta.begin(), m_bestTheta.end(), best.begin());
    decodeParameters(best.data(), optimum.parameters);
    optimum.initial = m_bestStates;
    optimum.initial.level *= m_scale;
    optimum.initial.trend *= m_scale;
    if (!m_spec.multiplicativeSeason())
        for (double &s : optimum.initial.seasons)
            s *= m_scale;
    return optimum;
}

} // namespace vantage::core
