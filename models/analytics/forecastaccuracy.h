#pragma once

#include "forecastresult.h"

#include <span>

namespace vantage::core {

// Accuracy of one forecast against what happened; NaN where a measure is undefined (MAPE with
// a zero actual, MASE on a series without seasonal differences).
struct ForecastAccuracy
{
    double smape = 0.0;       // mean 200·|y−f|/(|y|+|f|), in percent
    double mase = 0.0;        // mean |y−f| / in-sample mean |y_t − y_{t−m}|
    double mape = 0.0;        // mean 100·|y−f|/|y|, in percent
    double bias = 0.0;        // mean (f − y) / mean |y|, in percent: positive = over-forecast
    double coverage80 = 0.0;  // share of actuals inside the 80% band, in percent
    double coverage95 = 0.0;
    int count = 0;            // forecast/actual pairs scored
};

// m is the seasonal period for MASE's scale (1 for non-seasonal data).
ForecastAccuracy measureAccuracy(std::span<const double> history, int m, const ForecastResult &forecast,
                                 std::span<const double> actuals);

// The mean absolute (seasonal) difference of the history, MASE's denominator.
double maseScale(std::span<const double> history, int m);

// Mean over several accuracies, weighting each by its number of pairs for the coverage and
// equally for the error measures (the M-competition convention: mean of per-series scores).
// Without any scored part every measure is NaN (unknown), never zero.
ForecastAccuracy averageAccuracy(std::span<const ForecastAccuracy> parts);

} // namespace vantage::core
