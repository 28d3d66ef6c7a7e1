#include "riskweek.h"

#include "riskcontext.h"

#include <QDateTime>
#include <QTimeZone>

namespace vantage::core {

QStringList riskOpenStages(const RiskHistory &history)
{
    QStringList open;
    for (const RiskStage &stage : history.stages)
        if (!stage.closed)
            open.push_back(stage.code);
    return open;
}

RiskWeek riskWeekAt(const RiskHistory &history, const QDate &asOf)
{
    RiskWeek week;
    week.asOf = asOf;
    week.cutoffMs = riskCutoffMs(asOf);
    const RiskContext context = RiskContext::learn(history, week.cutoffMs);
    for (int kind = 0; kind < kRiskDealKindCount; ++kind)
        week.closedDeals[std::size_t(kind)] = context.closedDeals(RiskDealKind(kind));
    const QStringList openStages = riskOpenStages(history);
    const qint64 horizonEnd = riskCutoffMs(asOf.addDays(kRiskHorizonDays));
    for (const RiskDeal &deal : history.deals) {
        auto state = openDealAt(deal, history, context, week.cutoffMs);
        if (!state)
            continue;
        RiskRow row{*state, riskFeaturesOf(*state, context, openStages, week.cutoffMs), {}, {}};
        row.input = riskInputVector(row.features, int(openStages.size()));
        row.outcome = outcomeBy(*state, history, horizonEnd);
        week.rows.push_back(std::move(row));
    }
    return week;
}

QDate riskHistoryStart(const RiskHistory &history)
{
    qint64 first = std::numeric_limits<qint64>::max();
    for (const RiskDeal &deal : history.deals)
        if (!deal.stages.empty())
            first = std::min(first, deal.stages.front().enteredAt);
    if (first == std::numeric_limits<qint64>::max())
        return {};
    return QDateTime::fromMSecsSinceEpoch(first, QTimeZone::utc()).date();
}

std::vector<QDate> riskMondays(const RiskHistory &history, const QDate &last)
{
    std::vector<QDate> mondays;
    const QDate start = riskHistoryStart(history);
    if (!start.isValid())
        return mondays;
    QDate monday = start.addDays(kRiskHorizonDays);
    monday = monday.addDays((8 - monday.dayOfWeek()) % 7);
    for (; monday <= last; monday = monday.addDays(7))
        mondays.push_back(monday);
    return mondays;
}

} // namespace vantage::core
