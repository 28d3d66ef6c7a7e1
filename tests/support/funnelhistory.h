#pragma once

// Hand-made pipeline histories for the funnel alert tests: deals leaving Engaging, five a week,
// per region × product, against the trailing twelve weeks.
#include "analytics/riskcontext.h"
#include "analytics/riskdealstate.h"
#include "analytics/riskhistory.h"

#include <QDate>
#include <QStringList>

#include <array>

namespace vantage::test {

using namespace vantage::core;

inline const QDate kAsOf(2026, 3, 2);  // a Monday: the cut is 00:00 UTC that day
inline const QString kEast = QStringLiteral("east");
inline const QString kWest = QStringLiteral("west");
inline const QString kPro = QStringLiteral("p1");
inline const QString kLite = QStringLiteral("p2");

using Outcomes = std::array<bool, 5>;  // won, per exit of a week
using Durations = std::array<int, 5>;  // days in Engaging, per exit of a week

// Every week the same: three of five won, 20, 30, 20, 30, 20 days in Engaging. Over the twelve
// baseline weeks: 36 of 60 converted (p̄ = 0.6); 36 exits of 20 days and 24 of 30, mean 24, sum
// of squared deviations 36 × 4² + 24 × 6² = 1440, sd = √(1440 ÷ 59).
constexpr Outcomes kStableOutcomes{true, true, true, false, false};
constexpr Durations kStableDays{20, 30, 20, 30, 20};
constexpr Outcomes kAllLost{false, false, false, false, false};

inline qint64 noonOf(int day)
{
    return riskCutoffMs(kAsOf.addDays(day)) + kRiskDayMs / 2;
}

// Exit n (0–4) of a week leaves Engaging at noon, 7 × weeksAgo + 1 + n days before the cut: in the
// week weeksAgo (0 = the seven days just before the cut). A week in Prospecting first.
inline RiskDeal dealLeavingEngaging(const QString &region, const QString &product, int weeksAgo, int n, bool won, int days)
{
    RiskDeal deal;
    deal.id = QStringLiteral("%1-%2-w%3-n%4").arg(region, product).arg(weeksAgo).arg(n);
    deal.regionId = region;
    deal.productId = product;
    deal.currency = QStringLiteral("USD");
    const qint64 left = noonOf(-(7 * weeksAgo + 1 + n));
    const qint64 entered = left - days * kRiskDayMs;
    deal.createdAt = entered - 7 * kRiskDayMs;
    deal.stages = {{QStringLiteral("prospecting"), deal.createdAt},
                   {QStringLiteral("engaging"), entered},
                   {won ? QStringLiteral("won") : QStringLiteral("lost"), left}};
    deal.amounts = {{10000 + 1000 * n + 100 * weeksAgo, deal.createdAt}};  // all different
    return deal;
}

inline void addWeek(RiskHistory &history, const QString &region, const QString &product, int weeksAgo,
             const Outcomes &won = kStableOutcomes, const Durations &days = kStableDays)
{
    for (int n = 0; n < 5; ++n)
        history.deals.push_back(dealLeavingEngaging(region, product, weeksAgo, n, won[std::size_t(n)], days[std::size_t(n)]));
}

// The baseline weeks 2–13 stable for East × Pro, East × Lite and West × Pro; week 14, before the
// baseline, all lost (it must not count). The two recent weeks are added by each test.
inline RiskHistory baselineHistory(const QStringList &scopes = {QStringLiteral("east|p1"), QStringLiteral("east|p2"),
                                                         QStringLiteral("west|p1")})
{
    RiskHistory history;
    history.stages = {{QStringLiteral("prospecting"), QStringLiteral("Prospecting"), 10, false, false, 0.1},
                      {QStringLiteral("engaging"), QStringLiteral("Engaging"), 20, false, false, 0.4},
                      {QStringLiteral("won"), QStringLiteral("Won"), 30, true, true, 1.0},
                      {QStringLiteral("lost"), QStringLiteral("Lost"), 40, true, false, 0.0}};
    for (const QString &scope : scopes) {
        const QStringList parts = scope.split(QLatin1Char('|'));
        for (int week = 2; week <= 13; ++week)
            addWeek(history, parts[0], parts[1], week);
        addWeek(history, parts[0], parts[1], 14, kAllLost);
    }
    return history;
}

inline void addStableRecentWeeks(RiskHistory &history, const QString &region, const QString &product)
{
    addWeek(history, region, product, 0);
    addWeek(history, region, product, 1);
}

// East × Pro converts 1 of 10 in the recent two weeks (only the first exit of week 0 is won).
inline RiskHistory dropHistory()
{
    RiskHistory history = baselineHistory();
    addWeek(history, kEast, kPro, 0, {true, false, false, false, false});
    addWeek(history, kEast, kPro, 1, kAllLost);
    addStableRecentWeeks(history, kEast, kLite);
    addStableRecentWeeks(history, kWest, kPro);
    return history;
}

inline QString dealId(const QString &region, const QString &product, int weeksAgo, int n)
{
    return QStringLiteral("%1-%2-w%3-n%4").arg(region, product).arg(weeksAgo).arg(n);
}

} // namespace vantage::test
