// measureAccuracy, maseScale and averageAccuracy on cases worked out by hand.
#include "forecastgolden.h"

#include "analytics/forecastaccuracy.h"

#include <QTest>

using namespace vantage::core;

namespace {

ForecastResult forecastOf(std::vector<double> mean, std::vector<double> lo80, std::vector<double> hi80,
                          std::vector<double> lo95, std::vector<double> hi95)
{
    ForecastResult f;
    f.method = QStringLiteral("test");
    f.mean = std::move(mean);
    f.band80 = {std::move(lo80), std::move(hi80)};
    f.band95 = {std::move(lo95), std::move(hi95)};
    return f;
}

ForecastAccuracy accuracy(double smape, double mase, double mape, double bias, double c80, double c95, int count)
{
    ForecastAccuracy a;
    a.smape = smape;
    a.mase = mase;
    a.mape = mape;
    a.bias = bias;
    a.coverage80 = c80;
    a.coverage95 = c95;
    a.count = count;
    return a;
}

} // namespace

class TestForecastAccuracy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void measuresByHand();
    void seasonalScale();
    void undefinedMeasures();
    void noPairs();
    void averageByHand();
    void averageSkipsUndefined();
};

// History 10, 12, 14, 16, 18 (m = 1: mean |Δy| = 2); forecast 20, 20 against 22, 19.
void TestForecastAccuracy::measuresByHand()
{
    const std::vector<double> history{10, 12, 14, 16, 18};
    const std::vector<double> actuals{22, 19};
    // 22 lies outside the 80% band [18, 21] and inside the 95% one; 19 inside both; a value
    // on a bound counts as inside.
    const ForecastResult f = forecastOf({20, 20}, {18, 19}, {21, 23}, {15, 15}, {22, 25});
    const ForecastAccuracy a = measureAccuracy(history, 1, f, actuals);
    QCOMPARE(a.count, 2);
    VANTAGE_COMPARE_NEAR(a.smape, (200.0 * 2 / 42 + 200.0 * 1 / 39) / 2, 1e-14, 0.0, QStringLiteral("sMAPE"));
    VANTAGE_COMPARE_NEAR(a.mase, (2.0 + 1.0) / 2 / 2.0, 1e-14, 0.0, QStringLiteral("MASE"));
    VANTAGE_COMPARE_NEAR(a.mape, (100.0 * 2 / 22 + 100.0 * 1 / 19) / 2, 1e-14, 0.0, QStringLiteral("MAPE"));
    // bias: Σ(f − y) / Σ|y| = (−2 + 1)/41, in percent: under-forecast is negative
    VANTAGE_COMPARE_NEAR(a.bias, 100.0 * -1.0 / 41.0, 1e-14, 0.0, QStringLiteral("bias"));
    QCOMPARE(a.coverage80, 50.0);
    QCOMPARE(a.coverage95, 100.0);
    QCOMPARE(maseScale(history, 1), 2.0);
}

// m = 4: the scale is the mean absolute difference to the same quarter a year earlier.
void TestForecastAccuracy::seasonalScale()
{
    const std::vector<double> history{1, 5, 3, 8, 2, 7, 3, 9};  // |Δ4| = 1, 2, 0, 1
    QCOMPARE(maseScale(history, 4), 1.0);
    QCOMPARE(maseScale(history, 0), maseScale(history, 1));  // m ≤ 0 means no season
    const ForecastResult f = forecastOf({2}, {0}, {4}, {-1}, {5});
    QCOMPARE(measureAccuracy(history, 4, f, std::vector<double>{5}).mase, 3.0);
}

void TestForecastAccuracy::undefinedMeasures()
{
    const std::vector<double> history{10, 12, 14, 16, 18};
    const ForecastResult f = forecastOf({20, 20}, {18, 18}, {22, 22}, {16, 16}, {24, 24});
    // A zero actual: MAPE undefined (not the mean of the others); sMAPE still defined.
    const ForecastAccuracy zero = measureAccuracy(history, 1, f, std::vector<double>{0, 20});
    QVERIFY(std::isnan(zero.mape));
    VANTAGE_COMPARE_NEAR(zero.smape, (200.0 + 0.0) / 2, 1e-14, 0.0, QStringLiteral("sMAPE"));
    VANTAGE_COMPARE_NEAR(zero.bias, 100.0 * 20 / 20, 1e-14, 0.0, QStringLiteral("bias"));
    // All actuals zero: bias (relative to mean |y|) undefined too.
    const ForecastResult zeroForecast = forecastOf({0, 0}, {0, 0}, {0, 0}, {0, 0}, {0, 0});
    const ForecastAccuracy allZero = measureAccuracy(history, 1, zeroForecast, std::vector<double>{0, 0});
    QVERIFY(std::isnan(allZero.mape));
    QVERIFY(std::isnan(allZero.bias));
    QCOMPARE(allZero.smape, 0.0);  // 0/0 counted as a perfect forecast
    QCOMPARE(allZero.coverage95, 100.0);
    // A constant history has no scale for MASE; nor one shorter than m + 1.
    QVERIFY(std::isnan(measureAccuracy(std::vector<double>{5, 5, 5}, 1, f, std::vector<double>{21, 19}).mase));
    QVERIFY(std::isnan(maseScale(std::vector<double>{1, 2, 3, 4}, 4)));
    QVERIFY(std::isnan(maseScale(std::vector<double>{}, 1)));
}

void TestForecastAccuracy::noPairs()
{
    const ForecastResult f = forecastOf({20, 20}, {18, 18}, {22, 22}, {16, 16}, {24, 24});
    const ForecastAccuracy a = measureAccuracy(std::vector<double>{1, 2, 3}, 1, f, std::vector<double>{});
    QCOMPARE(a.count, 0);
    // more actuals than forecast steps: only the forecast's steps are scored
    QCOMPARE(measureAccuracy(std::vector<double>{1, 2, 3}, 1, f, std::vector<double>{20, 20, 99}).count, 2);
    QCOMPARE(measureAccuracy(std::vector<double>{1, 2, 3}, 1, f, std::vector<double>{20, 20, 99}).smape, 0.0);
}

// Error measures: plain mean over parts; coverage: weighted by the number of pairs.
void TestForecastAccuracy::averageByHand()
{
    const std::vector<ForecastAccuracy> parts{accuracy(10, 1.0, 8, 2, 100, 100, 2),
                                              accuracy(20, 2.0, 16, -4, 50, 75, 4)};
    const ForecastAccuracy mean = averageAccuracy(parts);
    QCOMPARE(mean.smape, 15.0);
    QCOMPARE(mean.mase, 1.5);
    QCOMPARE(mean.mape, 12.0);
    QCOMPARE(mean.bias, -1.0);
    VANTAGE_COMPARE_NEAR(mean.coverage80, (100.0 * 2 + 50.0 * 4) / 6, 1e-14, 0.0, QStringLiteral("coverage80"));
    VANTAGE_COMPARE_NEAR(mean.coverage95, (100.0 * 2 + 75.0 * 4) / 6, 1e-14, 0.0, QStringLiteral("coverage95"));
    QCOMPARE(mean.count, 6);
}

// A part without pairs is left out; an undefined measure is averaged over the parts that have it.
void TestForecastAccuracy::averageSkipsUndefined()
{
    const double nan = std::nan("");
    const std::vector<ForecastAccuracy> parts{accuracy(10, nan, nan, 2, 100, 100, 2),
                                              accuracy(30, 3.0, 6, nan, 0, 50, 2),
                                              accuracy(99, 99, 99, 99, 99, 99, 0)};
    const ForecastAccuracy mean = averageAccuracy(parts);
    QCOMPARE(mean.smape, 20.0);
    QCOMPARE(mean.mase, 3.0);
    QCOMPARE(mean.mape, 6.0);
    QCOMPARE(mean.bias, 2.0);
    QCOMPARE(mean.coverage80, 50.0);
    QCOMPARE(mean.count, 4);
    const std::vector<ForecastAccuracy> none{accuracy(nan, nan, nan, nan, 0, 0, 0)};
    QCOMPARE(averageAccuracy(none).count, 0);
    QCOMPARE(averageAccuracy(std::span<const ForecastAccuracy>()).count, 0);
    QVERIFY(std::isnan(averageAccuracy(none).mase));  // unknown, never a perfect 0
    QVERIFY(std::isnan(averageAccuracy(none).coverage80));
}

QTEST_GUILESS_MAIN(TestForecastAccuracy)
#include "tst_forecastaccuracy.moc"
