#pragma once

#include "forecastresult.h"
#include "winprobabilitymodel.h"

#include <QDate>

#include <span>

namespace vantage::core {

struct OpenDeal
{
    QString stage;
    int daysInStage = 0;
    QDate expectedClose;
    double amount = 0.0;  // major units
};

// "Expected won by quarter end" as one number with an 80% range. What is won already is
// certain; the rest of the quarter is estimated twice — from the open pipeline (each deal
// expected to close by quarter end × its learned win probability, variance Σ p(1−p)·amount²)
// and from the time-series forecast of won value for the remaining months — and the two are
// combined with weights inversely proportional to their variances.
struct QuarterOutlook
{
    QDate quarterStart;
    QDate quarterEnd;
    double wonSoFar = 0.0;
    int pipelineDeals = 0;
    double pipelineAmount = 0.0;    // face value of the deals counted
    double pipelineExpected = 0.0;  // Σ p·amount
    double pipelineSd = 0.0;
    double seriesExpected = 0.0;    // forecast for the rest of the quarter
    double seriesSd = 0.0;
    double pipelineWeight = 0.0;    // share of the pipeline in the blend
    double expected = 0.0;          // won so far + blended remainder
    double low80 = 0.0;
    double high80 = 0.0;
};

class QuarterOutlookCalculator
{
public:
    // monthly: the forecast of monthly won value whose first period is asOf's month (history
    // ends with the last whole month). Deals with an expected close after the quarter are left
    // out; overdue ones stay in (they can still close this quarter).
    static QuarterOutlook compute(const QDate &asOf, double wonSoFar, std::span<const OpenDeal> openDeals,
                                  const WinProbabilityModel &model, const ForecastResult &monthly);
};

} // namespace vantage::core
