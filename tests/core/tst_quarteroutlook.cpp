// Win probabilities from closed deals and the quarter outlook: hand-computed cases, the prior
// with thin history, and the demo database with a time split (nothing from after the as-of date).
#include "sqlhelpers.h"
#include "testsupport.h"

#include "analytics/dashboardoutlook.h"
#include "analytics/forecastcache.h"
#include "storage/connection.h"
#include "storage/outlookrepository.h"

#include <QTest>

#include <cmath>

using namespace vantage::core;

class TestQuarterOutlook : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void thinHistoryGivesThePrior();
    void longHistoryGivesItsOwnRateByAge();
    void outlookBlendsPipelineAndSeriesByPrecision();
    void demoOutlookUsesOnlyThePast();
    void tooLittleHistoryIsSaidNotZero();
    void demoProbabilitiesAreCalibratedOnLaterOutcomes();
};

void TestQuarterOutlook::thinHistoryGivesThePrior()
{
    const QHash<QString, double> priors{{QStringLiteral("engaging"), 0.5}, {QStringLiteral("prospecting"), 0.1}};
    const auto model = WinProbabilityModel::learn({{{{QStringLiteral("engaging"), 5}}, true}}, priors);
    QCOMPARE(model.probability(QStringLiteral("prospecting"), 10), 0.1);
    // One won deal moves the estimate by 1/21 of the way from 0.5 to 1.
    QCOMPARE(model.probability(QStringLiteral("engaging"), 10), (1.0 + 20.0 * 0.5) / 21.0);
    QCOMPARE(model.probability(QStringLiteral("unknown"), 10), 0.5);
}

void TestQuarterOutlook::longHistoryGivesItsOwnRateByAge()
{
    std::vector<ClosedDeal> closed;
    // 100 quick deals (10 days), 80 won; 100 slow ones (120 days), 10 won.
    for (int i = 0; i < 100; ++i)
        closed.push_back({{{QStringLiteral("engaging"), 10}}, i < 80});
    for (int i = 0; i < 100; ++i)
        closed.push_back({{{QStringLiteral("engaging"), 120}}, i < 10});
    const auto model = WinProbabilityModel::learn(closed, {{QStringLiteral("engaging"), 0.5}});
    // At < 30 days every deal was there: 90 wins of 200; at 30–89 and ≥ 90 days only the slow ones.
    QCOMPARE(model.probability(QStringLiteral("engaging"), 5), (90.0 + 10.0) / 220.0);
    QCOMPARE(model.probability(QStringLiteral("engaging"), 45), (10.0 + 10.0) / 120.0);
    QCOMPARE(model.probability(QStringLiteral("engaging"), 100), (10.0 + 10.0) / 120.0);
    QCOMPARE(WinProbabilityModel::bucketOf(29), 0);
    QCOMPARE(WinProbabilityModel::bucketOf(30), 1);
    QCOMPARE(WinProbabilityModel::bucketOf(90), 2);
}

void TestQuarterOutlook::outlookBlendsPipelineAndSeriesByPrecision()
{
    const auto model = WinProbabilityModel::learn({}, {{QStringLiteral("a"), 0.5}});
    const std::vector<OpenDeal> open{{QStringLiteral("a"), 3, QDate(2026, 11, 15), 100.0},
                                     {QStringLiteral("a"), 3, QDate(2026, 9, 1), 200.0},   // overdue: counts
                                     {QStringLiteral("a"), 3, QDate(2027, 1, 5), 1000.0}}; // next quarter
    ForecastResult monthly;
    monthly.mean = {30.0, 60.0, 90.0, 500.0};
    for (double m : monthly.mean) {
        monthly.band80.lower.push_back(m - kZ80 * 10.0);
        monthly.band80.upper.push_back(m + kZ80 * 10.0);
    }
    const QuarterOutlook out = QuarterOutlookCalculator::compute(QDate(2026, 10, 1), 40.0, open, model, monthly);
    QCOMPARE(out.quarterEnd, QDate(2026, 12, 31));
    QCOMPARE(out.pipelineDeals, 2);
    QCOMPARE(out.pipelineAmount, 300.0);
    QCOMPARE(out.pipelineExpected, 150.0);
    QCOMPARE(out.pipelineSd, std::sqrt(0.25 * (100.0 * 100.0 + 200.0 * 200.0)));
    QVERIFY(std::fabs(out.seriesExpected - 180.0) < 1e-9);
    QVERIFY(std::fabs(out.seriesSd - std::sqrt(300.0)) < 1e-9);
    const double w = (1.0 / 12500.0) / (1.0 / 12500.0 + 1.0 / 300.0);
    QVERIFY(std::fabs(out.pipelineWeight - w) < 1e-12);
    const double expected = 40.0 + w * 150.0 + (1.0 - w) * 180.0;
    QVERIFY(std::fabs(out.expected - expected) < 1e-9);
    const double sd = std::sqrt(1.0 / (1.0 / 12500.0 + 1.0 / 300.0));
    QVERIFY(std::fabs(out.high80 - (expected + kZ80 * sd)) < 1e-9);
    QVERIFY(std::fabs(out.low80 - (expected - kZ80 * sd)) < 1e-9);

    // Mid-month, only the rest of the month counts.
    const QuarterOutlook mid = QuarterOutlookCalculator::compute(QDate(2026, 10, 17), 40.0, open, model, monthly);
    QVERIFY(std::fabs(mid.seriesExpected - (30.0 * 15.0 / 31.0 + 60.0 + 90.0)) < 1e-9);
}

void TestQuarterOutlook::demoOutlookUsesOnlyThePast()
{
    ScopedConnection demo(vantage::test::sharedDemoDatabase(), QStringLiteral("outlook"), ConnectionMode::ReadOnly);
    QVERIFY(demo.ok());
    const QDate cutoff = vantage::test::demoAsOf().addDays(-120);
    const auto input = OutlookRepository(demo.database()).load(cutoff, {});
    QVERIFY2(input.ok(), qPrintable(input ? QString() : input.error().message));
    const QString end = cutoff.toString(Qt::ISODate);
    const qint64 closedBefore = vantage::test::scalar(
        demo.database(), QStringLiteral("SELECT count(*) FROM opportunity WHERE stage_code IN ('won', 'lost') AND closed_on <= ?"),
        {end}).toLongLong();
    QCOMPARE(qint64(input.value().closed.size()), closedBefore);
    // Deals closed after the cutoff were open at it and count in the pipeline then.
    const qint64 openThen = vantage::test::scalar(
        demo.database(), QStringLiteral("SELECT count(*) FROM opportunity o WHERE (o.closed_on IS NULL OR o.closed_on > ?) "
                                        "AND EXISTS (SELECT 1 FROM opportunity_stage_history h WHERE h.opportunity_id = o.id "
                                        "AND h.entered_at < ?)"),
        {end, cutoff.addDays(1).startOfDay().toMSecsSinceEpoch()}).toLongLong();
    QCOMPARE(qint64(input.value().open.size()), openThen);
    QVERIFY(input.value().wonSeries.firstMonth.isValid());
    ForecastCache cache;
    const DashboardOutlook o = computeDashboardOutlook(input.value(), cache);
    QVERIFY2(o.wonDeals && o.orders, qPrintable(o.wonProblem + o.ordersProblem));
    QCOMPARE(o.quarterStart, QDate(cutoff.year(), (cutoff.month() - 1) / 3 * 3 + 1, 1));
    QVERIFY(o.wonDeals->expected >= o.wonDeals->wonSoFar);
    QVERIFY(o.wonDeals->low80 <= o.wonDeals->expected && o.wonDeals->expected <= o.wonDeals->high80);
    QVERIFY(o.wonDeals->pipelineDeals > 0 && o.wonDeals->pipelineExpected < o.wonDeals->pipelineAmount);
    QVERIFY(o.closedDealsLearnedFrom > 0 && o.closedDealsLearnedFrom <= int(closedBefore));
}

void TestQuarterOutlook::tooLittleHistoryIsSaidNotZero()
{
    OutlookInput input;
    input.currency = QStringLiteral("USD");
    input.asOf = QDate(2026, 11, 28);
    ForecastCache cache;
    const DashboardOutlook o = computeDashboardOutlook(input, cache);
    QVERIFY(!o.wonDeals && !o.orders);
    QVERIFY(!o.wonProblem.isEmpty() && !o.ordersProblem.isEmpty());
    QCOMPARE(o.quarterStart, QDate(2026, 10, 1));
}

void TestQuarterOutlook::demoProbabilitiesAreCalibratedOnLaterOutcomes()
{
    ScopedConnection demo(vantage::test::sharedDemoDatabase(), QStringLiteral("calibration"), ConnectionMode::ReadOnly);
    QVERIFY(demo.ok());
    const QDate cutoff = vantage::test::demoAsOf().addDays(-150);
    const auto input = OutlookRepository(demo.database()).load(cutoff, {});
    QVERIFY(input.ok());
    const auto model = WinProbabilityModel::learn(input.value().closed, input.value().priors);
    // Deals open at the cutoff that have closed since: mean predicted vs observed win rate.
    double predicted = 0.0;
    int count = 0;
    for (const OpenDealRow &deal : input.value().open) {
        predicted += model.probability(deal.stage, deal.daysInStage);
        ++count;
    }
    QVERIFY(count > 100);
    const double observed = vantage::test::scalar(
        demo.database(), QStringLiteral("SELECT avg(stage_code = 'won') FROM opportunity o WHERE stage_code IN ('won', 'lost') "
                                        "AND closed_on > ? AND o.id IN (SELECT opportunity_id FROM opportunity_stage_history "
                                        "WHERE entered_at < ?)"),
        {cutoff.toString(Qt::ISODate), cutoff.addDays(1).startOfDay().toMSecsSinceEpoch()}).toDouble();
    qInfo("predicted %.3f observed %.3f over %d open deals", predicted / count, observed, count);
    QVERIFY(std::fabs(predicted / count - observed) < 0.1);
}

QTEST_GUILESS_MAIN(TestQuarterOutlook)
#include "tst_quarteroutlook.moc"
