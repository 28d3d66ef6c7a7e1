// ClassicalDecomposition against R's stats::decompose: the multiplicative indices thetaf used
// (theta_internals.csv) and small cases worked out by hand.
#include "forecastgolden.h"

#include "analytics/classicaldecomposition.h"

#include <QTest>

using namespace vantage::core;
using Kind = ClassicalDecomposition::Kind;

class TestClassicalDecomposition : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void multiplicativeFigureAsR_data();
    void multiplicativeFigureAsR();
    void additiveRecoversAnExactPattern_data();
    void additiveRecoversAnExactPattern();
    void multiplicativeByHand();
    void tooShortOrNoCycle();
};

void TestClassicalDecomposition::multiplicativeFigureAsR_data()
{
    QTest::addColumn<QString>("series");
    QTest::addColumn<QString>("indices");
    const vantage::test::GoldenTable internals = vantage::test::GoldenTable::read(QStringLiteral("theta_internals.csv"));
    int seasonal = 0;
    for (int r = 0; r < internals.size(); ++r) {
        if (internals.text(r, "seasonal") != QLatin1String("TRUE"))
            continue;
        ++seasonal;
        QTest::newRow(qPrintable(internals.text(r, "series_id"))) << internals.text(r, "series_id")
                                                                  << internals.text(r, "seasonal_index");
    }
    QVERIFY(seasonal >= 2);
}

// theta_internals.csv holds tail(decompose(y, "multiplicative")$seasonal, m): the indices of
// positions n−m … n−1 (0-based), in that order.
void TestClassicalDecomposition::multiplicativeFigureAsR()
{
    QFETCH(QString, series);
    QFETCH(QString, indices);
    const vantage::test::GoldenSeries golden = vantage::test::goldenSeries(series);
    const std::vector<double> r = vantage::test::semicolonNumbers(indices);
    QCOMPARE(int(r.size()), golden.period);
    const auto d = ClassicalDecomposition::of(golden.values, golden.period, Kind::Multiplicative);
    QCOMPARE(int(d.figure.size()), golden.period);
    const std::size_t n = golden.values.size();
    for (std::size_t i = 0; i < r.size(); ++i)
        VANTAGE_COMPARE_NEAR(d.seasonalAt(n - r.size() + i), r[i], 1e-12, 0.0, QStringLiteral("index %1").arg(i));
}

void TestClassicalDecomposition::additiveRecoversAnExactPattern_data()
{
    QTest::addColumn<int>("m");
    QTest::addColumn<std::vector<double>>("pattern");  // sums to zero
    QTest::addColumn<int>("cycles");
    QTest::newRow("m=4, even: 2×4 filter") << 4 << std::vector<double>{1.0, -1.0, 2.0, -2.0} << 3;
    QTest::newRow("m=3, odd: plain 3-term mean") << 3 << std::vector<double>{3.0, -1.0, -2.0} << 2;
    QTest::newRow("m=12, two cycles") << 12
                                      << std::vector<double>{5, -3, 2, 0, -1, 4, -6, 1, 1, -2, 3, -4}
                                      << 2;
}

// A straight line plus a zero-sum pattern: the centred moving average is the line itself, so
// the figure is the pattern, position 0 being the first observation.
void TestClassicalDecomposition::additiveRecoversAnExactPattern()
{
    QFETCH(int, m);
    QFETCH(std::vector<double>, pattern);
    QFETCH(int, cycles);
    std::vector<double> y;
    for (int t = 0; t < m * cycles; ++t)
        y.push_back(100.0 + 0.5 * t + pattern[std::size_t(t % m)]);
    const auto d = ClassicalDecomposition::of(y, m, Kind::Additive);
    QCOMPARE(int(d.figure.size()), m);
    for (int i = 0; i < m; ++i)
        VANTAGE_COMPARE_ABS(d.figure[std::size_t(i)], pattern[std::size_t(i)], 1e-12, QStringLiteral("position %1").arg(i));
    VANTAGE_COMPARE_ABS(d.seasonalAt(std::size_t(m * 7 + 1)), pattern[1], 1e-12, QStringLiteral("wraps around"));
}

// y = 1, 3, 2, 6, 3, 9 with m = 2: trend (¼, ½, ¼) at t = 1..4 is 2.25, 3.25, 4.25, 5.25; the
// ratios are 3/2.25 and 6/4.25 at position 1, 2/3.25 and 3/5.25 at position 0; their means are
// divided by the mean of the two.
void TestClassicalDecomposition::multiplicativeByHand()
{
    const std::vector<double> y{1, 3, 2, 6, 3, 9};
    const double position0 = (2.0 / 3.25 + 3.0 / 5.25) / 2.0;
    const double position1 = (3.0 / 2.25 + 6.0 / 4.25) / 2.0;
    const double mean = (position0 + position1) / 2.0;
    const auto d = ClassicalDecomposition::of(y, 2, Kind::Multiplicative);
    QCOMPARE(d.figure.size(), std::size_t(2));
    VANTAGE_COMPARE_NEAR(d.figure[0], position0 / mean, 1e-14, 0.0, QStringLiteral("position 0"));
    VANTAGE_COMPARE_NEAR(d.figure[1], position1 / mean, 1e-14, 0.0, QStringLiteral("position 1"));
    // additive of the same data: differences y − trend, centred to sum zero
    const double a0 = ((2.0 - 3.25) + (3.0 - 5.25)) / 2.0;
    const double a1 = ((3.0 - 2.25) + (6.0 - 4.25)) / 2.0;
    const auto additive = ClassicalDecomposition::of(y, 2, Kind::Additive);
    VANTAGE_COMPARE_ABS(additive.figure[0], a0 - (a0 + a1) / 2.0, 1e-14, QStringLiteral("additive 0"));
    VANTAGE_COMPARE_ABS(additive.figure[1], a1 - (a0 + a1) / 2.0, 1e-14, QStringLiteral("additive 1"));
}

void TestClassicalDecomposition::tooShortOrNoCycle()
{
    const std::vector<double> y{1, 2, 3, 4, 5, 6, 7};
    QVERIFY(ClassicalDecomposition::of(y, 4, Kind::Additive).figure.empty());  // 7 < 2·4
    QVERIFY(!ClassicalDecomposition::of(std::span(y).first(6), 3, Kind::Additive).figure.empty());
    QVERIFY(ClassicalDecomposition::of(y, 1, Kind::Multiplicative).figure.empty());
    QVERIFY(ClassicalDecomposition::of(y, 0, Kind::Multiplicative).figure.empty());
}

QTEST_GUILESS_MAIN(TestClassicalDecomposition)
#include "tst_classicaldecomposition.moc"
