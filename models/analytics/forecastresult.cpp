#include "forecastresult.h"

#include <cmath>

namespace vantage::core {

bool isFinite(const ForecastResult &r)
{
    for (const std::vector<double> *values : {&r.mean, &r.band80.lower, &r.band80.upper, &r.band95.lower, &r.band95.upper})
        for (double v : *values)
            if (!std::isfinite(v))
                return false;
    return true;
}

void setNormalBands(ForecastResult &result, const std::vector<double> &standardDeviations)
{
    const std::size_t n = result.mean.size();
    for (PredictionBand *band : {&result.band80, &result.band95}) {
        band->lower.assign(n, 0.0);
        band->upper.assign(n, 0.0);
    }
    for (std::size_t i = 0; i < n; ++i) {
        const double sd = standardDeviations[i];
        result.band80.lower[i] = result.mean[i] - kZ80 * sd;
        result.band80.upper[i] = result.mean[i] + kZ80 * sd;
        result.band95.lower[i] = result.mean[i] - kZ95 * sd;
        result.band95.upper[i] = result.mean[i] + kZ95 * sd;
    }
}

} // namespace vantage::core
