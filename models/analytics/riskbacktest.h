#pragma once

#include "riskassessment.h"

#include <QString>

namespace vantage::core {

// How one way of ranking the open pipeline did over the replayed Mondays.
struct RiskStrategyResult
{
    QString name;
    double precisionAtTen = 0;   // adverse share of each region's top ten, averaged over lists
    double lift = 0;             // precisionAtTen ÷ the lists' average base rate
    double auc = 0;              // over every scored deal-week
    double aucLost = 0;          // the same ranking against losses alone (slips not counted)
    double aucOrders = 0;        // the same ranking among the orders alone (late or cancelled)
    double brier = 0;            // NaN for rankings that are not probabilities
};

struct RiskBacktestWeek
{
    QDate monday;
    int openDeals = 0;
    int adverse = 0;
};

struct RiskBacktestReport
{
    std::vector<RiskStrategyResult> strategies;  // the model first, then the baselines
    std::vector<RiskBacktestWeek> weeks;
    int lists = 0;
    int scoredRows = 0;
    double baseRate = 0;                         // adverse share of all scored deal-weeks
    double lostRate = 0;                         // lost within four weeks, of all scored deal-weeks
    int orderRows = 0;                           // scored order-weeks
    double orderBaseRate = 0;                    // late or cancelled share of them
};

// Replays every Monday from `from` to `to` whose four-week outcome is in the data: trains on what
// was known that Monday, ranks the deals open then, and scores the ranking against what happened.
// Open orders are ranked with the opportunities, as on the list. Baselines: the rule prior alone, a plain (unregularised, uncalibrated) logistic model, oldest in
// stage first, largest amount first, and the training base rate (for the Brier score).
Result<RiskBacktestReport> runRiskBacktest(const RiskHistory &history, const QDate &from, const QDate &to,
                                           const RiskRunControl &control = {});

// The last day with a recorded stage entry: Mondays after it minus 28 days have no known outcome.
QDate riskHistoryEnd(const RiskHistory &history);

} // namespace vantage::core
