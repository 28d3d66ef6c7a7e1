#pragma once

#include "riskweek.h"

#include <QString>

#include <array>
#include <vector>

namespace vantage::core {

// A linear log-odds score over the risk inputs, with the reference point its per-input
// contributions are measured from ("what makes this deal riskier than a typical one").
struct LinearRiskScore
{
    double intercept = 0;
    std::vector<double> weights;
    std::vector<double> reference;

    double logOdds(const std::vector<double> &input) const;
};

struct RiskModelOptions
{
    double ridge = 10.0;             // L2 penalty on standardised weights
    bool calibrate = true;           // Platt scaling on the latest quarter of the training weeks
    double blendDeals = 200.0;       // the learned model's weight is n ÷ (n + this), n = closed deals
    int minimumPerClass = 20;        // fewer adverse or fine outcomes than this: the prior alone
};

// The risk model: a documented rule-based prior and, once there is history, an L2-regularised
// logistic regression on the user's own weekly outcomes, calibrated on the latest training weeks,
// blended with the prior in log-odds as history grows (docs/adr/0011). Opportunities and orders
// fail in different ways, so each kind has its own prior and its own fit on its own rows.
class RiskModel
{
public:
    static LinearRiskScore priorScore(RiskDealKind kind, int openStageCount);

    // weeks: cuts whose four-week outcome is known by the as-of instant (the caller's promise);
    // closedDeals: per kind, how much closed history there is (sets each kind's blend).
    static RiskModel train(const std::vector<const RiskWeek *> &weeks,
                           const std::array<int, kRiskDealKindCount> &closedDeals, int openStageCount,
                           const RiskModelOptions &options = {});

    double probability(const RiskRow &row) const;
    // Log-odds each input adds against the reference deal; sums to logOdds − reference logOdds.
    std::vector<double> contributions(const RiskRow &row) const;

    double learnedWeight(RiskDealKind kind = RiskDealKind::Opportunity) const;
    int trainingRows() const;

private:
    struct Segment
    {
        LinearRiskScore prior;
        LinearRiskScore learned;
        double learnedWeight = 0;
        int trainingRows = 0;
    };
    std::array<Segment, kRiskDealKindCount> m_segments;
};

} // namespace vantage::core
