#include "etsadmissibility.h"

#include <algorithm>
#include <cmath>

namespace vantage::core {

bool rootsInsideUnitCircle(std::span<const double> coefficients)
{
    thread_local std::vector<double> aStore, nextStore;
    aStore.assign(coefficients.begin(), coefficients.end());
    nextStore.resize(coefficients.size());
    // Plain pointers into the two buffers, swapped each round: no size bookkeeping per step.
    double *a = aStore.data();
    double *next = nextStore.data();
    for (std::size_t size = coefficients.size(); size > 1; --size) {
        const std::size_t n = size - 1;
        const double leading = a[n];
        const double constant = a[0];
        if (std::fabs(constant) > std::fabs(leading) * (1.0 + 1e-10))
            return false;
        if (std::fabs(leading) < 1e-300)
            return false;
        // Schur transform: (a_n p(z) − a_0 p*(z)) / z, scaled to keep the numbers near one.
        double scale = 0.0;
        for (std::size_t k = 0; k < n; ++k) {
            next[k] = leading * a[k + 1] - constant * a[n - k - 1];
            scale = std::max(scale, std::fabs(next[k]));
        }
        if (scale == 0.0) {
            // a_n p = a_0 p*: p is self-inversive, its roots pair up as r and 1/r̄, so they lie
            // in the closed disc only if all are on the circle, which holds exactly when the
            // roots of p′ lie in the closed disc (Cohn's theorem). Go on with p′.
            for (std::size_t k = 0; k < n; ++k)
                next[k] = double(k + 1) * a[k + 1];
        } else {
            const double inverse = 1.0 / scale;
            for (std::size_t k = 0; k < n; ++k)
                next[k] *= inverse;
        }
        std::swap(a, next);
    }
    return true;
}

bool etsAdmissible(const EtsSpec &spec, const EtsParameters &p, int m)
{
    const double phi = spec.damped ? p.phi : 1.0;
    if (phi < 0.0 || phi > 1.0 + 1e-8)
        return false;
    const double alpha = p.alpha;
    const double beta = spec.hasTrend() ? p.beta : 0.0;
    if (!spec.hasSeason() || m < 2) {
        if (alpha < 1.0 - 1.0 / phi || alpha > 1.0 + 1.0 / phi)
            return false;
        return !spec.hasTrend() || (beta >= alpha * (phi - 1.0) && beta <= (1.0 + phi) * (2.0 - alpha));
    }
    const double gamma = p.gamma;
    if (gamma < std::max(1.0 - 1.0 / phi - alpha, 0.0) || gamma > 1.0 + 1.0 / phi - alpha)
        return false;
    if (alpha < 1.0 - 1.0 / phi - gamma * (1.0 - m + phi + phi * m) / (2.0 * phi * m))
        return false;
    if (beta < -(1.0 - phi) * (gamma / m + alpha))
        return false;
    thread_local std::vector<double> characteristic;
    characteristic.clear();
    characteristic.push_back(phi * (1.0 - alpha - gamma));
    characteristic.push_back(alpha + beta - alpha * phi + gamma - 1.0);
    for (int i = 0; i < m - 2; ++i)
        characteristic.push_back(alpha + beta - alpha * phi);
    characteristic.push_back(alpha + beta - phi);
    characteristic.push_back(1.0);
    return rootsInsideUnitCircle(characteristic);
}

} // namespace vantage::core
