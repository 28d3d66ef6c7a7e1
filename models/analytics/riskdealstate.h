#pragma once

#include "riskhistory.h"

#include <optional>

namespace vantage::core {

class RiskContext;

// How many of the deal's stage visits happened before the instant.
std::size_t visitsBefore(const RiskDeal &deal, qint64 cutoffMs);
// The amount as recorded before the instant (the first recorded amount if it changed only later).
qint64 amountAt(const RiskDeal &deal, qint64 cutoffMs);

// An open deal as it stood at an instant, from its events before that instant.
struct DealState
{
    const RiskDeal *deal = nullptr;
    const RiskStage *stage = nullptr;
    qint64 stageEnteredAt = 0;
    qint64 amountMinor = 0;
    qint64 peakAmountMinor = 0;
    QDate expectedClose;
    bool expectedCloseEstimated = false;
    int closePushes = 0;
    qint64 lastTouchAt = 0;
    double discount = 0;          // 0–1 off list or quote subtotal
    int overdueInvoices = 0;
    qint64 overdueMinor = 0;
};

// nullopt when the deal did not exist yet, had no stage yet or was closed by then. A missing
// expected close date is estimated from the context: first stage entry + the product's usual
// cycle of won deals (an order: its usual days to ship).
std::optional<DealState> openDealAt(const RiskDeal &deal, const RiskHistory &history, const RiskContext &context,
                                    qint64 cutoffMs);

enum class RiskOutcome { Won, Lost, Slipped, OnTrack };

// What happened to a deal open at the cutoff by horizonEnd: lost (an order: cancelled); won (an
// order: shipped by its due date); still open past the close date expected at the cutoff, or an
// order shipped after its due date (slipped); or still open and not due yet (on track). Reads
// events before horizonEnd only.
RiskOutcome outcomeBy(const DealState &state, const RiskHistory &history, qint64 horizonEndMs);

inline bool isAdverse(RiskOutcome outcome)
{
    return outcome == RiskOutcome::Lost || outcome == RiskOutcome::Slipped;
}

// 00:00 UTC of a day: the instant a list "as of" that day is cut at (the same on every machine).
qint64 riskCutoffMs(const QDate &asOf);

} // namespace vantage::core
