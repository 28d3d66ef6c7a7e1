// Funnel anomaly alerts on hand-made histories: conversion out of Engaging and days spent in it,
// per region × product, region and everyone, against the trailing twelve weeks; each figure is
// worked out by hand in the comments.
#include "funnelhistory.h"

#include "analytics/funnelanomaly.h"

#include <QTest>

#include <algorithm>
#include <array>
#include <cmath>

using namespace vantage::core;
using namespace vantage::test;

namespace {

// The lost deals of East × Pro in the recent weeks, largest amount first (10,000 + 1,000 n + 100 w).
std::vector<QString> lostRecently(const QString &product)
{
    std::vector<QString> ids;
    for (int n = 4; n >= 0; --n)
        for (int week = 1; week >= 0; --week)
            if (week == 1 || n > 0)
                ids.push_back(dealId(kEast, product, week, n));
    return ids;
}

const double kBaselineSd = std::sqrt(1440.0 / 59.0);

} // namespace

class TestFunnelAnomaly : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void stableFunnelGivesNoAlert();
    void movesBackAreNotLosses();
    void conversionDropInOneScope();
    void wideDropAlertsWhereNarrowScopesCannotExplainIt();
    void longerAndShorterCycles();
    void thinDataGivesNothing();
    void eventsAfterTheCutChangeNothing();
    void alertText();
    void earlierQuartersAbsorbTheQuartersRhythm();
};

void TestFunnelAnomaly::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QCOMPARE(kAsOf.dayOfWeek(), 1);
}

void TestFunnelAnomaly::stableFunnelGivesNoAlert()
{
    RiskHistory history = baselineHistory();
    addStableRecentWeeks(history, kEast, kPro);
    addStableRecentWeeks(history, kEast, kLite);
    addStableRecentWeeks(history, kWest, kPro);
    QVERIFY(funnelAlerts(history, kAsOf).empty());
    // Even at one sigma: the recent weeks are exactly the baseline (z = 0 everywhere; Prospecting
    // always converts in 7 days, a baseline without spread).
    QVERIFY(funnelAlerts(history, kAsOf, {12, 2, 1.0, 10}).empty());
}

void TestFunnelAnomaly::movesBackAreNotLosses()
{
    RiskHistory history = baselineHistory();
    addStableRecentWeeks(history, kEast, kPro);
    addStableRecentWeeks(history, kEast, kLite);
    addStableRecentWeeks(history, kWest, kPro);
    // Twenty more recent East × Pro exits back to Prospecting, with the usual days in Engaging: as
    // failures the share would be 6 of 30 (z = −0.4 ÷ √(0.24 ÷ 30) = −4.5); they are not counted
    // in conversion at all, and their days in Engaging are the usual ones.
    for (const QString &suffix : {QStringLiteral("-back"), QStringLiteral("-back-again")}) {
        for (int week = 0; week <= 1; ++week) {
            for (int n = 0; n < 5; ++n) {
                RiskDeal deal = dealLeavingEngaging(kEast, kPro, week, n, false, kStableDays[std::size_t(n)]);
                deal.id += suffix;
                deal.stages.back().stage = QStringLiteral("prospecting");
                history.deals.push_back(deal);
            }
        }
    }
    QVERIFY(funnelAlerts(history, kAsOf).empty());
}

void TestFunnelAnomaly::conversionDropInOneScope()
{
    const RiskHistory history = dropHistory();
    const std::vector<FunnelAlert> alerts = funnelAlerts(history, kAsOf);
    QCOMPARE(alerts.size(), std::size_t(1));
    const FunnelAlert &alert = alerts.front();
    QCOMPARE(alert.metric, FunnelMetric::ConversionDrop);
    QCOMPARE(alert.stageCode, QStringLiteral("engaging"));
    QCOMPARE(alert.regionId, kEast);
    QCOMPARE(alert.productId, kPro);
    QCOMPARE(alert.baseline, 0.6);                               // 36 ÷ 60 (week 14's losses not counted)
    QCOMPARE(alert.recent, 0.1);                                 // 1 ÷ 10
    QCOMPARE(alert.zScore, (0.1 - 0.6) / std::sqrt(0.6 * 0.4 / 10));  // −3.23
    QCOMPARE(alert.since, QDate(2026, 2, 16));
    QCOMPARE(alert.recentDeals, 10);
    QCOMPARE(alert.baselineDeals, 60);
    QCOMPARE(alert.recentWeeks, 2);
    QCOMPARE(alert.baselineWeeks, 12);
    QCOMPARE(alert.drivingDealIds, lostRecently(kPro));

    // East as a whole converts 7 of 20 against 72 of 120: z = (0.35 − 0.6) ÷ √(0.24 ÷ 20) = −2.28,
    // outside ±2.2, but the rest of East (Lite, 6 of 10) did not move, so East × Pro alone alerts.
    // Everyone: 13 of 30, z = −1.86.
    const std::vector<FunnelAlert> sensitive = funnelAlerts(history, kAsOf, {12, 2, 2.2, 10});
    QCOMPARE(sensitive, alerts);
}

void TestFunnelAnomaly::wideDropAlertsWhereNarrowScopesCannotExplainIt()
{
    RiskHistory history = baselineHistory();
    for (const QString &product : {kPro, kLite}) {
        addWeek(history, kEast, product, 0, {true, false, false, false, false});
        addWeek(history, kEast, product, 1, kAllLost);
    }
    addStableRecentWeeks(history, kWest, kPro);

    // Both products alert (same z, in product order); East (2 of 20, z = −4.56) has nothing left
    // without them, and everyone without East is West, which is stable.
    const std::vector<FunnelAlert> products = funnelAlerts(history, kAsOf);
    QCOMPARE(products.size(), std::size_t(2));
    QCOMPARE(products[0].productId, kPro);
    QCOMPARE(products[1].productId, kLite);
    QCOMPARE(products[0].zScore, products[1].zScore);

    // With eleven exits required the products (ten each) are not tested: East alerts for all its
    // products. Everyone: 8 of 30, z = −3.73, but without East it is only West: no alert.
    const std::vector<FunnelAlert> region = funnelAlerts(history, kAsOf, {12, 2, 3.0, 11});
    QCOMPARE(region.size(), std::size_t(1));
    const FunnelAlert &alert = region.front();
    QCOMPARE(alert.metric, FunnelMetric::ConversionDrop);
    QCOMPARE(alert.regionId, kEast);
    QCOMPARE(alert.productId, QString());
    QCOMPARE(alert.baseline, 0.6);                                 // 72 ÷ 120
    QCOMPARE(alert.recent, 0.1);                                   // 2 ÷ 20
    QCOMPARE(alert.zScore, (0.1 - 0.6) / std::sqrt(0.6 * 0.4 / 20));  // −4.56
    QCOMPARE(alert.recentDeals, 20);
    QCOMPARE(alert.baselineDeals, 120);
    QCOMPARE(alert.drivingDealIds.size(), std::size_t(18));
    QCOMPARE(alert.drivingDealIds.front(), dealId(kEast, kPro, 1, 4));  // both 14,100: by id
    QCOMPARE(alert.drivingDealIds[1], dealId(kEast, kLite, 1, 4));
}

void TestFunnelAnomaly::longerAndShorterCycles()
{
    RiskHistory history = baselineHistory();
    addWeek(history, kEast, kPro, 0, kStableOutcomes, {30, 31, 32, 33, 34});
    addWeek(history, kEast, kPro, 1, kStableOutcomes, {35, 36, 37, 38, 39});
    addStableRecentWeeks(history, kEast, kLite);
    addStableRecentWeeks(history, kWest, kPro);
    // Mean 34.5 against 24: z = 10.5 ÷ (sd ÷ √10) = 6.72. East as a whole (29.25, z = 4.77)
    // moved only through Pro; conversion did not move (6 of 10).
    const std::vector<FunnelAlert> longer = funnelAlerts(history, kAsOf);
    QCOMPARE(longer.size(), std::size_t(1));
    const FunnelAlert &alert = longer.front();
    QCOMPARE(alert.metric, FunnelMetric::CycleLonger);
    QCOMPARE(alert.stageCode, QStringLiteral("engaging"));
    QCOMPARE(alert.regionId, kEast);
    QCOMPARE(alert.productId, kPro);
    QCOMPARE(alert.baseline, 24.0);
    QCOMPARE(alert.recent, 34.5);
    QCOMPARE(alert.zScore, 10.5 / (kBaselineSd / std::sqrt(10.0)));
    QCOMPARE(alert.recentDeals, 10);
    QCOMPARE(alert.baselineDeals, 60);
    const std::vector<QString> slowest{dealId(kEast, kPro, 1, 4), dealId(kEast, kPro, 1, 3), dealId(kEast, kPro, 1, 2),
                                       dealId(kEast, kPro, 1, 1), dealId(kEast, kPro, 1, 0)};  // 39 … 35 days
    QCOMPARE(alert.drivingDealIds, slowest);

    // Ten days each: z = (10 − 24) ÷ (sd ÷ √10) = −8.96; the five fastest, ties by id.
    RiskHistory faster = baselineHistory();
    addWeek(faster, kEast, kPro, 0, kStableOutcomes, {10, 10, 10, 10, 10});
    addWeek(faster, kEast, kPro, 1, kStableOutcomes, {10, 10, 10, 10, 10});
    addStableRecentWeeks(faster, kEast, kLite);
    addStableRecentWeeks(faster, kWest, kPro);
    const std::vector<FunnelAlert> shorter = funnelAlerts(faster, kAsOf);
    QCOMPARE(shorter.size(), std::size_t(1));
    QCOMPARE(shorter.front().metric, FunnelMetric::CycleShorter);
    QCOMPARE(shorter.front().zScore, -14.0 / (kBaselineSd / std::sqrt(10.0)));
    const std::vector<QString> fastest{dealId(kEast, kPro, 0, 0), dealId(kEast, kPro, 0, 1), dealId(kEast, kPro, 0, 2),
                                       dealId(kEast, kPro, 0, 3), dealId(kEast, kPro, 0, 4)};
    QCOMPARE(shorter.front().drivingDealIds, fastest);
}

void TestFunnelAnomaly::thinDataGivesNothing()
{
    // Only East × Pro, with its drop: East and everyone are the same exits, so one alert.
    RiskHistory history = baselineHistory({QStringLiteral("east|p1")});
    addWeek(history, kEast, kPro, 0, {true, false, false, false, false});
    addWeek(history, kEast, kPro, 1, kAllLost);
    QCOMPARE(funnelAlerts(history, kAsOf).size(), std::size_t(1));
    QVERIFY(funnelAlerts(history, kAsOf, {12, 2, 3.0, 11}).empty());  // 10 recent exits < 11
    QVERIFY(funnelAlerts(history, kAsOf, {1, 2, 3.0, 10}).empty());   // a baseline week: 5 < 10
    QVERIFY(funnelAlerts(history, kAsOf, {12, 1, 3.0, 10}).empty());  // a recent week: 5 < 10
}

void TestFunnelAnomaly::eventsAfterTheCutChangeNothing()
{
    RiskHistory history = dropHistory();
    const std::vector<FunnelAlert> before = funnelAlerts(history, kAsOf);
    QCOMPARE(before.size(), std::size_t(1));
    const qint64 cut = riskCutoffMs(kAsOf);

    // Deals in Engaging at the cut, lost exactly at the cut and later.
    for (qint64 lostAt : {cut, cut + kRiskDayMs}) {
        RiskDeal open = dealLeavingEngaging(kEast, kPro, 0, 0, false, 20);
        open.id = QStringLiteral("open-%1").arg(lostAt);
        open.stages.back().enteredAt = lostAt;
        history.deals.push_back(open);
    }
    // New deals after the cut (created 8.5 days after it), all lost within a week.
    for (int n = 0; n < 10; ++n) {
        RiskDeal late = dealLeavingEngaging(kEast, kPro, 0, 0, false, 3);
        late.id = QStringLiteral("late-%1").arg(n);
        for (StageVisit &visit : late.stages)
            visit.enteredAt += 20 * kRiskDayMs;
        late.createdAt += 20 * kRiskDayMs;
        history.deals.push_back(late);
    }
    for (RiskDeal &deal : history.deals) {
        if (deal.id == dealId(kEast, kPro, 0, 1)) {
            deal.amounts.push_back({99000000, cut + 1});                      // would lead the driving deals
            deal.stages.push_back({QStringLiteral("engaging"), cut + kRiskDayMs});  // reopened later
        }
    }
    QCOMPARE(funnelAlerts(history, kAsOf), before);

    // The last millisecond before the cut does count: one more loss (1 of 11).
    RiskDeal last = dealLeavingEngaging(kEast, kPro, 0, 0, false, 20);
    last.id = QStringLiteral("last");
    last.stages.back().enteredAt = cut - 1;
    history.deals.push_back(last);
    const std::vector<FunnelAlert> after = funnelAlerts(history, kAsOf);
    QCOMPARE(after.size(), std::size_t(1));
    QCOMPARE(after.front().recentDeals, 11);
    QCOMPARE(after.front().recent, 1.0 / 11.0);

    // The order of the deals does not matter.
    std::reverse(history.deals.begin(), history.deals.end());
    QCOMPARE(funnelAlerts(history, kAsOf), after);
}

void TestFunnelAnomaly::alertText()
{
    const QHash<QString, QString> regions{{kEast, QStringLiteral("East")}};
    const QHash<QString, QString> products{{kPro, QStringLiteral("GTX Pro")}};
    const FunnelAlert drop = funnelAlerts(dropHistory(), kAsOf).front();
    QCOMPARE(funnelAlertText(drop, regions, products),
             QStringLiteral("Engaging → next stage in East, GTX Pro: 10% converted in the 2 weeks since 16 Feb, "
                            "against 60% over the 12 weeks before (z = −3.2); 9 deals lost."));

    FunnelAlert longer = drop;
    longer.metric = FunnelMetric::CycleLonger;
    longer.baseline = 24.0;
    longer.recent = 34.5;
    longer.zScore = 6.72;
    QCOMPARE(funnelAlertText(longer, regions, products),
             QStringLiteral("Time in Engaging in East, GTX Pro: 35 days on average for deals leaving in the 2 weeks "
                            "since 16 Feb, against 24 days over the 12 weeks before (z = 6.7)."));

    FunnelAlert rise;
    rise.metric = FunnelMetric::ConversionRise;
    rise.stageCode = QStringLiteral("qualifying");  // a company's own stage: its stored name
    rise.stageName = QStringLiteral("Qualifying");
    rise.baseline = 0.5;
    rise.recent = 0.8;
    rise.zScore = 3.1;
    rise.since = QDate(2026, 2, 23);
    rise.recentWeeks = 1;
    rise.baselineWeeks = 1;
    QCOMPARE(funnelAlertText(rise, regions, products),
             QStringLiteral("Qualifying → next stage: 80% converted in the week since 23 Feb, against 50% over the "
                            "week before (z = 3.1)."));

    FunnelAlert region = drop;
    region.regionId = kWest;  // no name: the id
    region.productId.clear();
    region.drivingDealIds.resize(1);
    region.baseline = 7.5;
    region.recent = 3.26;
    region.metric = FunnelMetric::CycleShorter;
    region.zScore = -4.04;
    QCOMPARE(funnelAlertText(region, regions, products),
             QStringLiteral("Time in Engaging in west: 3.3 days on average for deals leaving in the 2 weeks since "
                            "16 Feb, against 7.5 days over the 12 weeks before (z = −4.0)."));
    region.metric = FunnelMetric::ConversionDrop;
    region.baseline = 0.5;
    region.recent = 0.25;
    QCOMPARE(funnelAlertText(region, regions, products),
             QStringLiteral("Engaging → next stage in west: 25% converted in the 2 weeks since 16 Feb, against 50% "
                            "over the 12 weeks before (z = −4.0); 1 deal lost."));
}

// Only East × Pro and West × Pro. East × Pro loses everything in the first two weeks of every
// quarter (weeks 13–14, 26–27, 39–40, 52–53 before, and the recent 0–1): against the trailing
// weeks that is a drop, against the same weeks of the last four quarters it is the usual.
void TestFunnelAnomaly::earlierQuartersAbsorbTheQuartersRhythm()
{
    RiskHistory history = baselineHistory({QStringLiteral("east|p1"), QStringLiteral("west|p1")});
    for (int week : {26, 27, 39, 40, 52, 53})
        addWeek(history, kEast, kPro, week, kAllLost);
    for (const QString &region : {kEast, kWest}) {
        addWeek(history, region, kPro, 0, kAllLost);
        addWeek(history, region, kPro, 1, kAllLost);
    }
    auto eastPro = [](const std::vector<FunnelAlert> &alerts) {
        return std::count_if(alerts.begin(), alerts.end(), [](const FunnelAlert &a) {
            return a.regionId == kEast && a.productId == kPro && a.metric == FunnelMetric::ConversionDrop;
        });
    };
    QCOMPARE(eastPro(funnelAlerts(history, kAsOf)), 1);  // trailing: 0 of 10 against 36 of 60
    FunnelAlertOptions quarters;
    quarters.seasonalQuarters = 4;
    const std::vector<FunnelAlert> seasonal = funnelAlerts(history, kAsOf, quarters);
    // Weeks 13–14 (3 of 10 won), 26–27, 39–40, 52–53 (none): p̄ = 3 ÷ 40, z = −0.075 ÷ √(0.075 × 0.925 ÷ 10) ≈ −0.9.
    QCOMPARE(eastPro(seasonal), 0);
    // West × Pro reaches back one quarter only (weeks 13–14): the trailing weeks decide.
    const auto west = std::find_if(seasonal.begin(), seasonal.end(), [](const FunnelAlert &a) {
        return a.regionId == kWest && a.productId == kPro;
    });
    QVERIFY(west != seasonal.end());
    QCOMPARE(west->baselineQuarters, 0);
    QCOMPARE(west->baselineDeals, 60);

    // The usual weeks go well this time: a rise against the earlier quarters, said so.
    RiskHistory rise = baselineHistory({QStringLiteral("east|p1")});
    for (int week : {26, 27, 39, 40, 52, 53})
        addWeek(rise, kEast, kPro, week, kAllLost);
    addStableRecentWeeks(rise, kEast, kPro);
    const std::vector<FunnelAlert> risen = funnelAlerts(rise, kAsOf, quarters);
    QVERIFY(!risen.empty());
    QCOMPARE(risen.front().metric, FunnelMetric::ConversionRise);
    QCOMPARE(risen.front().baselineQuarters, 4);
    QCOMPARE(risen.front().baselineDeals, 40);
    QVERIFY2(funnelAlertText(risen.front(), {}, {}).contains(QStringLiteral("the same weeks of the 4 quarters before")),
             qPrintable(funnelAlertText(risen.front(), {}, {})));
}

QTEST_GUILESS_MAIN(TestFunnelAnomaly)
#include "tst_funnelanomaly.moc"
