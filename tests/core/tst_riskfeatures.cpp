// The risk model's inputs on a hand-made history, each figure worked out by hand in the comments;
// outcome labels; the logistic fit; the rule prior with thin history; reasons.
#include "analytics/logisticregression.h"
#include "analytics/riskassessment.h"
#include "analytics/riskcontext.h"
#include "analytics/riskloop.h"
#include "analytics/riskreasons.h"

#include <QLocale>

#include <QTest>

#include <cmath>
#include <random>

using namespace vantage::core;

namespace {

const QDate kDay0(2026, 1, 1);

qint64 day(int n)
{
    return riskCutoffMs(kDay0.addDays(n));
}

// Eight closed deals of rep u1 on product p in region r: prospecting 10 days, engaging 10, 20, …,
// 80 days, the first six won, the last two lost, each 50,000 in amount. Then deal "t" of rep u2.
RiskHistory handMadeHistory()
{
    RiskHistory history;
    history.stages = {{QStringLiteral("prospecting"), QStringLiteral("Prospecting"), 10, false, false, 0.1},
                      {QStringLiteral("engaging"), QStringLiteral("Engaging"), 20, false, false, 0.4},
                      {QStringLiteral("won"), QStringLiteral("Won"), 30, true, true, 1.0},
                      {QStringLiteral("lost"), QStringLiteral("Lost"), 40, true, false, 0.0}};
    for (int i = 1; i <= 8; ++i) {
        RiskDeal deal;
        deal.id = QStringLiteral("c%1").arg(i);
        deal.ownerId = QStringLiteral("u1");
        deal.productId = QStringLiteral("p");
        deal.regionId = QStringLiteral("r");
        deal.currency = QStringLiteral("USD");
        deal.createdAt = day(0);
        deal.stages = {{QStringLiteral("prospecting"), day(0)}, {QStringLiteral("engaging"), day(10)},
                       {i <= 6 ? QStringLiteral("won") : QStringLiteral("lost"), day(10 + 10 * i)}};
        deal.amounts = {{50000, day(10)}};
        history.deals.push_back(deal);
    }
    RiskDeal t;
    t.id = QStringLiteral("t");
    t.accountId = QStringLiteral("a");
    t.ownerId = QStringLiteral("u2");
    t.productId = QStringLiteral("p");
    t.regionId = QStringLiteral("r");
    t.currency = QStringLiteral("USD");
    t.createdAt = day(100);
    t.stages = {{QStringLiteral("prospecting"), day(100)}, {QStringLiteral("engaging"), day(110)}};
    t.closeDates = {{kDay0.addDays(150), day(110)}, {kDay0.addDays(170), day(120)}, {kDay0.addDays(165), day(125)}};
    t.amounts = {{100000, day(110)}, {80000, day(120)}};
    t.quotes = {{80000, 12000, day(121)}};
    t.activities = {day(126)};
    history.deals.push_back(t);
    history.invoicesByAccount[QStringLiteral("a")] = {
        {kDay0.addDays(130), QDate(), 1000},                    // unpaid: overdue at day 180
        {kDay0.addDays(140), kDay0.addDays(150), 1000},         // settled before: not overdue
        {kDay0.addDays(175), kDay0.addDays(185), 1000},         // settled only after the cut: overdue
        {kDay0.addDays(190), QDate(), 1000}};                   // not due yet
    return history;
}

} // namespace

class TestRiskFeatures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void contextLearnsMediansAndRates();
    void featuresOfHandMadeDeal();
    void eventsAfterTheCutAreIgnored();
    void outcomes();
    void logisticRecoversKnownWeights();
    void ridgeShrinksWeights();
    void thinHistoryUsesThePrior();
    void reasonsAreTheLargestContributions();
    void ordersShipOnTimeOrLate();
    void followUpRatesPerManager();
};

void TestRiskFeatures::contextLearnsMediansAndRates()
{
    const RiskHistory history = handMadeHistory();
    const RiskContext context = RiskContext::learn(history, day(180));
    QCOMPARE(context.closedDeals(), 8);
    QCOMPARE(context.usualStageDays(QStringLiteral("engaging"), QStringLiteral("r"), QStringLiteral("p")), 45.0);  // (40 + 50) ÷ 2
    QCOMPARE(context.usualStageDays(QStringLiteral("prospecting"), QStringLiteral("r"), QStringLiteral("p")), 10.0);
    QCOMPARE(context.usualStageDays(QStringLiteral("prospecting"), QStringLiteral("x"), QStringLiteral("y")), 10.0);  // wider scope
    QCOMPARE(context.overallWinRate(), 0.7);                                  // (6 + 1) ÷ (8 + 2)
    QCOMPARE(context.repWinRate(QStringLiteral("u1")), 13.0 / 18.0);          // (6 + 10 × 0.7) ÷ (8 + 10)
    QCOMPARE(context.repWinRate(QStringLiteral("u2")), 0.7);                  // no closed deals: everyone's rate
    QCOMPARE(context.cycleDays(QStringLiteral("p")), RiskContext::kDefaultCycleDays);  // six wins < eight needed
    QCOMPARE(context.usualAmountMinor(RiskDealKind::Opportunity, QStringLiteral("u2")), 50000.0);  // median of all nine
    QCOMPARE(context.usualAmountMinor(RiskDealKind::Order, QStringLiteral("u2")), 0.0);            // no orders at all
    // Before any deal closed: defaults.
    const RiskContext early = RiskContext::learn(history, day(15));
    QCOMPARE(early.closedDeals(), 0);
    QCOMPARE(early.usualStageDays(QStringLiteral("engaging"), {}, {}), RiskContext::kDefaultStageDays);
    QCOMPARE(early.overallWinRate(), 0.5);
}

void TestRiskFeatures::featuresOfHandMadeDeal()
{
    const RiskHistory history = handMadeHistory();
    const qint64 cut = day(180);
    const RiskContext context = RiskContext::learn(history, cut);
    const auto state = openDealAt(history.deals.back(), history, context, cut);
    QVERIFY(state);
    QCOMPARE(state->stage->code, QStringLiteral("engaging"));
    QCOMPARE(state->expectedClose, kDay0.addDays(165));
    QVERIFY(!state->expectedCloseEstimated);
    QCOMPARE(state->closePushes, 1);          // 150 → 170 later, 170 → 165 earlier
    QCOMPARE(state->amountMinor, 80000);
    QCOMPARE(state->discount, 0.15);          // 12,000 of 80,000
    QCOMPARE(state->overdueInvoices, 2);
    QCOMPARE(state->overdueMinor, 2000);

    const QStringList open{QStringLiteral("prospecting"), QStringLiteral("engaging")};
    const RiskFeatures f = riskFeaturesOf(*state, context, open, cut);
    QCOMPARE(f.openStageIndex, 1);
    QCOMPARE(f.daysInStage, 70);
    QCOMPARE(f.factor(RiskFactor::StageAge), std::log2(70.0 / 45.0));
    QCOMPARE(f.daysOverdue, 15);
    QCOMPARE(f.factor(RiskFactor::CloseOverdue), 0.5);
    QCOMPARE(f.factor(RiskFactor::CloseDueSoon), 0.0);
    QCOMPARE(f.factor(RiskFactor::ClosePushed), 1.0);
    QCOMPARE(f.factor(RiskFactor::AmountCut), 0.2);
    QCOMPARE(f.daysSinceTouch, 54);           // the activity of day 126 is the latest touch
    QCOMPARE(f.factor(RiskFactor::Inactivity), std::log2(55.0));
    QCOMPARE(f.factor(RiskFactor::Discount), 0.15);
    QCOMPARE(f.sizeRatio, 1.6);               // 80,000 ÷ 50,000
    QCOMPARE(f.factor(RiskFactor::CustomerOverdue), std::log2(3.0));
    QCOMPARE(f.factor(RiskFactor::RepWinRate), 0.0);
    QCOMPARE(f.factor(RiskFactor::ProductWinRate), std::log(13.0 / 5.0) - std::log(0.7 / 0.3));
    QCOMPARE(f.daysElapsed, 80);              // first stage on day 100
    QCOMPARE(f.daysPlanned, 65);              // … expected to close on day 165
    QCOMPARE(f.factor(RiskFactor::CloseElapsed), 1.0);  // 80 ÷ 65, capped: beyond the close is CloseOverdue's
    const std::vector<double> input = riskInputVector(f, 2);
    QCOMPARE(input.size(), std::size_t(kRiskFactorCount + 2));
    QCOMPARE(input[kRiskFactorCount], 0.0);
    QCOMPARE(input[kRiskFactorCount + 1], 1.0);
}

void TestRiskFeatures::eventsAfterTheCutAreIgnored()
{
    RiskHistory history = handMadeHistory();
    const qint64 cut = day(180);
    const QStringList open{QStringLiteral("prospecting"), QStringLiteral("engaging")};
    auto featuresNow = [&] {
        const RiskContext context = RiskContext::learn(history, cut);
        const auto state = openDealAt(history.deals[8], history, context, cut);  // deal "t"
        if (!state)
            return std::vector<double>{};
        return riskInputVector(riskFeaturesOf(*state, context, open, cut), 2);
    };
    const std::vector<double> before = featuresNow();
    QVERIFY(!before.empty());
    RiskDeal &t = history.deals.back();
    t.stages.push_back({QStringLiteral("lost"), day(200)});
    t.closeDates.push_back({kDay0.addDays(400), day(181)});
    t.amounts.push_back({1000, day(190)});
    t.quotes.push_back({1000, 900, day(185)});
    t.activities.push_back(day(181));
    history.deals.front().stages.back().enteredAt = day(250);  // c1 now closes after the cut
    history.deals.front().stages.back().enteredAt = day(20);   // … and back
    RiskDeal late = history.deals.front();
    late.id = QStringLiteral("late");
    late.createdAt = day(181);
    for (StageVisit &visit : late.stages)
        visit.enteredAt += day(181) - day(0);
    history.deals.push_back(late);
    QCOMPARE(featuresNow(), before);
}

void TestRiskFeatures::outcomes()
{
    RiskHistory history = handMadeHistory();
    const qint64 cut = day(180);
    const RiskContext context = RiskContext::learn(history, cut);
    auto outcomeOf = [&](const RiskDeal &deal) {
        const auto state = openDealAt(deal, history, context, cut);
        return outcomeBy(*state, history, riskCutoffMs(kDay0.addDays(180 + kRiskHorizonDays)));
    };
    RiskDeal deal = history.deals.back();
    QCOMPARE(outcomeOf(deal), RiskOutcome::Slipped);               // expected day 165, open at day 208
    deal.closeDates.push_back({kDay0.addDays(260), day(170)});
    QCOMPARE(outcomeOf(deal), RiskOutcome::OnTrack);               // now expected after the horizon
    deal.stages.push_back({QStringLiteral("won"), day(200)});
    QCOMPARE(outcomeOf(deal), RiskOutcome::Won);
    deal.stages.back() = {QStringLiteral("lost"), day(207)};
    QCOMPARE(outcomeOf(deal), RiskOutcome::Lost);
    deal.stages.back() = {QStringLiteral("lost"), day(208)};       // the day after the horizon
    QCOMPARE(outcomeOf(deal), RiskOutcome::OnTrack);
    QVERIFY(!openDealAt(history.deals.front(), history, context, cut));  // closed by then
}

void TestRiskFeatures::logisticRecoversKnownWeights()
{
    std::mt19937_64 random(7);
    std::normal_distribution<double> normal;
    std::uniform_real_distribution<double> uniform;
    const int n = 20000;
    Eigen::MatrixXd x(n, 2);
    Eigen::VectorXd y(n);
    for (int i = 0; i < n; ++i) {
        x(i, 0) = normal(random);
        x(i, 1) = normal(random);
        const double p = 1.0 / (1.0 + std::exp(-(0.5 + 1.0 * x(i, 0) - 2.0 * x(i, 1))));
        y(i) = uniform(random) < p ? 1.0 : 0.0;
    }
    const LogisticFit fit = fitLogistic(x, y, 0.0);
    QVERIFY(fit.converged);
    QVERIFY2(std::abs(fit.intercept - 0.5) < 0.08, qPrintable(QString::number(fit.intercept)));
    QVERIFY2(std::abs(fit.weights(0) - 1.0) < 0.08, qPrintable(QString::number(fit.weights(0))));
    QVERIFY2(std::abs(fit.weights(1) + 2.0) < 0.1, qPrintable(QString::number(fit.weights(1))));
}

void TestRiskFeatures::ridgeShrinksWeights()
{
    Eigen::MatrixXd x(6, 1);
    x << -2, -1, 0, 0, 1, 2;
    Eigen::VectorXd y(6);
    y << 0, 0, 1, 0, 1, 1;
    const LogisticFit loose = fitLogistic(x, y, 0.0);
    const LogisticFit tight = fitLogistic(x, y, 100.0);
    QVERIFY(loose.weights(0) > 0.5);
    QVERIFY(tight.weights(0) > 0);
    QVERIFY(tight.weights(0) < loose.weights(0) / 5);
    // Perfectly separated data: the penalty keeps the weight finite.
    Eigen::VectorXd separated(6);
    separated << 0, 0, 0, 1, 1, 1;
    QVERIFY(std::isfinite(fitLogistic(x, separated, 1.0).weights(0)));
}

void TestRiskFeatures::thinHistoryUsesThePrior()
{
    const RiskHistory history = handMadeHistory();
    auto assessment = assessRisk(history, kDay0.addDays(180));
    QVERIFY(assessment);
    QCOMPARE(assessment.value().learnedWeight, 0.0);  // eight closed deals: far too few to learn from
    QCOMPARE(assessment.value().ranked.size(), std::size_t(1));
    const RiskScore &score = assessment.value().ranked.front();
    const LinearRiskScore prior = RiskModel::priorScore(RiskDealKind::Opportunity, 2);
    const double z = prior.logOdds(score.row.input);
    QCOMPARE(score.probability, 1.0 / (1.0 + std::exp(-z)));
    // Contributions add up to the distance from the reference deal.
    const RiskModel model = RiskModel::train({}, {}, 2);
    double sum = 0;
    for (double c : model.contributions(score.row))
        sum += c;
    QVERIFY(std::abs(sum - (z - prior.logOdds(prior.reference))) < 1e-12);
}

void TestRiskFeatures::reasonsAreTheLargestContributions()
{
    std::vector<double> contributions(kRiskFactorCount + 2, 0.0);
    contributions[std::size_t(RiskFactor::Discount)] = 0.3;
    contributions[std::size_t(RiskFactor::StageAge)] = 0.9;
    contributions[std::size_t(RiskFactor::Inactivity)] = 0.04;  // below the threshold
    contributions[std::size_t(RiskFactor::ClosePushed)] = 0.5;
    contributions[std::size_t(RiskFactor::AmountCut)] = 0.1;
    contributions[kRiskFactorCount] = 5.0;                       // a stage indicator: never a reason
    const auto reasons = topRiskReasons(contributions);
    QCOMPARE(reasons.size(), std::size_t(3));
    QCOMPARE(reasons[0].first, RiskFactor::StageAge);
    QCOMPARE(reasons[1].first, RiskFactor::ClosePushed);
    QCOMPARE(reasons[2].first, RiskFactor::Discount);

    const RiskHistory history = handMadeHistory();
    const qint64 cut = day(180);
    const RiskContext context = RiskContext::learn(history, cut);
    const auto state = openDealAt(history.deals.back(), history, context, cut);
    const RiskFeatures f = riskFeaturesOf(*state, context, {QStringLiteral("prospecting"), QStringLiteral("engaging")}, cut);
    const RiskReason age = riskReasonOf(RiskFactor::StageAge, *state, f);
    QCOMPARE(riskReasonText(age), QStringLiteral("In Engaging 70 days, 1.6× the usual 45"));
    QCOMPARE(riskReasonText(riskReasonOf(RiskFactor::ClosePushed, *state, f)), QStringLiteral("Close date moved later once"));
    QCOMPARE(riskReasonText(riskReasonOf(RiskFactor::CustomerOverdue, *state, f)),
             QStringLiteral("Customer has 2 overdue invoices"));
    // Stored as figures and read back: the same sentence.
    const auto stored = riskReasonFromJson(riskReasonToJson(age));
    QVERIFY(stored && *stored == age);
    QVERIFY(!riskReasonFromJson(QJsonObject{{QStringLiteral("code"), QStringLiteral("from_a_newer_version")}}));
    QVERIFY(!defaultRiskAction(RiskDealKind::Opportunity, RiskFactor::StageAge).isEmpty());
    QCOMPARE(riskFactorFromCode(riskFactorCode(RiskFactor::ProductWinRate)), RiskFactor::ProductWinRate);
}

// Orders: open from the order day, "won" only when shipped by the due date; their own usual wait,
// amounts and model; the pipeline's win rates are not touched by them.
void TestRiskFeatures::ordersShipOnTimeOrLate()
{
    RiskHistory history = handMadeHistory();
    history.stages.push_back({kOrderOpenStage, QStringLiteral("Awaiting shipment"), 50, false, false, 0.5});
    history.stages.push_back({kOrderShippedStage, QStringLiteral("Shipped"), 60, true, true, 1.0});
    history.stages.push_back({kOrderCancelledStage, QStringLiteral("Cancelled"), 70, true, false, 0.0});
    auto order = [](const QString &id, int ordered, int due, int wait) {
        RiskDeal o;
        o.kind = RiskDealKind::Order;
        o.id = id;
        o.accountId = QStringLiteral("a");
        o.productId = QStringLiteral("p");
        o.regionId = QStringLiteral("r");
        o.currency = QStringLiteral("USD");
        o.createdAt = day(ordered);
        o.amountMinor = 20000;
        o.stages = {{kOrderOpenStage, day(ordered)}};
        if (wait >= 0)
            o.stages.push_back({kOrderShippedStage, day(ordered + wait)});
        o.closeDates = {{kDay0.addDays(due), day(ordered)}};
        return o;
    };
    // Eight shipped orders, waits 1 … 8 days (median 4.5), each due 5 days after ordering.
    for (int i = 1; i <= 8; ++i)
        history.deals.push_back(order(QStringLiteral("o%1").arg(i), 100 + i, 105 + i, i));
    RiskDeal open = order(QStringLiteral("open"), 177, 182, -1);  // ordered on day 177, due on day 182
    open.quotes = {{25000, 5000, day(177)}};
    history.deals.push_back(open);

    const qint64 cut = day(180);
    const RiskContext context = RiskContext::learn(history, cut);
    QCOMPARE(context.closedDeals(), 8);                                     // opportunities only
    QCOMPARE(context.closedDeals(RiskDealKind::Order), 8);
    QCOMPARE(context.overallWinRate(), 0.7);                                // shipments are not wins
    QCOMPARE(context.usualStageDays(kOrderOpenStage, QStringLiteral("r"), QStringLiteral("p")), 4.5);
    QCOMPARE(context.usualAmountMinor(RiskDealKind::Order, QString()), 20000.0);

    const auto state = openDealAt(history.deals.back(), history, context, cut);
    QVERIFY(state);
    QCOMPARE(state->stage->code, kOrderOpenStage);
    const QStringList openStages = riskOpenStages(history);
    const RiskFeatures f = riskFeaturesOf(*state, context, openStages, cut);
    QCOMPARE(f.daysInStage, 3);
    QCOMPARE(f.usualStageDays, 4.5);
    QCOMPARE(f.factor(RiskFactor::CloseElapsed), 3.0 / 5.0);
    QCOMPARE(f.factor(RiskFactor::Discount), 0.2);                          // 5,000 of 25,000
    QCOMPARE(f.factor(RiskFactor::CustomerOverdue), std::log2(3.0));
    for (RiskFactor pipelineOnly : {RiskFactor::StageAge, RiskFactor::Inactivity, RiskFactor::RepWinRate, RiskFactor::ProductWinRate,
                                    RiskFactor::CloseDueSoon, RiskFactor::AmountCut, RiskFactor::ClosePushed})
        QCOMPARE(f.factor(pipelineOnly), 0.0);
    QCOMPARE(riskReasonText(riskReasonOf(RiskFactor::CloseElapsed, *state, f)),
             QStringLiteral("Day 3 of 5 before the delivery date %1, not shipped")
                 .arg(QLocale().toString(kDay0.addDays(182), QLocale::ShortFormat)));
    QCOMPARE(riskRuleKey(RiskDealKind::Order, RiskFactor::CloseOverdue), QStringLiteral("order.close_overdue"));
    QVERIFY(defaultRiskAction(RiskDealKind::Order, RiskFactor::CloseOverdue)
            != defaultRiskAction(RiskDealKind::Opportunity, RiskFactor::CloseOverdue));

    const qint64 horizon = riskCutoffMs(kDay0.addDays(180 + kRiskHorizonDays));
    auto outcomeShippedOn = [&](int shipDay) {
        RiskDeal shipped = history.deals.back();
        shipped.stages.push_back({kOrderShippedStage, day(shipDay)});
        return outcomeBy(*openDealAt(shipped, history, context, cut), history, horizon);
    };
    QCOMPARE(outcomeShippedOn(182), RiskOutcome::Won);      // on the due day
    QCOMPARE(outcomeShippedOn(183), RiskOutcome::Slipped);  // a day late, though shipped
    QCOMPARE(outcomeBy(*state, history, horizon), RiskOutcome::Slipped);  // still waiting at the horizon
    RiskDeal cancelled = history.deals.back();
    cancelled.stages.push_back({kOrderCancelledStage, day(181)});
    QCOMPARE(outcomeBy(*openDealAt(cancelled, history, context, cut), history, horizon), RiskOutcome::Lost);

    // Scored by the order prior (eight orders are too few to learn from); past its due date an
    // order is almost certainly late.
    auto assessment = assessRisk(history, kDay0.addDays(184));
    QVERIFY(assessment);
    QCOMPARE(assessment.value().orderLearnedWeight, 0.0);
    const auto ranked = assessment.value().ranked;
    const auto found = std::find_if(ranked.begin(), ranked.end(),
                                    [](const RiskScore &s) { return s.row.state.deal->id == QLatin1String("open"); });
    QVERIFY(found != ranked.end());
    QVERIFY2(found->probability > 0.9, qPrintable(QString::number(found->probability)));
    QCOMPARE(found->reasons.front().first, RiskFactor::CloseOverdue);
    const RiskReason reached = riskReasonOf(RiskFactor::CloseElapsed, found->row.state, found->row.features);
    QCOMPARE(found->row.features.factor(RiskFactor::CloseElapsed), 1.0);  // capped: past due is CloseOverdue's
    QCOMPARE(riskReasonText(reached), QStringLiteral("Delivery date %1 reached, not shipped")
                                          .arg(QLocale().toString(kDay0.addDays(182), QLocale::ShortFormat)));
}

// Each manager's lists over the weeks: m1 runs r1 and r2, m2 shares r1, nobody runs r3.
void TestRiskFeatures::followUpRatesPerManager()
{
    RiskHistory history;
    history.regionManagers = {{QStringLiteral("r1"), {QStringLiteral("m1"), QStringLiteral("m2")}},
                              {QStringLiteral("r2"), {QStringLiteral("m1")}}};
    history.userNames = {{QStringLiteral("m1"), QStringLiteral("Zhang Wei")}, {QStringLiteral("m2"), QStringLiteral("Ana Lim")}};
    auto list = [](const QString &region, const QString &week, int entries) {
        RiskSnapshot snapshot;
        snapshot.regionId = region;
        snapshot.isoWeek = week;
        snapshot.id = riskSnapshotId(region, week);
        for (int rank = 1; rank <= entries; ++rank) {
            RiskListEntry entry;
            entry.rank = rank;
            entry.id = riskEntryId(snapshot.id, rank);
            snapshot.entries.push_back(entry);
        }
        return snapshot;
    };
    const std::vector<RiskSnapshot> lists{list(QStringLiteral("r1"), QStringLiteral("2026-W47"), 3),
                                          list(QStringLiteral("r1"), QStringLiteral("2026-W48"), 2),
                                          list(QStringLiteral("r2"), QStringLiteral("2026-W48"), 2),
                                          list(QStringLiteral("r3"), QStringLiteral("2026-W48"), 1)};
    QHash<QString, RiskFollowUp> followUps;
    auto follow = [&](const RiskSnapshot &snapshot, int index, FollowUpStatus status, bool acted) {
        const QString id = snapshot.entries[std::size_t(index)].id;
        followUps.insert(id, {QString(), id, QString(), status, QString(), QDate(), acted});
    };
    follow(lists[0], 0, FollowUpStatus::Contacted, true);
    follow(lists[0], 1, FollowUpStatus::Open, true);         // still to do: not followed up, but the step was taken
    follow(lists[1], 0, FollowUpStatus::Resolved, false);
    follow(lists[2], 1, FollowUpStatus::Escalated, false);
    const std::vector<RiskLoopRow> rows = riskLoopByManager(lists, followUps, history);
    QCOMPARE(rows.size(), std::size_t(3));
    QCOMPARE(rows[0].managerName, QStringLiteral("Ana Lim"));     // by name
    QCOMPARE(rows[0].regionIds, QStringList{QStringLiteral("r1")});
    QCOMPARE(rows[0].lists, 2);
    QCOMPARE(rows[0].entries, 5);
    QCOMPARE(rows[0].followedUp, 2);
    QCOMPARE(rows[0].actedOnSuggestion, 2);
    QCOMPARE(rows[0].followUpRate(), 0.4);
    QCOMPARE(rows[1].managerName, QStringLiteral("Zhang Wei"));
    QCOMPARE(rows[1].regionIds, (QStringList{QStringLiteral("r1"), QStringLiteral("r2")}));
    QCOMPARE(rows[1].lists, 3);
    QCOMPARE(rows[1].entries, 7);
    QCOMPARE(rows[1].followedUp, 3);
    QCOMPARE(rows[1].actedOnSuggestion, 2);
    QCOMPARE(rows[2].managerId, QString());                        // r3 has no manager
    QCOMPARE(rows[2].regionIds, QStringList{QStringLiteral("r3")});
    QCOMPARE(rows[2].entries, 1);
    QCOMPARE(rows[2].followedUp, 0);
    QCOMPARE(rows[2].actedRate(), 0.0);
}

QTEST_GUILESS_MAIN(TestRiskFeatures)
#include "tst_riskfeatures.moc"
