#pragma once

#include "riskhistory.h"

#include <QHash>

#include <array>

namespace vantage::core {

constexpr qint64 kRiskDayMs = 24 * 60 * 60 * 1000;

// What the closed history up to an instant says is usual: how long deals stay in each stage
// (per stage, region and product, falling back to wider scopes when thin; an order's "stage" is
// the wait for shipment), how often each rep and product wins and how long won deals take from
// first stage to win (opportunities only), the rep's usual deal and order size.
// Learned from events before the cutoff only.
class RiskContext
{
public:
    static constexpr int kMinimumScopeSamples = 8;
    static constexpr double kWinRatePriorDeals = 10.0;
    static constexpr double kDefaultStageDays = 30.0;
    static constexpr double kDefaultCycleDays = 60.0;

    static RiskContext learn(const RiskHistory &history, qint64 cutoffMs);

    double usualStageDays(const QString &stage, const QString &region, const QString &product) const;
    double overallWinRate() const { return m_overallWinRate; }
    double repWinRate(const QString &owner) const { return smoothedRate(m_repCounts.value(owner)); }
    double productWinRate(const QString &product) const { return smoothedRate(m_productCounts.value(product)); }
    double usualAmountMinor(RiskDealKind kind, const QString &owner) const;
    double cycleDays(const QString &product) const;
    // Deals of the kind closed before the cutoff (opportunities won or lost, orders shipped or
    // cancelled): how much history each kind's model has.
    int closedDeals(RiskDealKind kind = RiskDealKind::Opportunity) const { return m_closed[std::size_t(kind)]; }

private:
    struct WinCounts
    {
        double wins = 0;
        double total = 0;
    };
    double smoothedRate(const WinCounts &counts) const;

    QHash<QString, double> m_stageDays;     // medians by "stage|region|product", "stage|product", "stage"
    QHash<QString, double> m_repAmount;     // median amount of the rep's deals of a kind
    QHash<QString, double> m_cycleDays;     // median first-stage-to-win days by product, "" = all
    QHash<QString, WinCounts> m_repCounts;
    QHash<QString, WinCounts> m_productCounts;
    std::array<double, kRiskDealKindCount> m_allAmount{};
    double m_overallWinRate = 0.5;
    std::array<int, kRiskDealKindCount> m_closed{};
};

} // namespace vantage::core
