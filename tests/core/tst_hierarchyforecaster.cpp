// The hierarchy of forecasts: coherent sums, honest backtests, the cache, cancellation, targets,
// quarters; and the repository's series against the demo database summed another way.
#include "sqlhelpers.h"
#include "testsupport.h"

#include "analytics/forecastcache.h"
#include "analytics/hierarchyforecaster.h"
#include "storage/connection.h"
#include "storage/forecastrepository.h"

#include <QTest>

#include <cmath>

using namespace vantage::core;

namespace {

// 2 regions × 2 categories, 36 months of seasonal, growing sales in cents.
ForecastInput syntheticInput(int months = 36)
{
    ForecastInput input;
    input.currency = QStringLiteral("USD");
    input.firstMonth = QDate(2023, 1, 1);
    input.asOf = input.firstMonth.addMonths(months).addDays(10);
    int shape = 0;
    for (const QString &region : {QStringLiteral("r1"), QStringLiteral("r2")}) {
        input.regions.push_back({region, region.toUpper(), {}});
        for (const QString &category : {QStringLiteral("Chairs"), QStringLiteral("Desks")}) {
            LeafSeries leaf{region, category, {}};
            ++shape;
            for (int t = 0; t < months; ++t) {
                const double seasonal = 1.0 + 0.3 * std::sin(2.0 * M_PI * (t + shape) / 12.0);
                const double noise = 1.0 + 0.05 * std::cos(7.0 * t + shape);
                leaf.monthlyMinor.push_back(qint64(100000.0 * shape * (1.0 + 0.01 * t) * seasonal * noise));
            }
            input.leaves.push_back(std::move(leaf));
        }
    }
    input.members = {{QStringLiteral("Chairs"), QStringLiteral("Chairs"), {}},
                     {QStringLiteral("Desks"), QStringLiteral("Desks"), {}}};
    input.quarterTargets = {{QStringLiteral("r1"), QDate(2026, 1, 1), 3000000}, {QStringLiteral("r2"), QDate(2026, 1, 1), 6000000}};
    return input;
}

ForecastRequest monthly()
{
    ForecastRequest request;
    request.method = ForecastMethod::Theta;  // quick; the method itself is tested elsewhere
    return request;
}

double sumOf(const ForecastReport &report, const QString &region, const QString &member, std::size_t h,
             bool byRegion)
{
    double sum = 0.0;
    for (const ForecastNode &node : report.nodes) {
        const bool leaf = !node.regionId.isEmpty() && !node.memberId.isEmpty();
        if (leaf && (byRegion ? node.regionId == region : node.memberId == member))
            sum += node.forecast.mean[h];
    }
    return sum;
}

} // namespace

class TestHierarchyForecaster : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void partsAddUpToTheirTotals();
    void backtestScoresTheReconciledForecastAtFourOrigins();
    void unchangedSeriesComeFromTheCache();
    void cancellingStops();
    void quartersAreWholeAndTargetsSpread();
    void tooShortHistoryIsRefused();
    void repositorySeriesMatchTheDemoDatabase();
};

void TestHierarchyForecaster::partsAddUpToTheirTotals()
{
    ForecastCache cache;
    const auto report = HierarchyForecaster::run(syntheticInput(), monthly(), cache);
    QVERIFY2(report.ok(), qPrintable(report ? QString() : report.error().message));
    const ForecastReport &r = report.value();
    QCOMPARE(r.nodes.size(), std::size_t(1 + 2 + 2 + 4));
    QCOMPARE(r.historyLength, 36);
    QCOMPARE(r.periods.size(), std::size_t(36 + 12));
    const ForecastNode *total = r.node({}, {});
    QVERIFY(total);
    for (std::size_t h = 0; h < 12; ++h) {
        const double regions = r.node(QStringLiteral("r1"), {})->forecast.mean[h] + r.node(QStringLiteral("r2"), {})->forecast.mean[h];
        const double members = r.node({}, QStringLiteral("Chairs"))->forecast.mean[h] + r.node({}, QStringLiteral("Desks"))->forecast.mean[h];
        QVERIFY(std::fabs(regions - total->forecast.mean[h]) < 1e-6 * total->forecast.mean[h]);
        QVERIFY(std::fabs(members - total->forecast.mean[h]) < 1e-6 * total->forecast.mean[h]);
        for (const QString &region : {QStringLiteral("r1"), QStringLiteral("r2")})
            QVERIFY(std::fabs(sumOf(r, region, {}, h, true) - r.node(region, {})->forecast.mean[h]) < 1e-6 * total->forecast.mean[h]);
        QVERIFY(total->forecast.band95.lower[h] <= total->forecast.band80.lower[h]);
        QVERIFY(total->forecast.band80.upper[h] <= total->forecast.band95.upper[h]);
    }
    // Histories in major units: the total is the sum of every leaf's cents / 100.
    const ForecastInput input = syntheticInput();
    double cents = 0.0;
    for (const LeafSeries &leaf : input.leaves)
        cents += double(leaf.monthlyMinor[5]);
    QCOMPARE(total->history[5], cents / 100.0);
}

void TestHierarchyForecaster::backtestScoresTheReconciledForecastAtFourOrigins()
{
    ForecastCache cache;
    const auto report = HierarchyForecaster::run(syntheticInput(), monthly(), cache);
    QVERIFY(report.ok());
    for (const ForecastNode &node : report.value().nodes) {
        QCOMPARE(node.backtestOrigins, HierarchyForecaster::kBacktestOrigins);
        QCOMPARE(node.backtest.count, 12 * HierarchyForecaster::kBacktestOrigins);
        QVERIFY(node.backtest.smape > 0.0 && node.backtest.smape < 30.0);  // smooth synthetic data
        QVERIFY(std::isfinite(node.backtest.mase));
    }
}

void TestHierarchyForecaster::unchangedSeriesComeFromTheCache()
{
    ForecastCache cache;
    ForecastInput input = syntheticInput();
    const auto first = HierarchyForecaster::run(input, monthly(), cache);
    QVERIFY(first.ok());
    QCOMPARE(first.value().refitted, 9 * (1 + HierarchyForecaster::kBacktestOrigins));
    const auto again = HierarchyForecaster::run(input, monthly(), cache);
    QVERIFY(again.ok());
    QCOMPARE(again.value().refitted, 0);
    QCOMPARE(again.value().node({}, {})->forecast.mean, first.value().node({}, {})->forecast.mean);
    // A new figure in the last month of one leaf changes that leaf, its region, its category and
    // the total; the backtest origins end before it.
    input.leaves[0].monthlyMinor.back() += 5000000;
    const auto changed = HierarchyForecaster::run(input, monthly(), cache);
    QVERIFY(changed.ok());
    QCOMPARE(changed.value().refitted, 4);
    QVERIFY(changed.value().node({}, {})->forecast.mean != first.value().node({}, {})->forecast.mean);
}

void TestHierarchyForecaster::cancellingStops()
{
    ForecastCache cache;
    int progressCalls = 0;
    HierarchyForecaster::Hooks hooks;
    hooks.progress = [&](int, int) { ++progressCalls; };
    hooks.cancelled = [&] { return progressCalls >= 3; };
    const auto report = HierarchyForecaster::run(syntheticInput(), monthly(), cache, hooks);
    QVERIFY(!report.ok());
    QCOMPARE(report.error().code, ErrorCode::Cancelled);
    QCOMPARE(progressCalls, 3);
}

void TestHierarchyForecaster::quartersAreWholeAndTargetsSpread()
{
    std::vector<std::vector<double>> series{{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}};
    QCOMPARE(HierarchyForecaster::toQuarters(QDate(2024, 2, 1), series), QDate(2024, 4, 1));
    QCOMPARE(series.front(), (std::vector<double>{3 + 4 + 5, 6 + 7 + 8}));

    ForecastCache cache;
    ForecastRequest request = monthly();
    const auto months = HierarchyForecaster::run(syntheticInput(), request, cache);
    QVERIFY(months.ok());
    const ForecastReport &m = months.value();
    const auto index = std::size_t(std::find(m.periods.begin(), m.periods.end(), QDate(2026, 2, 1)) - m.periods.begin());
    QVERIFY(index < m.periods.size());
    QCOMPARE(m.node({}, {})->targets[index].value_or(-1), (30000.0 + 60000.0) / 3.0);
    QCOMPARE(m.node(QStringLiteral("r1"), {})->targets[index].value_or(-1), 10000.0);
    QVERIFY(!m.node({}, QStringLiteral("Chairs"))->targets[index].has_value());
    QVERIFY(!m.node({}, {})->targets[0].has_value());

    request.granularity = ForecastGranularity::Quarter;
    const auto quarters = HierarchyForecaster::run(syntheticInput(), request, cache);
    QVERIFY(quarters.ok());
    QCOMPARE(quarters.value().historyLength, 12);
    QCOMPARE(quarters.value().period, 4);
    QCOMPARE(quarters.value().periods[12], QDate(2026, 1, 1));
    QCOMPARE(quarters.value().node({}, {})->targets[12].value_or(-1), 90000.0);
}

void TestHierarchyForecaster::tooShortHistoryIsRefused()
{
    ForecastCache cache;
    const auto report = HierarchyForecaster::run(syntheticInput(3), monthly(), cache);
    QVERIFY(!report.ok());
    QCOMPARE(report.error().code, ErrorCode::InvalidInput);
    QVERIFY(report.error().message.contains(QLatin1String("3")));
}

void TestHierarchyForecaster::repositorySeriesMatchTheDemoDatabase()
{
    ScopedConnection demo(vantage::test::sharedDemoDatabase(), QStringLiteral("hierarchy"), ConnectionMode::ReadOnly);
    QVERIFY(demo.ok());
    const QDate asOf = vantage::test::demoAsOf();
    const auto orders = ForecastRepository(demo.database()).load(ForecastMeasure::Orders, asOf, {});
    QVERIFY2(orders.ok(), qPrintable(orders ? QString() : orders.error().message));
    const ForecastInput &input = orders.value();
    QCOMPARE(input.currency, QStringLiteral("USD"));
    QCOMPARE(input.firstMonth.day(), 1);
    qint64 fromLeaves = 0;
    for (const LeafSeries &leaf : input.leaves)
        for (qint64 v : leaf.monthlyMinor)
            fromLeaves += v;
    const QDate end(asOf.year(), asOf.month(), 1);
    const qint64 fromOrders = vantage::test::scalar(
        demo.database(), QStringLiteral("SELECT sum(total_minor) FROM sales_order WHERE status <> 'cancelled' "
                                        "AND order_date >= ? AND order_date < ?"),
        {input.firstMonth.toString(Qt::ISODate), end.toString(Qt::ISODate)}).toLongLong();
    QCOMPARE(fromLeaves, fromOrders);
    // The company total read from order totals is the sum of the per-category series, month by month.
    const auto totals = ForecastRepository(demo.database()).loadOrderTotals(asOf, QStringLiteral("USD"));
    QVERIFY(totals.ok());
    QCOMPARE(totals.value().leaves.size(), std::size_t(1));
    QCOMPARE(totals.value().firstMonth, input.firstMonth);
    std::vector<qint64> byCategory(input.leaves.front().monthlyMinor.size(), 0);
    for (const LeafSeries &leaf : input.leaves)
        for (std::size_t t = 0; t < byCategory.size(); ++t)
            byCategory[t] += leaf.monthlyMinor[t];
    QCOMPARE(totals.value().leaves.front().monthlyMinor, byCategory);
    QCOMPARE(totals.value().quarterTargets.size(), input.quarterTargets.size());
    QVERIFY(input.leaves.size() >= 4);
    QVERIFY(!input.quarterTargets.empty());

    const auto won = ForecastRepository(demo.database()).load(ForecastMeasure::WonDeals, asOf, {});
    QVERIFY(won.ok());
    QVERIFY(!won.value().members.empty());
    ForecastCache cache;
    const auto report = HierarchyForecaster::run(input, ForecastRequest{}, cache);
    QVERIFY2(report.ok(), qPrintable(report ? QString() : report.error().message));
    QVERIFY(report.value().node({}, {})->forecast.mean.front() > 0.0);
}

QTEST_GUILESS_MAIN(TestHierarchyForecaster)
#include "tst_hierarchyforecaster.moc"
