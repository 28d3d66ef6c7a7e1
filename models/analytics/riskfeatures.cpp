#include "riskfeatures.h"

#include "riskcontext.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace vantage::core {

namespace {

constexpr std::array<const char *, kRiskFactorCount> kCodes{
    "stage_age", "close_overdue", "close_due_soon", "close_pushed", "amount_cut", "inactivity",
    "discount", "deal_size", "customer_overdue", "rep_win_rate", "product_win_rate", "close_elapsed"};

double logit(double p)
{
    const double clamped = std::clamp(p, 1e-4, 1.0 - 1e-4);
    return std::log(clamped / (1.0 - clamped));
}

int wholeDays(qint64 fromMs, qint64 toMs)
{
    return int(std::max<qint64>(toMs - fromMs, 0) / kRiskDayMs);
}

} // namespace

const std::vector<RiskFactor> &orderRiskFactors()
{
    // Not StageAge: an order's usual wait is its promised lead time (how long its ship mode takes),
    // which CloseElapsed already measures against.
    static const std::vector<RiskFactor> factors{RiskFactor::CloseOverdue, RiskFactor::CloseElapsed, RiskFactor::Discount,
                                                 RiskFactor::DealSize, RiskFactor::CustomerOverdue};
    return factors;
}

QString riskFactorCode(RiskFactor factor)
{
    return QString::fromLatin1(kCodes[std::size_t(factor)]);
}

std::optional<RiskFactor> riskFactorFromCode(const QString &code)
{
    for (std::size_t i = 0; i < kCodes.size(); ++i)
        if (code == QLatin1String(kCodes[i]))
            return RiskFactor(i);
    return std::nullopt;
}

RiskFeatures riskFeaturesOf(const DealState &state, const RiskContext &context, const QStringList &openStages,
                            qint64 cutoffMs)
{
    const RiskDeal &deal = *state.deal;
    RiskFeatures out;
    auto set = [&out](RiskFactor factor, double value) { out.factors[std::size_t(factor)] = value; };
    out.openStageIndex = std::max<int>(int(openStages.indexOf(state.stage->code)), 0);
    out.daysInStage = wholeDays(state.stageEnteredAt, cutoffMs);
    out.usualStageDays = context.usualStageDays(state.stage->code, deal.regionId, deal.productId);
    set(RiskFactor::StageAge, std::clamp(std::log2(std::max(out.daysInStage, 1) / out.usualStageDays), -3.0, 4.0));

    const QDate today = QDateTime::fromMSecsSinceEpoch(cutoffMs, QTimeZone::utc()).date();
    out.daysOverdue = int(std::max<qint64>(state.expectedClose.daysTo(today), 0));
    set(RiskFactor::CloseOverdue, std::min(out.daysOverdue / 30.0, 6.0));
    const qint64 daysToClose = today.daysTo(state.expectedClose);
    set(RiskFactor::CloseDueSoon, daysToClose >= 0 && daysToClose < kRiskHorizonDays ? 1.0 : 0.0);
    set(RiskFactor::ClosePushed, std::min(state.closePushes, 5));
    set(RiskFactor::AmountCut, state.peakAmountMinor > 0
            ? 1.0 - double(state.amountMinor) / double(state.peakAmountMinor) : 0.0);
    out.daysSinceTouch = wholeDays(state.lastTouchAt, cutoffMs);
    set(RiskFactor::Inactivity, std::log2(1.0 + out.daysSinceTouch));
    set(RiskFactor::Discount, state.discount);

    const QDate started = QDateTime::fromMSecsSinceEpoch(deal.stages.front().enteredAt, QTimeZone::utc()).date();
    out.daysElapsed = int(std::max<qint64>(started.daysTo(today), 0));
    out.daysPlanned = int(std::max<qint64>(started.daysTo(state.expectedClose), 1));
    set(RiskFactor::CloseElapsed, std::min(double(out.daysElapsed) / out.daysPlanned, 1.0));  // beyond: CloseOverdue

    const double usualAmount = context.usualAmountMinor(deal.kind, deal.ownerId);
    out.sizeRatio = usualAmount > 0 && state.amountMinor > 0 ? double(state.amountMinor) / usualAmount : 1.0;
    set(RiskFactor::DealSize, std::clamp(std::log2(out.sizeRatio), -4.0, 4.0));
    set(RiskFactor::CustomerOverdue, std::log2(1.0 + state.overdueInvoices));

    out.overallWinRate = context.overallWinRate();
    out.repWinRate = context.repWinRate(deal.ownerId);
    out.productWinRate = context.productWinRate(deal.productId);
    set(RiskFactor::RepWinRate, logit(out.repWinRate) - logit(out.overallWinRate));
    set(RiskFactor::ProductWinRate, logit(out.productWinRate) - logit(out.overallWinRate));
    if (deal.kind == RiskDealKind::Order) {
        const std::vector<RiskFactor> &applies = orderRiskFactors();
        for (int j = 0; j < kRiskFactorCount; ++j)
            if (std::find(applies.begin(), applies.end(), RiskFactor(j)) == applies.end())
                out.factors[std::size_t(j)] = 0.0;
    }
    return out;
}

std::vector<double> riskInputVector(const RiskFeatures &features, int openStageCount)
{
    std::vector<double> input(features.factors.begin(), features.factors.end());
    for (int stage = 0; stage < openStageCount; ++stage)
        input.push_back(stage == features.openStageIndex ? 1.0 : 0.0);
    return input;
}

} // namespace vantage::core
