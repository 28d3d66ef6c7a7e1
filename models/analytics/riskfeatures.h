#pragma once

#include "riskdealstate.h"

#include <QStringList>

#include <array>
#include <vector>

namespace vantage::core {

class RiskContext;

// The signals a risk score is made of. Each is a number where larger means "more unusual in the
// direction the name says"; the model learns how much each one matters.
enum class RiskFactor {
    StageAge,         // log2(days in stage ÷ usual days for that stage, region and product)
    CloseOverdue,     // months past the expected close date
    CloseDueSoon,     // 1 when the expected close falls within the horizon
    ClosePushed,      // times the expected close date was moved later
    AmountCut,        // share cut from the highest amount recorded
    Inactivity,       // log2(1 + days since anything was recorded on the deal)
    Discount,         // share off the list price or quote subtotal
    DealSize,         // log2(amount ÷ the rep's usual amount)
    CustomerOverdue,  // log2(1 + the customer's overdue invoices)
    RepWinRate,       // logit(rep's win rate) − logit(everyone's)
    ProductWinRate,   // logit(product's win rate) − logit(everyone's)
    CloseElapsed,     // share of the time from first stage (an order: ordered) to expected close gone, ≤ 1
};
constexpr int kRiskFactorCount = 12;

// The factors that apply to an order; the others (win rates, activity, pushes, cuts) are the
// pipeline's and stay 0 for orders.
const std::vector<RiskFactor> &orderRiskFactors();

// "stage_age", "close_overdue", …: stored in snapshots and action rules.
QString riskFactorCode(RiskFactor factor);
std::optional<RiskFactor> riskFactorFromCode(const QString &code);

// A deal's inputs at an instant: the factors above, then one indicator per open stage (the model
// learns a base rate per stage), plus the raw figures the reasons quote.
struct RiskFeatures
{
    std::array<double, kRiskFactorCount> factors{};
    int openStageIndex = 0;
    int daysInStage = 0;
    double usualStageDays = 0;
    int daysOverdue = 0;
    int daysSinceTouch = 0;
    int daysElapsed = 0;       // since the first stage (an order: since ordered)
    int daysPlanned = 0;       // from the first stage to the expected close
    double sizeRatio = 1;
    double repWinRate = 0;
    double productWinRate = 0;
    double overallWinRate = 0;

    double factor(RiskFactor which) const { return factors[std::size_t(which)]; }
};

constexpr int kRiskHorizonDays = 28;

RiskFeatures riskFeaturesOf(const DealState &state, const RiskContext &context, const QStringList &openStages,
                            qint64 cutoffMs);

// The model's input vector: factors followed by the open-stage indicators.
std::vector<double> riskInputVector(const RiskFeatures &features, int openStageCount);

} // namespace vantage::core
