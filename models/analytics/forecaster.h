#pragma once

#include "domain/result.h"
#include "forecastresult.h"

#include <QStringList>

#include <optional>
#include <span>

namespace vantage::core {

enum class ForecastMethod {
    Auto,          // Croston (SBA) for intermittent series, otherwise the combination
    Ets,           // the ETS model with the smallest AICc
    Theta,
    SeasonalNaive,
    Croston,
    Combination,   // mean of automatic ETS, Theta and damped-trend ETS
};

// One entry point for every method: checks the input, runs the method, names it.
class Forecaster
{
public:
    static Result<ForecastResult> forecast(std::span<const double> history, int period, int horizon,
                                           ForecastMethod method);

    // "auto", "ets", "theta", "snaive", "croston", "comb" (the command line's names).
    static std::optional<ForecastMethod> methodFromName(const QString &name);
    static QString methodName(ForecastMethod method);
    static QStringList methodNames();
    // Translated, for the method panel: "Combination (ETS, Theta, damped trend)".
    static QString methodTitle(ForecastMethod method);

    // ForecastResult::method in the user's language: "Combination (ETS(M,A,M), Theta, …)" →
    // "组合预测（ETS(M,A,M)、Theta 法、…）". ETS codes stay as they are (a notation, not words).
    static QString translatedMethod(const QString &method);

    // The shortest history any method accepts.
    static constexpr int kMinimumHistory = 4;
};

} // namespace vantage::core
