#pragma once

#include "riskfeatures.h"

#include <QDate>

#include <array>

#include <vector>

namespace vantage::core {

// One open deal at a weekly cut: where it stood, its inputs, and what happened in the next four
// weeks (known only when the horizon has passed in the data: the caller decides when to read it).
struct RiskRow
{
    RiskDealKind kind() const { return state.deal->kind; }

    DealState state;
    RiskFeatures features;
    std::vector<double> input;
    RiskOutcome outcome = RiskOutcome::OnTrack;
};

// Every deal open at 00:00 UTC of a day, with the context learned from the closed history before
// it. Nothing in a week reads an event after its cut, except `outcome` (cut + 28 days).
struct RiskWeek
{
    QDate asOf;
    qint64 cutoffMs = 0;
    std::array<int, kRiskDealKindCount> closedDeals{};  // per kind, closed before the cut
    std::vector<RiskRow> rows;
};

QStringList riskOpenStages(const RiskHistory &history);
RiskWeek riskWeekAt(const RiskHistory &history, const QDate &asOf);

// The first day with a stage entry in the history (invalid when there is none).
QDate riskHistoryStart(const RiskHistory &history);
// Mondays from the first one a whole horizon after the history starts, up to and including last.
std::vector<QDate> riskMondays(const RiskHistory &history, const QDate &last);

} // namespace vantage::core
