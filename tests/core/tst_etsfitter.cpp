// EtsFitter: maximum-likelihood fits and AICc choice against R's forecast 8.20 (ets with
// bounds = "both", opt.crit = "lik").
#include "etsgolden.h"

#include "analytics/etsfitter.h"
#include "analytics/etsinitialstate.h"

#include <QTest>


using namespace vantage::core;
using vantage::test::GoldenEtsModel;
using vantage::test::GoldenTable;

namespace {

const GoldenTable &fixedTable()
{
    static const GoldenTable table = GoldenTable::read(QStringLiteral("ets_fixed.csv"));
    return table;
}

// Model codes, sorted.
QStringList codes(const std::vector<EtsSpec> &specs)
{
    QStringList result;
    for (const EtsSpec &spec : specs)
        result << spec.code();
    result.sort();
    return result;
}

QStringList codeSet(const QString &spaceSeparated)
{
    QStringList result = spaceSeparated.split(u' ');
    result.sort();
    return result;
}

double sumOfSquares(const std::vector<double> &values)
{
    double sum = 0.0;
    for (const double v : values)
        sum += v * v;
    return sum;
}

// R's parameter space with bounds = "both" (R_NOTES.md §2): the usual bounds.
bool insideUsualBounds(const EtsFit &fit)
{
    const EtsParameters &p = fit.parameters;
    constexpr double slack = 1e-12;
    if (p.alpha < 1e-4 - slack || p.alpha > 0.9999 + slack)
        return false;
    if (fit.spec.hasTrend() && (p.beta < 1e-4 - slack || p.beta > p.alpha + slack))
        return false;
    if (fit.spec.hasSeason() && (p.gamma < 1e-4 - slack || p.gamma > 1.0 - p.alpha + slack))
        return false;
    if (fit.spec.damped && (p.phi < 0.8 - slack || p.phi > 0.98 + slack))
        return false;
    return true;
}

} // namespace

class TestEtsFitter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fitsAtLeastAsWellAsR_data();
    void fitsAtLeastAsWellAsR();
    void countsParametersAsR_data();
    void countsParametersAsR();
    void candidates_data();
    void candidates();
    void seasonalModelNeedsTwoCycles();
    void fitBestIsAtLeastRsChoice_data();
    void fitBestIsAtLeastRsChoice();
    void exactFitsStillGetAModel();
};

void TestEtsFitter::fitsAtLeastAsWellAsR_data()
{
    QTest::addColumn<int>("row");
    for (int r = 0; r < fixedTable().size(); ++r)
        QTest::newRow(qPrintable(fixedTable().text(r, "series_id") + u'/' + fixedTable().text(r, "model"))) << r;
}

// Our optimiser (Nelder–Mead over the smoothing parameters with the initial states concentrated
// out, on scaled data) must find an optimum at least as good as R's Nelder–Mead, up to 0.5 in
// −2 log L (a quarter of what one parameter costs in AIC); its
// parameters must lie in R's parameter space, and the reported −2 log L, fitted values and
// criteria must belong to the parameters it reports.
void TestEtsFitter::fitsAtLeastAsWellAsR()
{
    QFETCH(int, row);
    const GoldenEtsModel model = vantage::test::goldenEtsModel(fixedTable(), row);
    const auto fit = EtsFitter::fit(model.y, model.period, model.spec);
    QVERIFY(fit);
    QCOMPARE(fit->spec, model.spec);
    const double ours = fit->minusTwoLogLikelihood;
    const double r = model.minusTwoLogLikelihood();
    if (model.seriesId == QLatin1String("N1403") && model.code == QLatin1String("MAdN"))
        QEXPECT_FAIL("", "R sits on the ridge beta = alpha with phi near its bound; our search ends 0.62 above it, "
                         "in the corner alpha = beta = 1e-4, phi = 0.8 (known, docs/adr/0010)", Continue);
    QVERIFY2(ours <= r + 0.5, qPrintable(QStringLiteral("-2 log L %1, R %2").arg(ours, 0, 'f', 4).arg(r, 0, 'f', 4)));
    if (ours < r - 2.0)
        qInfo("%s %s: our -2 log L %.3f is %.3f below R's %.3f", qPrintable(model.seriesId), qPrintable(model.code),
              ours, r - ours, r);
    QVERIFY2(insideUsualBounds(*fit), qPrintable(QStringLiteral("alpha %1 beta %2 gamma %3 phi %4")
                                                     .arg(fit->parameters.alpha).arg(fit->parameters.beta)
                                                     .arg(fit->parameters.gamma).arg(fit->parameters.phi)));
    if (model.spec.hasSeason()) {
        QCOMPARE(int(fit->initial.seasons.size()), model.period);
        double sum = 0.0;
        for (const double s : fit->initial.seasons)
            sum += s;
        VANTAGE_COMPARE_ABS(sum, model.spec.multiplicativeSeason() ? model.period : 0.0,
                            1e-9 * std::max(1.0, std::fabs(fit->initial.level)), QStringLiteral("sum of seasonal states"));
    }
    const EtsFilterOutput again = etsFilter(fit->spec, fit->parameters, fit->initial, model.y);
    QVERIFY(again.valid);
    VANTAGE_COMPARE_ABS(again.minusTwoLogLikelihood(), ours, 1e-9 * std::fabs(ours), QStringLiteral("reported -2 log L"));
    QCOMPARE(fit->fitted.size(), model.y.size());
    QCOMPARE(fit->residuals.size(), model.y.size());
    // AICc of the same likelihood as R would compute it: lik + 2k + 2k(k+1)/(n−k−1), R's k.
    const double k = model.parameterCountWithSigma();
    const double n = double(model.y.size());
    VANTAGE_COMPARE_NEAR(fit->aicc, ours + 2.0 * k + 2.0 * k * (k + 1.0) / (n - k - 1.0), 1e-12, 1.0, QStringLiteral("AICc"));
}

void TestEtsFitter::countsParametersAsR_data()
{
    fitsAtLeastAsWellAsR_data();
}

// AIC, BIC and AICc add to −2 log L what R adds (R's penalties read from R's numbers), and σ²
// is R's Σe²/(n − length(par)): from R's parameters our residuals give R's σ² exactly.
void TestEtsFitter::countsParametersAsR()
{
    QFETCH(int, row);
    const GoldenEtsModel model = vantage::test::goldenEtsModel(fixedTable(), row);
    const int k = model.parameterCountWithSigma();
    // Check that R's k is what R_NOTES.md says: smoothing parameters + l, b, m−1 seasons + σ.
    const int expectedK = 2 + (model.spec.hasTrend() ? 2 : 0) + (model.spec.damped ? 1 : 0)
                          + (model.spec.hasSeason() ? model.period : 0) + 1;
    QCOMPARE(k, expectedK);
    QCOMPARE(EtsFitter::freeParameterCount(model.spec, model.period), k - 1);
    // freeParameterCount ignores the period of a non-seasonal model
    if (!model.spec.hasSeason())
        QCOMPARE(EtsFitter::freeParameterCount(model.spec, 12), EtsFitter::freeParameterCount(model.spec, 4));

    const auto fit = EtsFitter::fit(model.y, model.period, model.spec);
    QVERIFY(fit);
    QCOMPARE(fit->parameterCount, k - 1);
    const double rLik = model.minusTwoLogLikelihood();
    VANTAGE_COMPARE_ABS(fit->aic - fit->minusTwoLogLikelihood, model.aic - rLik, 1e-8, QStringLiteral("AIC penalty"));
    VANTAGE_COMPARE_ABS(fit->bic - fit->minusTwoLogLikelihood, model.bic - rLik, 1e-8, QStringLiteral("BIC penalty"));
    VANTAGE_COMPARE_ABS(fit->aicc - fit->aic, model.aicc - model.aic, 1e-8, QStringLiteral("AICc correction"));
    const double n = double(model.y.size());
    VANTAGE_COMPARE_NEAR(fit->sigma2, sumOfSquares(fit->residuals) / (n - (k - 1)), 1e-12, 0.0, QStringLiteral("sigma2"));

    const EtsFilterOutput atR = etsFilter(model.spec, model.parameters, model.initial, model.y);
    VANTAGE_COMPARE_NEAR(sumOfSquares(atR.errors) / (n - (k - 1)), model.sigma2, 1e-8, 0.0, QStringLiteral("R's sigma2"));
}

void TestEtsFitter::candidates_data()
{
    QTest::addColumn<std::vector<double>>("y");
    QTest::addColumn<int>("m");
    QTest::addColumn<QString>("expected");
    const std::vector<double> monthly = vantage::test::goldenSeries(QStringLiteral("N2151")).values;  // 115 values
    std::vector<double> withZero = monthly;
    withZero[5] = 0.0;
    std::vector<double> withNegative = monthly;
    withNegative[7] = -1.0;
    const char *all15 = "ANN AAN AAdN ANA AAA AAdA MNN MAN MAdN MNA MAA MAdA MNM MAM MAdM";
    QTest::newRow("positive, seasonal") << monthly << 12 << QString::fromLatin1(all15);
    QTest::newRow("a zero: additive only") << withZero << 12 << QStringLiteral("ANN AAN AAdN ANA AAA AAdA");
    QTest::newRow("a negative value: additive only") << withNegative << 12 << QStringLiteral("ANN AAN AAdN ANA AAA AAdA");
    QTest::newRow("m = 1: no season") << monthly << 1 << QStringLiteral("ANN AAN AAdN MNN MAN MAdN");
    QTest::newRow("one cycle and a bit: no season") << std::vector<double>(monthly.begin(), monthly.begin() + 23) << 12
                                                     << QStringLiteral("ANN AAN AAdN MNN MAN MAdN");
    // 16 quarters (N1183): two full cycles and more, every model has n > k + 4.
    QTest::newRow("16 quarters") << vantage::test::goldenSeries(QStringLiteral("N1183")).values << 4
                                 << QString::fromLatin1(all15);
    // Every monthly seasonal model fits 24 values (AAdA: 17 free parameters, 24 > 21); 11
    // quarters take ANA, MNA, MNM (6 free, 11 > 10) but no seasonal model with a trend (8, 9).
    QTest::newRow("24 months") << std::vector<double>(monthly.begin(), monthly.begin() + 24) << 12
                               << QString::fromLatin1(all15);
    const std::vector<double> quarterly = vantage::test::goldenSeries(QStringLiteral("N1085")).values;
    QTest::newRow("11 quarters") << std::vector<double>(quarterly.begin(), quarterly.begin() + 11) << 4
                                 << QStringLiteral("ANN AAN AAdN ANA MNN MAN MAdN MNA MNM");
    // 8 values: ANN/MNN (2 free) fit, the trend models (4, 5) do not.
    QTest::newRow("8 values") << std::vector<double>(monthly.begin(), monthly.begin() + 8) << 1
                              << QStringLiteral("ANN MNN");
}

// The candidate set: R's 15 models for positive seasonal data (multiplicative error and season
// only for positive data, additive error never with multiplicative season), the non-seasonal
// ones for m = 1 or fewer than two cycles, and none with n ≤ free parameters + 4.
void TestEtsFitter::candidates()
{
    QFETCH(std::vector<double>, y);
    QFETCH(int, m);
    QFETCH(QString, expected);
    const std::vector<EtsSpec> specs = EtsFitter::candidates(y, m);
    QCOMPARE(codes(specs), codeSet(expected));
    QCOMPARE(codes(specs).removeDuplicates(), qsizetype(0));
}

void TestEtsFitter::seasonalModelNeedsTwoCycles()
{
    const std::vector<double> y = vantage::test::goldenSeries(QStringLiteral("N1085")).values;
    const EtsSpec ana = *EtsSpec::fromCode(QStringLiteral("ANA"));
    QVERIFY(!EtsFitter::fit(std::span(y).first(7), 4, ana));
    QVERIFY(!EtsFitter::fit(y, 1, ana));
    QVERIFY(EtsFitter::fit(std::span(y).first(12), 4, ana));
}

void TestEtsFitter::fitBestIsAtLeastRsChoice_data()
{
    QTest::addColumn<QString>("series");
    QTest::addColumn<QString>("rModel");
    QTest::addColumn<double>("rAicc");
    const GoldenTable table = GoldenTable::read(QStringLiteral("ets_auto.csv"));
    QCOMPARE(table.size(), 6);
    for (int r = 0; r < table.size(); ++r)
        QTest::newRow(qPrintable(table.text(r, "series_id")))
            << table.text(r, "series_id") << table.text(r, "model") << table.number(r, "aicc");
}

// ets(y) chose a model by AICc; fitBest must choose one at least as good as our fit of R's
// choice (and so within our optimiser's slack of R's AICc). fitBest searches each model once
// (from its best start, or from its twin's optimum) and fit() from two starts, so the same
// model may end apart by the optimiser's stopping tolerance (1e-3 in −2 log L).
void TestEtsFitter::fitBestIsAtLeastRsChoice()
{
    QFETCH(QString, series);
    QFETCH(QString, rModel);
    QFETCH(double, rAicc);
    const vantage::test::GoldenSeries golden = vantage::test::goldenSeries(series);
    const auto rSpec = EtsSpec::fromCode(rModel);
    QVERIFY(rSpec);
    const auto oursOfRs = EtsFitter::fit(golden.values, golden.period, *rSpec);
    QVERIFY(oursOfRs);
    const auto best = EtsFitter::fitBest(golden.values, golden.period);
    QVERIFY(best);
    QVERIFY2(best->aicc <= oursOfRs->aicc + 1e-3,
             qPrintable(QStringLiteral("chose %1 (AICc %2), R's %3 fits to %4")
                            .arg(best->spec.code()).arg(best->aicc, 0, 'f', 4).arg(rModel).arg(oursOfRs->aicc, 0, 'f', 4)));
    QVERIFY2(best->aicc <= rAicc + 0.5, qPrintable(QStringLiteral("AICc %1, R %2").arg(best->aicc).arg(rAicc)));
    QVERIFY(codes(EtsFitter::candidates(golden.values, golden.period)).contains(best->spec.code()));
    if (best->spec != *rSpec)
        qInfo("%s: we chose %s (AICc %.3f), R chose %s (AICc %.3f)", qPrintable(series), qPrintable(best->spec.code()),
              best->aicc, qPrintable(rModel), rAicc);
}

// A constant series is fitted exactly (sum of squares 0, −2 log L floored instead of −∞):
// every candidate still fits, with a finite AICc, and the forecast is the constant. The
// concentrated search once lost all of them, its start being the exact fit.
void TestEtsFitter::exactFitsStillGetAModel()
{
    const std::vector<double> y(40, 5.0);
    const std::vector<EtsFit> fits = EtsFitter::fitAll(y, 12, EtsFitter::candidates(y, 12));
    QCOMPARE(fits.size(), EtsFitter::candidates(y, 12).size());
    for (const EtsFit &fit : fits)
        QVERIFY2(std::isfinite(fit.aicc), qPrintable(fit.spec.code()));
    const auto best = EtsFitter::fitBest(y, 12);
    QVERIFY(best);
    for (const double value : etsForecast(*best, 6).mean)
        QCOMPARE_LE(std::fabs(value - 5.0), 1e-9);
}

QTEST_GUILESS_MAIN(TestEtsFitter)
#include "tst_etsfitter.moc"
