// seasonalNaiveForecast, crostonForecast and looksIntermittent against R's forecast 8.20
// (snaive.csv, croston.csv) and cases worked out by hand.
#include "forecastgolden.h"

#include "analytics/seasonalnaive.h"

#include <QTest>

using namespace vantage::core;
using vantage::test::GoldenTable;

class TestSeasonalNaive : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void seasonalNaiveAsR_data();
    void seasonalNaiveAsR();
    void naiveByHand();
    void seasonalNaiveNeedsACycleAndOne();
    void crostonAsR();
    void crostonByHand();
    void crostonRefuses();
    void looksIntermittent_data();
    void looksIntermittent();
};

void TestSeasonalNaive::seasonalNaiveAsR_data()
{
    QTest::addColumn<QString>("series");
    const GoldenTable table = GoldenTable::read(QStringLiteral("snaive.csv"));
    QStringList ids;
    for (int r = 0; r < table.size(); ++r)
        if (!ids.contains(table.text(r, "series_id")))
            ids << table.text(r, "series_id");
    QVERIFY(ids.size() >= 6);
    for (const QString &id : ids)
        QTest::newRow(qPrintable(id)) << id;
}

// snaive(y, h): the mean is a past value, so exact; σ² = mean squared seasonal difference and
// se_h = σ·√⌈h/m⌉, equal to rounding.
void TestSeasonalNaive::seasonalNaiveAsR()
{
    QFETCH(QString, series);
    const GoldenTable table = GoldenTable::read(QStringLiteral("snaive.csv"));
    const std::vector<int> rows = table.rowsWhere("series_id", series);
    const vantage::test::GoldenSeries golden = vantage::test::goldenSeries(series);
    const int horizon = int(rows.size());
    const auto ours = seasonalNaiveForecast(golden.values, golden.period, horizon);
    QVERIFY(ours);
    QCOMPARE(ours->method, QStringLiteral("Seasonal naive"));
    QCOMPARE(int(ours->mean.size()), horizon);
    QCOMPARE(ours->fitted.size(), golden.values.size());
    QVERIFY(std::isnan(ours->fitted[std::size_t(golden.period - 1)]));
    QCOMPARE(ours->fitted[std::size_t(golden.period)], golden.values[0]);
    for (int i = 0; i < horizon; ++i) {
        const int r = rows[std::size_t(i)];
        const QString at = QStringLiteral(" h=%1").arg(i + 1);
        QCOMPARE(ours->mean[i], table.number(r, "mean"));
        const double halfWidth = table.number(r, "hi95") - table.number(r, "mean");
        VANTAGE_COMPARE_NEAR(ours->band80.lower[i], table.number(r, "lo80"), 1e-12, halfWidth, QStringLiteral("lo80") + at);
        VANTAGE_COMPARE_NEAR(ours->band80.upper[i], table.number(r, "hi80"), 1e-12, halfWidth, QStringLiteral("hi80") + at);
        VANTAGE_COMPARE_NEAR(ours->band95.lower[i], table.number(r, "lo95"), 1e-12, halfWidth, QStringLiteral("lo95") + at);
        VANTAGE_COMPARE_NEAR(ours->band95.upper[i], table.number(r, "hi95"), 1e-12, halfWidth, QStringLiteral("hi95") + at);
    }
}

// m = 1: the last value; σ² = mean of the squared differences (1, 4, 1, 4 → 2.5), se_h = σ√h.
void TestSeasonalNaive::naiveByHand()
{
    const std::vector<double> y{10, 11, 13, 12, 14};
    const auto ours = seasonalNaiveForecast(y, 1, 3);
    QVERIFY(ours);
    QCOMPARE(ours->method, QStringLiteral("Naive"));
    QCOMPARE(ours->mean, (std::vector<double>{14, 14, 14}));
    for (int h = 1; h <= 3; ++h) {
        const double sd = std::sqrt(2.5 * h);
        VANTAGE_COMPARE_NEAR(ours->band95.upper[std::size_t(h - 1)], 14 + kZ95 * sd, 1e-14, 0.0, QStringLiteral("hi95"));
        VANTAGE_COMPARE_NEAR(ours->band80.lower[std::size_t(h - 1)], 14 - kZ80 * sd, 1e-14, 0.0, QStringLiteral("lo80"));
    }
    // m ≤ 0 is treated as 1
    QCOMPARE(seasonalNaiveForecast(y, 0, 3)->mean, ours->mean);
}

void TestSeasonalNaive::seasonalNaiveNeedsACycleAndOne()
{
    const std::vector<double> y{1, 2, 3, 4};
    QVERIFY(!seasonalNaiveForecast(y, 4, 2));
    QVERIFY(seasonalNaiveForecast(y, 3, 2));
    QVERIFY(!seasonalNaiveForecast(std::span(y).first(1), 1, 2));
}

// croston(y, h = 12, alpha = 0.1)$mean and × (1 − α/2) for SBA.
void TestSeasonalNaive::crostonAsR()
{
    const GoldenTable table = GoldenTable::read(QStringLiteral("croston.csv"));
    const std::vector<double> y = vantage::test::goldenSeries(QStringLiteral("INTERMITTENT1")).values;
    QCOMPARE(table.size(), 12);
    QCOMPARE(table.number(0, "alpha"), 0.1);
    const auto croston = crostonForecast(y, 12, false);
    const auto sba = crostonForecast(y, 12, true);
    QVERIFY(croston && sba);
    QCOMPARE(croston->method, QStringLiteral("Croston"));
    QCOMPARE(sba->method, QStringLiteral("Croston (SBA)"));
    QCOMPARE(int(sba->mean.size()), 12);
    for (int r = 0; r < table.size(); ++r) {
        VANTAGE_COMPARE_NEAR(croston->mean[std::size_t(r)], table.number(r, "croston"), 1e-13, 0.0, QStringLiteral("Croston"));
        VANTAGE_COMPARE_NEAR(sba->mean[std::size_t(r)], table.number(r, "sba"), 1e-13, 0.0, QStringLiteral("SBA"));
    }
}

// y = 0, 2, 0, 4: sizes 2, 4 and intervals 2, 2; size 2 → 2 + 0.1·(4 − 2) = 2.2, interval
// stays 2, so Croston 1.1 and SBA 1.045. In-sample SBA fits from t = 3: 0.95 (errors −0.95 and
// 3.05); R type-7 quantiles of {−0.95, 3.05}: −0.95 + 4p.
void TestSeasonalNaive::crostonByHand()
{
    const std::vector<double> y{0, 2, 0, 4};
    const auto croston = crostonForecast(y, 2, false);
    QVERIFY(croston);
    VANTAGE_COMPARE_NEAR(croston->mean[0], 1.1, 1e-14, 0.0, QStringLiteral("Croston"));
    const auto sba = crostonForecast(y, 2, true);
    QVERIFY(sba);
    VANTAGE_COMPARE_NEAR(sba->mean[1], 1.045, 1e-14, 0.0, QStringLiteral("SBA"));
    QVERIFY(std::isnan(sba->fitted[0]) && std::isnan(sba->fitted[1]));
    VANTAGE_COMPARE_NEAR(sba->fitted[2], 0.95, 1e-14, 0.0, QStringLiteral("fitted t=3"));
    VANTAGE_COMPARE_NEAR(sba->fitted[3], 0.95, 1e-14, 0.0, QStringLiteral("fitted t=4"));
    VANTAGE_COMPARE_NEAR(sba->band80.lower[0], 1.045 - 0.95 + 4 * 0.10, 1e-12, 0.0, QStringLiteral("lo80"));
    VANTAGE_COMPARE_NEAR(sba->band80.upper[0], 1.045 - 0.95 + 4 * 0.90, 1e-12, 0.0, QStringLiteral("hi80"));
    VANTAGE_COMPARE_NEAR(sba->band95.lower[1], 1.045 - 0.95 + 4 * 0.025, 1e-12, 0.0, QStringLiteral("lo95"));
    VANTAGE_COMPARE_NEAR(sba->band95.upper[1], 1.045 - 0.95 + 4 * 0.975, 1e-12, 0.0, QStringLiteral("hi95"));
    // A lower bound below zero is cut at zero: demand cannot be negative. y = 5, 5, 0 × 6, 1:
    // SBA 0.95 · 4.6/1.6 = 2.73125, most in-sample errors −4.75.
    const std::vector<double> lumpy{5, 5, 0, 0, 0, 0, 0, 0, 1};
    const auto cut = crostonForecast(lumpy, 1, true);
    QVERIFY(cut);
    VANTAGE_COMPARE_NEAR(cut->mean[0], 0.95 * 4.6 / 1.6, 1e-14, 0.0, QStringLiteral("SBA"));
    QCOMPARE(cut->band95.lower[0], 0.0);
    QCOMPARE(cut->band80.lower[0], 0.0);
}

void TestSeasonalNaive::crostonRefuses()
{
    QVERIFY(!crostonForecast(std::vector<double>{0, 0, 3, 0}, 4));         // one non-zero value
    QVERIFY(!crostonForecast(std::vector<double>{0, 2, -1, 3, 0}, 4));     // a negative value
    QVERIFY(!crostonForecast(std::vector<double>{0, 0, 0}, 4));
}

void TestSeasonalNaive::looksIntermittent_data()
{
    QTest::addColumn<std::vector<double>>("y");
    QTest::addColumn<bool>("intermittent");
    QTest::newRow("3 of 10 zero") << std::vector<double>{0, 1, 0, 2, 0, 3, 4, 5, 6, 7} << true;
    QTest::newRow("2 of 10 zero") << std::vector<double>{0, 1, 0, 2, 1, 3, 4, 5, 6, 7} << false;
    QTest::newRow("zeros and a negative") << std::vector<double>{0, 0, 0, -1, 2} << false;
    QTest::newRow("empty") << std::vector<double>{} << false;
    QTest::newRow("all zero") << std::vector<double>{0, 0, 0} << true;
    QTest::newRow("INTERMITTENT1 (25 of 40)") << vantage::test::goldenSeries(QStringLiteral("INTERMITTENT1")).values << true;
    QTest::newRow("N1403") << vantage::test::goldenSeries(QStringLiteral("N1403")).values << false;
}

void TestSeasonalNaive::looksIntermittent()
{
    QFETCH(std::vector<double>, y);
    QFETCH(bool, intermittent);
    QCOMPARE(vantage::core::looksIntermittent(y), intermittent);
}

QTEST_GUILESS_MAIN(TestSeasonalNaive)
#include "tst_seasonalnaive.moc"
