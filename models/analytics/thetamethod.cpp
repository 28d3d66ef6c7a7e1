#include "thetamethod.h"

#include "classicaldecomposition.h"
#include "etsfitter.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace vantage::core {

namespace {

constexpr double kOneSided95 = 1.6448536269514722;

std::vector<double> autocorrelations(std::span<const double> y, int maxLag)
{
    const double mean = std::accumulate(y.begin(), y.end(), 0.0) / double(y.size());
    double denominator = 0.0;
    for (double v : y)
        denominator += (v - mean) * (v - mean);
    std::vector<double> r(std::size_t(maxLag + 1), 0.0);
    for (int k = 1; k <= maxLag; ++k) {
        double sum = 0.0;
        for (std::size_t t = 0; t + std::size_t(k) < y.size(); ++t)
            sum += (y[t] - mean) * (y[t + std::size_t(k)] - mean);
        r[std::size_t(k)] = sum / denominator;
    }
    return r;
}

double halfSlope(std::span<const double> x)
{
    const double n = double(x.size());
    const double meanT = (n - 1.0) / 2.0;
    const double meanX = std::accumulate(x.begin(), x.end(), 0.0) / n;
    double sxy = 0.0, sxx = 0.0;
    for (std::size_t t = 0; t < x.size(); ++t) {
        sxy += (double(t) - meanT) * (x[t] - meanX);
        sxx += (double(t) - meanT) * (double(t) - meanT);
    }
    return sxx > 0.0 ? sxy / sxx / 2.0 : 0.0;
}

} // namespace

bool ThetaMethod::looksSeasonal(std::span<const double> y, int m)
{
    if (m < 2 || y.size() <= std::size_t(2 * m))
        return false;
    if (std::all_of(y.begin(), y.end(), [&](double v) { return v == y.front(); }))
        return false;
    const std::vector<double> r = autocorrelations(y, m);
    double sum = 0.0;
    for (int k = 1; k < m; ++k)
        sum += r[std::size_t(k)] * r[std::size_t(k)];
    const double standardError = std::sqrt((1.0 + 2.0 * sum) / double(y.size()));
    return std::fabs(r[std::size_t(m)]) / standardError > kOneSided95;
}

std::optional<ForecastResult> ThetaMethod::forecast(std::span<const double> y, int m, int horizon,
                                                    Internals *internals)
{
    const std::size_t n = y.size();
    bool seasonal = looksSeasonal(y, m) && std::all_of(y.begin(), y.end(), [](double v) { return v > 0.0; });
    ClassicalDecomposition decomposition;
    if (seasonal) {
        decomposition = ClassicalDecomposition::of(y, m, ClassicalDecomposition::Kind::Multiplicative);
        seasonal = !decomposition.figure.empty()
                   && std::none_of(decomposition.figure.begin(), decomposition.figure.end(),
                                   [](double s) { return std::fabs(s) < 1e-4; });
    }
    std::vector<double> adjusted(y.begin(), y.end());
    if (seasonal)
        for (std::size_t t = 0; t < n; ++t)
            adjusted[t] /= decomposition.seasonalAt(t);

    const EtsSpec simple{EtsSpec::Component::Additive, EtsSpec::Component::None, EtsSpec::Component::None, false};
    const auto ses = EtsFitter::fit(adjusted, 1, simple);
    if (!ses)
        return std::nullopt;
    const double alpha = std::max(1e-10, ses->parameters.alpha);
    const double drift = halfSlope(adjusted);
    const double catchUp = (1.0 - std::pow(1.0 - alpha, double(n))) / alpha;

    ForecastResult result;
    result.method = QStringLiteral("Theta");
    result.mean.resize(std::size_t(horizon));
    std::vector<double> sd(static_cast<std::size_t>(horizon));
    for (int h = 0; h < horizon; ++h) {
        const double index = seasonal ? decomposition.seasonalAt(n + std::size_t(h)) : 1.0;
        result.mean[std::size_t(h)] = (ses->last.level + drift * (h + catchUp)) * index;
        sd[std::size_t(h)] = std::sqrt(ses->sigma2 * (h * alpha * alpha + 1.0)) * index;
    }
    setNormalBands(result, sd);
    result.fitted = ses->fitted;
    if (seasonal)
        for (std::size_t t = 0; t < n; ++t)
            result.fitted[t] *= decomposition.seasonalAt(t);
    if (internals)
        *internals = {seasonal, alpha, drift};
    return result;
}

} // namespace vantage::core
