// rollingBacktest: origins, no look-ahead, exactness on periodic data, cancellation.
#include "forecastgolden.h"

#include "analytics/rollingbacktest.h"

#include <QTest>

using namespace vantage::core;

namespace {

std::vector<double> trendingSeasonal(int n)
{
    std::vector<double> y;
    for (int t = 0; t < n; ++t)
        y.push_back(100.0 + 2.0 * t + std::vector<double>{8, -3, 5, -10}[std::size_t(t % 4)] + 3.0 * std::sin(1.7 * t));
    return y;
}

} // namespace

class TestRollingBacktest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void originsAndCounts();
    void stopsAtTheShortestHistory();
    void noLookAhead();
    void periodicDataIsForecastExactly();
    void cancellationStopsEarly();
};

// Origins n − H, n − H − step, …, newest first; every one scored on H values.
void TestRollingBacktest::originsAndCounts()
{
    const std::vector<double> y = trendingSeasonal(40);
    BacktestOptions options;
    options.horizon = 6;
    options.originCount = 4;
    options.step = 3;
    const BacktestResult result = rollingBacktest(y, 4, ForecastMethod::SeasonalNaive, options);
    QCOMPARE(result.origins, (std::vector<int>{34, 31, 28, 25}));
    QCOMPARE(result.perOrigin.size(), std::size_t(4));
    for (const ForecastAccuracy &a : result.perOrigin)
        QCOMPARE(a.count, 6);
    QCOMPARE(result.overall.count, 24);
}

// No origin with less history than Forecaster::kMinimumHistory; an origin where the method
// cannot forecast (seasonal naive needs m + 1 values) is skipped, not scored.
void TestRollingBacktest::stopsAtTheShortestHistory()
{
    const std::vector<double> y = trendingSeasonal(20);
    BacktestOptions options;
    options.horizon = 6;
    options.originCount = 10;
    options.step = 5;
    QCOMPARE(rollingBacktest(y, 1, ForecastMethod::SeasonalNaive, options).origins, (std::vector<int>{14, 9, 4}));
    QCOMPARE(rollingBacktest(y, 4, ForecastMethod::SeasonalNaive, options).origins, (std::vector<int>{14, 9}));
    options.horizon = 20;
    QVERIFY(rollingBacktest(y, 1, ForecastMethod::SeasonalNaive, options).origins.empty());
}

// Each origin's score depends only on the values up to the origin (history) and the next H
// (actuals): garbage after them changes nothing, and the score is what the forecast made from
// the history alone earns.
void TestRollingBacktest::noLookAhead()
{
    const std::vector<double> y = trendingSeasonal(48);
    BacktestOptions options;
    options.horizon = 8;
    options.originCount = 3;
    options.step = 4;
    const BacktestResult clean = rollingBacktest(y, 4, ForecastMethod::Theta, options);
    QCOMPARE(clean.origins, (std::vector<int>{40, 36, 32}));
    for (std::size_t j = 0; j < clean.origins.size(); ++j) {
        const int origin = clean.origins[j];
        std::vector<double> garbage = y;
        for (std::size_t t = std::size_t(origin + options.horizon); t < garbage.size(); ++t)
            garbage[t] = 1e9 * double(t % 3 + 1);
        const BacktestResult dirty = rollingBacktest(garbage, 4, ForecastMethod::Theta, options);
        QCOMPARE(dirty.origins, clean.origins);
        QCOMPARE(dirty.perOrigin[j].smape, clean.perOrigin[j].smape);
        QCOMPARE(dirty.perOrigin[j].coverage95, clean.perOrigin[j].coverage95);

        const auto history = std::span(y).first(std::size_t(origin));
        const auto forecast = Forecaster::forecast(history, 4, options.horizon, ForecastMethod::Theta);
        QVERIFY(forecast);
        const ForecastAccuracy direct =
            measureAccuracy(history, 4, forecast.value(), std::span(y).subspan(std::size_t(origin), 8));
        QCOMPARE(clean.perOrigin[j].smape, direct.smape);
        QCOMPARE(clean.perOrigin[j].mase, direct.mase);
        QVERIFY(direct.smape > 0.0);
    }
}

// A series that repeats exactly every 4 periods: seasonal naive is right everywhere.
void TestRollingBacktest::periodicDataIsForecastExactly()
{
    std::vector<double> y;
    for (int t = 0; t < 32; ++t)
        y.push_back(std::vector<double>{1, 5, 3, 8}[std::size_t(t % 4)]);
    BacktestOptions options;
    options.horizon = 8;
    options.originCount = 3;
    options.step = 4;
    const BacktestResult result = rollingBacktest(y, 4, ForecastMethod::SeasonalNaive, options);
    QCOMPARE(result.perOrigin.size(), std::size_t(3));
    QCOMPARE(result.overall.smape, 0.0);
    QCOMPARE(result.overall.mape, 0.0);
    QCOMPARE(result.overall.bias, 0.0);
    QCOMPARE(result.overall.coverage95, 100.0);
    QVERIFY(std::isnan(result.overall.mase));  // the seasonal differences are all zero: no scale
    // the naive forecast (m = 1) is wrong on the same data
    QVERIFY(rollingBacktest(y, 1, ForecastMethod::SeasonalNaive, options).overall.smape > 10.0);
}

void TestRollingBacktest::cancellationStopsEarly()
{
    const std::vector<double> y = trendingSeasonal(60);
    int asked = 0;
    BacktestOptions options;
    options.horizon = 4;
    options.originCount = 8;
    options.step = 2;
    options.cancelled = [&asked] { return ++asked > 2; };
    const BacktestResult result = rollingBacktest(y, 4, ForecastMethod::SeasonalNaive, options);
    QCOMPARE(asked, 3);
    QCOMPARE(result.origins, (std::vector<int>{56, 54}));
    QCOMPARE(result.overall.count, 8);
    // cancelled before the first origin: nothing
    options.cancelled = [] { return true; };
    QVERIFY(rollingBacktest(y, 4, ForecastMethod::SeasonalNaive, options).perOrigin.empty());
}

QTEST_GUILESS_MAIN(TestRollingBacktest)
#include "tst_rollingbacktest.moc"
