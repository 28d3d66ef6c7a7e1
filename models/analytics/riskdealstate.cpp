#include "riskdealstate.h"

#include "riskcontext.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>

namespace vantage::core {

namespace {

template<typename Event, typename Time>
std::size_t countBefore(const std::vector<Event> &events, Time timeOf, qint64 cutoffMs)
{
    const auto end = std::partition_point(events.begin(), events.end(),
                                          [&](const Event &event) { return timeOf(event) < cutoffMs; });
    return std::size_t(end - events.begin());
}

QDate dayOf(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).date();
}

void readCloseDates(const RiskDeal &deal, qint64 cutoffMs, DealState &state)
{
    const std::size_t known = countBefore(deal.closeDates, [](const CloseDateChange &c) { return c.changedAt; }, cutoffMs);
    for (std::size_t i = 0; i < known; ++i) {
        if (i > 0 && deal.closeDates[i].expectedClose > deal.closeDates[i - 1].expectedClose)
            ++state.closePushes;
        state.lastTouchAt = std::max(state.lastTouchAt, deal.closeDates[i].changedAt);
    }
    if (known > 0)
        state.expectedClose = deal.closeDates[known - 1].expectedClose;
}

void readAmounts(const RiskDeal &deal, qint64 cutoffMs, DealState &state)
{
    const std::size_t known = countBefore(deal.amounts, [](const AmountChange &a) { return a.changedAt; }, cutoffMs);
    state.amountMinor = amountAt(deal, cutoffMs);
    state.peakAmountMinor = state.amountMinor;
    for (std::size_t i = 0; i < known; ++i) {
        state.peakAmountMinor = std::max(state.peakAmountMinor, deal.amounts[i].amountMinor);
        state.lastTouchAt = std::max(state.lastTouchAt, deal.amounts[i].changedAt);
    }
}

void readDiscount(const RiskDeal &deal, const RiskHistory &history, qint64 cutoffMs, DealState &state)
{
    const std::size_t known = countBefore(deal.quotes, [](const QuoteDiscount &q) { return q.createdAt; }, cutoffMs);
    for (std::size_t i = known; i > 0; --i) {
        const QuoteDiscount &quote = deal.quotes[i - 1];
        if (quote.subtotalMinor > 0) {
            state.discount = std::clamp(double(quote.discountMinor) / double(quote.subtotalMinor), 0.0, 1.0);
            return;
        }
    }
    const qint64 list = history.listPriceMinor.value(deal.productId + QLatin1Char('|') + deal.currency, 0);
    if (list > 0 && state.amountMinor > 0 && state.amountMinor < list)
        state.discount = 1.0 - double(state.amountMinor) / double(list);
}

void readInvoices(const RiskDeal &deal, const RiskHistory &history, qint64 cutoffMs, DealState &state)
{
    const QDate today = dayOf(cutoffMs);
    const auto found = history.invoicesByAccount.constFind(deal.accountId);
    if (found == history.invoicesByAccount.constEnd())
        return;
    for (const InvoiceRecord &invoice : *found) {
        if (invoice.dueOn < today && (!invoice.settledOn.isValid() || invoice.settledOn >= today)) {
            ++state.overdueInvoices;
            state.overdueMinor += invoice.amountMinor;
        }
    }
}

} // namespace

qint64 riskCutoffMs(const QDate &asOf)
{
    return QDateTime(asOf, QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
}

std::size_t visitsBefore(const RiskDeal &deal, qint64 cutoffMs)
{
    return countBefore(deal.stages, [](const StageVisit &v) { return v.enteredAt; }, cutoffMs);
}

qint64 amountAt(const RiskDeal &deal, qint64 cutoffMs)
{
    if (deal.amounts.empty())
        return deal.amountMinor;
    const std::size_t known = countBefore(deal.amounts, [](const AmountChange &a) { return a.changedAt; }, cutoffMs);
    return known == 0 ? deal.amounts.front().amountMinor : deal.amounts[known - 1].amountMinor;
}

std::optional<DealState> openDealAt(const RiskDeal &deal, const RiskHistory &history, const RiskContext &context,
                                    qint64 cutoffMs)
{
    if (deal.createdAt >= cutoffMs)
        return std::nullopt;
    const std::size_t visits = visitsBefore(deal, cutoffMs);
    if (visits == 0)
        return std::nullopt;
    const StageVisit &current = deal.stages[visits - 1];
    const RiskStage *stage = history.stage(current.stage);
    if (stage == nullptr || stage->closed)
        return std::nullopt;
    DealState state;
    state.deal = &deal;
    state.stage = stage;
    state.stageEnteredAt = current.enteredAt;
    state.lastTouchAt = std::max(deal.createdAt, current.enteredAt);
    readCloseDates(deal, cutoffMs, state);
    if (!state.expectedClose.isValid()) {
        const double usualDays = deal.kind == RiskDealKind::Order
            ? context.usualStageDays(kOrderOpenStage, deal.regionId, deal.productId)
            : context.cycleDays(deal.productId);
        state.expectedClose = dayOf(deal.stages.front().enteredAt).addDays(qint64(usualDays + 0.5));
        state.expectedCloseEstimated = true;
    }
    readAmounts(deal, cutoffMs, state);
    const std::size_t activities = countBefore(deal.activities, [](qint64 at) { return at; }, cutoffMs);
    if (activities > 0)
        state.lastTouchAt = std::max(state.lastTouchAt, deal.activities[activities - 1]);
    readDiscount(deal, history, cutoffMs, state);
    readInvoices(deal, history, cutoffMs, state);
    return state;
}

RiskOutcome outcomeBy(const DealState &state, const RiskHistory &history, qint64 horizonEndMs)
{
    const RiskDeal &deal = *state.deal;
    const std::size_t visits = visitsBefore(deal, horizonEndMs);
    const RiskStage *last = visits == 0 ? nullptr : history.stage(deal.stages[visits - 1].stage);
    if (last != nullptr && last->closed) {
        if (!last->won)
            return RiskOutcome::Lost;
        // An order shipped after its due date was late, however soon after.
        const bool late = deal.kind == RiskDealKind::Order && dayOf(deal.stages[visits - 1].enteredAt) > state.expectedClose;
        return late ? RiskOutcome::Slipped : RiskOutcome::Won;
    }
    return state.expectedClose < dayOf(horizonEndMs) ? RiskOutcome::Slipped : RiskOutcome::OnTrack;
}

} // namespace vantage::core
