// ThetaMethod against R's forecast::thetaf (forecast 8.20): theta.csv and theta_internals.csv.
#include "forecastgolden.h"

#include "analytics/thetamethod.h"

#include <QTest>

using namespace vantage::core;
using vantage::test::GoldenTable;

namespace {

const GoldenTable &internalsTable()
{
    static const GoldenTable table = GoldenTable::read(QStringLiteral("theta_internals.csv"));
    return table;
}
const GoldenTable &thetaTable()
{
    static const GoldenTable table = GoldenTable::read(QStringLiteral("theta.csv"));
    return table;
}

} // namespace

class TestThetaMethod : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesThetaf_data();
    void matchesThetaf();
    void seasonalityTestEdgeCases();
};

void TestThetaMethod::matchesThetaf_data()
{
    QTest::addColumn<int>("row");
    QVERIFY(internalsTable().size() >= 6);
    for (int r = 0; r < internalsTable().size(); ++r)
        QTest::newRow(qPrintable(internalsTable().text(r, "series_id"))) << r;
}

// The seasonality decision is exact and so is the drift (half the OLS slope of the adjusted
// series), hence the forecast's slope: mean_h/s_h − mean_1/s_1 = b(h − 1) whatever α is.
//
// α, the level and σ² come from simple exponential smoothing: thetaf's ses() minimises the
// in-sample MSE by Nelder–Mead, ours the ANN likelihood n·log(SSE) (the same optimum) by
// Nelder–Mead over α with ℓ0 concentrated out. Ours must fit at least as well (σ² = SSE/(n − 2) no larger than R's, up to the
// optimiser's stopping tolerance). Where both
// reach the same optimum (σ² within 0.5%), α is flat near it, so only the mean is compared
// (within 0.5%) and the interval half-width √σ²·√((h−1)α² + 1) (within 1%). R's Nelder–Mead
// stops early on N1403 (ℓ0 = 1393 with α = 1e-4 though the data average 1594; SSE 1.012e8 vs
// 0.992e8 at ℓ0 = 1594, checked in R) and N2753, so the level and the band differ there.
// With seasonality ours multiplies the half-width by the seasonal index (thetaf does not).
void TestThetaMethod::matchesThetaf()
{
    QFETCH(int, row);
    const GoldenTable &in = internalsTable();
    const QString id = in.text(row, "series_id");
    const vantage::test::GoldenSeries series = vantage::test::goldenSeries(id);
    const bool rSeasonal = in.text(row, "seasonal") == QLatin1String("TRUE");
    QVERIFY(rSeasonal || in.text(row, "seasonal") == QLatin1String("FALSE"));
    QCOMPARE(ThetaMethod::looksSeasonal(series.values, series.period), rSeasonal);

    const std::vector<int> rows = thetaTable().rowsWhere("series_id", id);
    const int horizon = int(rows.size());
    QVERIFY(horizon >= 8);
    ThetaMethod::Internals internals;
    const auto ours = ThetaMethod::forecast(series.values, series.period, horizon, &internals);
    QVERIFY(ours);
    QCOMPARE(ours->method, QStringLiteral("Theta"));
    QCOMPARE(internals.seasonal, rSeasonal);
    const double b = in.number(row, "b");
    VANTAGE_COMPARE_NEAR(internals.drift, b, 1e-9, 0.0, QStringLiteral("drift"));
    const double rAlpha = in.number(row, "alpha");
    QVERIFY2(std::fabs(internals.alpha - rAlpha) <= 0.05,
             qPrintable(QStringLiteral("alpha %1, R %2").arg(internals.alpha).arg(rAlpha)));
    QCOMPARE(int(ours->mean.size()), horizon);
    QCOMPARE(ours->fitted.size(), series.values.size());

    std::vector<double> index(std::size_t(series.period), 1.0);
    if (rSeasonal)
        index = vantage::test::semicolonNumbers(in.text(row, "seasonal_index"));
    const auto rAt = [&](int i, const char *column) { return thetaTable().number(rows[std::size_t(i)], column); };
    // σ² of our SES from the h = 1 half-width: z·√σ²·s_1.
    const double sigma2 = std::pow((ours->band95.upper[0] - ours->mean[0]) / (kZ95 * index[0]), 2);
    const double rSigma2 = in.number(row, "sigma2");
    // (our optimiser stops when −2 log L = n·log SSE moves less than 1e-3, so SSE may sit up to
    // about 1e-3/n above the optimum: n = 16 gives 6e-5)
    QVERIFY2(sigma2 <= rSigma2 * (1.0 + 1e-4), qPrintable(QStringLiteral("sigma2 %1, R %2").arg(sigma2).arg(rSigma2)));
    const bool sameOptimum = sigma2 >= rSigma2 * (1.0 - 0.005);
    if (!sameOptimum)
        qInfo("%s: our SES fits better than R's (sigma2 %.6g vs %.6g); level and band not compared", qPrintable(id),
              sigma2, rSigma2);
    for (int i = 0; i < horizon; ++i) {
        const QString at = QStringLiteral(" h=%1").arg(i + 1);
        QCOMPARE(int(rAt(i, "h")), i + 1);
        const double s = index[std::size_t(i % series.period)];
        VANTAGE_COMPARE_ABS(ours->mean[i] / s - ours->mean[0] / index[0], rAt(i, "mean") / s - rAt(0, "mean") / index[0],
                            1e-9 * std::fabs(rAt(0, "mean")), QStringLiteral("slope") + at);
        VANTAGE_COMPARE_NEAR(rAt(i, "mean") / s - rAt(0, "mean") / index[0], b * i, 1e-9, 1.0, QStringLiteral("R's slope") + at);
        if (!sameOptimum)
            continue;
        VANTAGE_COMPARE_NEAR(ours->mean[i], rAt(i, "mean"), 0.005, 0.0, QStringLiteral("mean") + at);
        VANTAGE_COMPARE_NEAR(ours->band95.upper[i] - ours->mean[i], s * (rAt(i, "hi95") - rAt(i, "mean")), 0.01, 0.0,
                             QStringLiteral("95% half-width") + at);
        VANTAGE_COMPARE_NEAR(ours->mean[i] - ours->band80.lower[i], s * (rAt(i, "mean") - rAt(i, "lo80")), 0.01, 0.0,
                             QStringLiteral("80% half-width") + at);
    }
}

void TestThetaMethod::seasonalityTestEdgeCases()
{
    // A pure period-4 pattern is seasonal; a constant series and m = 1 never are; the test
    // needs more than two cycles (thetaf: n > 2m).
    std::vector<double> pattern;
    for (int t = 0; t < 24; ++t)
        pattern.push_back(std::vector<double>{10, 20, 15, 5}[std::size_t(t % 4)]);
    QVERIFY(ThetaMethod::looksSeasonal(pattern, 4));
    QVERIFY(!ThetaMethod::looksSeasonal(pattern, 1));
    QVERIFY(!ThetaMethod::looksSeasonal(std::span(pattern).first(8), 4));
    // 12 values: r_4 = 8/12 and r_2 = −5/6 give |r_4|/se = 1.49 < 1.645
    QVERIFY(!ThetaMethod::looksSeasonal(std::span(pattern).first(12), 4));
    QVERIFY(!ThetaMethod::looksSeasonal(std::vector<double>(24, 7.0), 4));

    // On the pattern the forecast repeats it: the adjusted series is flat.
    ThetaMethod::Internals internals;
    const auto forecast = ThetaMethod::forecast(pattern, 4, 8, &internals);
    QVERIFY(forecast);
    QVERIFY(internals.seasonal);
    for (int h = 0; h < 8; ++h)
        VANTAGE_COMPARE_NEAR(forecast->mean[std::size_t(h)], pattern[std::size_t(h % 4)], 1e-6, 0.0,
                             QStringLiteral("h=%1").arg(h + 1));
}

QTEST_GUILESS_MAIN(TestThetaMethod)
#include "tst_thetamethod.moc"
