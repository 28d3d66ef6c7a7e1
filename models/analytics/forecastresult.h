#pragma once

#include <QString>

#include <vector>

namespace vantage::core {

// Central 80% and 95% prediction intervals (z = 1.2816 and 1.9600 under normal errors).
inline constexpr double kZ80 = 1.2815515655446004;
inline constexpr double kZ95 = 1.9599639845400540;

struct PredictionBand
{
    std::vector<double> lower;
    std::vector<double> upper;
};

// What every method returns: the point forecast for h = 1..H, its intervals and the one-step
// in-sample fits (same length as the history, NaN where a method has none).
struct ForecastResult
{
    QString method;  // "ETS(M,Ad,M)", "Theta", "Seasonal naive", …
    std::vector<double> mean;
    PredictionBand band80;
    PredictionBand band95;
    std::vector<double> fitted;
};

// True when the point forecast and every band value are finite numbers.
bool isFinite(const ForecastResult &result);

// Normal intervals mean ± z·sd for each step.
void setNormalBands(ForecastResult &result, const std::vector<double> &standardDeviations);

} // namespace vantage::core
