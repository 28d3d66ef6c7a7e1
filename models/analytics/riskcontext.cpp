#include "riskcontext.h"

#include "riskdealstate.h"

#include <algorithm>
#include <array>

namespace vantage::core {

namespace {

double median(std::vector<double> &values)
{
    const auto middle = values.begin() + std::ptrdiff_t(values.size() / 2);
    std::nth_element(values.begin(), middle, values.end());
    if (values.size() % 2 == 1)
        return *middle;
    return (*middle + *std::max_element(values.begin(), middle)) / 2.0;
}

QHash<QString, double> mediansOf(QHash<QString, std::vector<double>> &samples, std::size_t minimum)
{
    QHash<QString, double> medians;
    for (auto it = samples.begin(); it != samples.end(); ++it)
        if (it->size() >= minimum)
            medians.insert(it.key(), median(*it));
    return medians;
}

QString scopeKey(const QString &stage, const QString &region, const QString &product)
{
    return stage + QLatin1Char('|') + region + QLatin1Char('|') + product;
}

// An order is compared with the rep's orders, an opportunity with the rep's opportunities.
QString amountKey(RiskDealKind kind, const QString &owner)
{
    return QString::number(int(kind)) + QLatin1Char('|') + owner;
}

} // namespace

RiskContext RiskContext::learn(const RiskHistory &history, qint64 cutoffMs)
{
    RiskContext context;
    QHash<QString, std::vector<double>> stageDays;
    QHash<QString, std::vector<double>> repAmounts;
    QHash<QString, std::vector<double>> cycleDays;
    std::array<std::vector<double>, kRiskDealKindCount> allAmounts;
    WinCounts overall;
    for (const RiskDeal &deal : history.deals) {
        if (deal.createdAt >= cutoffMs)
            continue;
        const std::size_t known = visitsBefore(deal, cutoffMs);
        for (std::size_t i = 0; i + 1 < known; ++i) {
            const RiskStage *stage = history.stage(deal.stages[i].stage);
            if (stage == nullptr || stage->closed)
                continue;
            const double days = double(deal.stages[i + 1].enteredAt - deal.stages[i].enteredAt) / kRiskDayMs;
            for (const QString &key : {scopeKey(stage->code, deal.regionId, deal.productId),
                                       scopeKey(stage->code, QString(), deal.productId), scopeKey(stage->code, {}, {})})
                stageDays[key].push_back(days);
        }
        const double amount = double(amountAt(deal, cutoffMs));
        const std::size_t kind = std::size_t(deal.kind);
        repAmounts[amountKey(deal.kind, deal.ownerId)].push_back(amount);
        allAmounts[kind].push_back(amount);
        if (known == 0)
            continue;
        const RiskStage *last = history.stage(deal.stages[known - 1].stage);
        if (last == nullptr || !last->closed)
            continue;
        ++context.m_closed[kind];
        if (deal.kind != RiskDealKind::Opportunity)
            continue;  // a shipped order is not a won sale: win rates and cycles are the pipeline's
        const double won = last->won ? 1.0 : 0.0;
        for (WinCounts *counts : {&context.m_repCounts[deal.ownerId], &context.m_productCounts[deal.productId], &overall}) {
            counts->wins += won;
            counts->total += 1.0;
        }
        if (last->won) {
            const double days = double(deal.stages[known - 1].enteredAt - deal.stages.front().enteredAt) / kRiskDayMs;
            cycleDays[deal.productId].push_back(days);
            cycleDays[QString()].push_back(days);
        }
    }
    context.m_overallWinRate = overall.total > 0 ? (overall.wins + 1.0) / (overall.total + 2.0) : 0.5;
    context.m_stageDays = mediansOf(stageDays, kMinimumScopeSamples);
    context.m_repAmount = mediansOf(repAmounts, kMinimumScopeSamples);
    context.m_cycleDays = mediansOf(cycleDays, kMinimumScopeSamples);
    for (std::size_t kind = 0; kind < allAmounts.size(); ++kind)
        context.m_allAmount[kind] = allAmounts[kind].empty() ? 0.0 : median(allAmounts[kind]);
    return context;
}

double RiskContext::usualStageDays(const QString &stage, const QString &region, const QString &product) const
{
    for (const QString &key : {scopeKey(stage, region, product), scopeKey(stage, {}, product), scopeKey(stage, {}, {})}) {
        const auto found = m_stageDays.constFind(key);
        if (found != m_stageDays.constEnd())
            return std::max(*found, 1.0);
    }
    return kDefaultStageDays;
}

double RiskContext::usualAmountMinor(RiskDealKind kind, const QString &owner) const
{
    return m_repAmount.value(amountKey(kind, owner), m_allAmount[std::size_t(kind)]);
}

double RiskContext::cycleDays(const QString &product) const
{
    return m_cycleDays.value(product, m_cycleDays.value(QString(), kDefaultCycleDays));
}

double RiskContext::smoothedRate(const WinCounts &counts) const
{
    return (counts.wins + kWinRatePriorDeals * m_overallWinRate) / (counts.total + kWinRatePriorDeals);
}

} // namespace vantage::core
