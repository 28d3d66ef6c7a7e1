// Forecaster: method names, input errors with translated messages, Auto's choice, and the shape
// of every method's result.
#include "forecastgolden.h"

#include "analytics/forecaster.h"

#include <QCoreApplication>
#include <QTest>
#include <QTranslator>

Q_DECLARE_METATYPE(vantage::core::ForecastMethod)

using namespace vantage::core;

namespace {

// Marks every string of the Forecaster's translation context, to show the messages go
// through tr() in that context.
class MarkingTranslator : public QTranslator
{
public:
    QString translate(const char *context, const char *sourceText, const char *, int) const override
    {
        if (qstrcmp(context, "vantage::core::Forecaster") != 0)
            return {};
        return QStringLiteral("«") + QString::fromUtf8(sourceText) + QStringLiteral("»");
    }
    bool isEmpty() const override { return false; }
};

const std::vector<ForecastMethod> &allMethods()
{
    static const std::vector<ForecastMethod> methods{ForecastMethod::Auto, ForecastMethod::Ets,
                                                     ForecastMethod::Theta, ForecastMethod::SeasonalNaive,
                                                     ForecastMethod::Croston, ForecastMethod::Combination};
    return methods;
}

} // namespace

class TestForecaster : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void methodNamesRoundTrip();
    void badInput_data();
    void badInput();
    void messagesAreTranslated();
    void autoChoosesCrostonForIntermittentData();
    void autoChoosesTheCombinationOtherwise();
    void everyMethodGivesAnOrderedBand_data();
    void everyMethodGivesAnOrderedBand();
    void explodingModelIsPassedOver();
    void methodNamesAreTranslatedForDisplay();
};

void TestForecaster::methodNamesRoundTrip()
{
    const QStringList names = Forecaster::methodNames();
    QCOMPARE(names, (QStringList{QStringLiteral("auto"), QStringLiteral("ets"), QStringLiteral("theta"),
                                 QStringLiteral("snaive"), QStringLiteral("croston"), QStringLiteral("comb")}));
    QStringList titles;
    for (const ForecastMethod method : allMethods()) {
        QCOMPARE(Forecaster::methodFromName(Forecaster::methodName(method)), std::optional(method));
        QVERIFY(!Forecaster::methodTitle(method).isEmpty());
        titles << Forecaster::methodTitle(method);
    }
    QCOMPARE(titles.removeDuplicates(), qsizetype(0));
    QCOMPARE(Forecaster::methodFromName(QStringLiteral("ETS")), std::optional(ForecastMethod::Ets));
    QCOMPARE(Forecaster::methodFromName(QStringLiteral("arima")), std::nullopt);
    QCOMPARE(Forecaster::methodFromName(QString()), std::nullopt);
}

void TestForecaster::badInput_data()
{
    QTest::addColumn<std::vector<double>>("history");
    QTest::addColumn<int>("period");
    QTest::addColumn<int>("horizon");
    QTest::addColumn<QString>("message");
    const std::vector<double> ok{5, 6, 7, 8, 9, 10, 11, 12};
    QTest::newRow("too short") << std::vector<double>{1, 2, 3} << 1 << 4
                               << QStringLiteral("The series has 3 values; forecasting needs at least 4.");
    QTest::newRow("empty") << std::vector<double>{} << 1 << 4
                           << QStringLiteral("The series has 0 values; forecasting needs at least 4.");
    QTest::newRow("NaN") << std::vector<double>{1, 2, std::nan(""), 4, 5} << 1 << 4
                         << QStringLiteral("Value 3 of the series is missing or not a number.");
    QTest::newRow("infinite") << std::vector<double>{1, 2, 3, 4, HUGE_VAL} << 1 << 4
                              << QStringLiteral("Value 5 of the series is missing or not a number.");
    QTest::newRow("period 0") << ok << 0 << 4
                              << QStringLiteral("The period and the horizon must be at least 1 (period 0, horizon 4).");
    QTest::newRow("horizon 0") << ok << 4 << 0
                               << QStringLiteral("The period and the horizon must be at least 1 (period 4, horizon 0).");
}

void TestForecaster::badInput()
{
    QFETCH(std::vector<double>, history);
    QFETCH(int, period);
    QFETCH(int, horizon);
    QFETCH(QString, message);
    for (const ForecastMethod method : allMethods()) {
        const auto result = Forecaster::forecast(history, period, horizon, method);
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::InvalidInput);
        QCOMPARE(result.error().message, message);
    }
}

void TestForecaster::messagesAreTranslated()
{
    MarkingTranslator translator;
    QVERIFY(QCoreApplication::installTranslator(&translator));
    const auto shortSeries = Forecaster::forecast(std::vector<double>{1, 2}, 1, 3, ForecastMethod::Auto);
    const auto refused = Forecaster::forecast(std::vector<double>{0, 0, 0, 0, 0}, 12, 3, ForecastMethod::Croston);
    const QString title = Forecaster::methodTitle(ForecastMethod::Theta);
    QCoreApplication::removeTranslator(&translator);
    QVERIFY(!shortSeries);
    QCOMPARE(shortSeries.error().message, QStringLiteral("«The series has 2 values; forecasting needs at least 4.»"));
    // a method that cannot forecast the series says which and why
    QVERIFY(!refused);
    QCOMPARE(refused.error().message, QStringLiteral("««Croston (SBA)» cannot forecast this series (5 values, period 12).»"));
    QCOMPARE(title, QStringLiteral("«Theta»"));
}

void TestForecaster::autoChoosesCrostonForIntermittentData()
{
    const std::vector<double> y = vantage::test::goldenSeries(QStringLiteral("INTERMITTENT1")).values;
    const auto result = Forecaster::forecast(y, 12, 12, ForecastMethod::Auto);
    QVERIFY(result);
    QCOMPARE(result.value().method, QStringLiteral("Croston (SBA)"));
    // R's croston(y, h = 12, alpha = 0.1) × (1 − 0.1/2)
    const vantage::test::GoldenTable croston = vantage::test::GoldenTable::read(QStringLiteral("croston.csv"));
    VANTAGE_COMPARE_NEAR(result.value().mean.front(), croston.number(0, "sba"), 1e-13, 0.0, QStringLiteral("SBA"));
}

void TestForecaster::autoChoosesTheCombinationOtherwise()
{
    const vantage::test::GoldenSeries series = vantage::test::goldenSeries(QStringLiteral("N1085"));
    const auto result = Forecaster::forecast(series.values, series.period, 8, ForecastMethod::Auto);
    QVERIFY(result);
    const QString method = result.value().method;
    QVERIFY2(method.startsWith(QStringLiteral("Combination (ETS(")) && method.contains(QStringLiteral("Theta")),
             qPrintable(method));
    // the third member is a damped-trend ETS model
    QVERIFY2(method.contains(QStringLiteral("d,")), qPrintable(method));
    QCOMPARE(method.count(QStringLiteral("ETS(")), 2);
}

void TestForecaster::everyMethodGivesAnOrderedBand_data()
{
    QTest::addColumn<QString>("series");
    QTest::addColumn<ForecastMethod>("method");
    for (const char *id : {"N2151", "N0647", "N1183", "INTERMITTENT1"})
        for (const ForecastMethod method : allMethods())
            QTest::newRow(qPrintable(QStringLiteral("%1/%2").arg(QLatin1String(id), Forecaster::methodName(method))))
                << QString::fromLatin1(id) << method;
}

// H values each, lo95 ≤ lo80 ≤ mean ≤ hi80 ≤ hi95, one fitted value per observation.
void TestForecaster::everyMethodGivesAnOrderedBand()
{
    QFETCH(QString, series);
    QFETCH(ForecastMethod, method);
    const vantage::test::GoldenSeries golden = vantage::test::goldenSeries(series);
    const int horizon = 2 * golden.period + 1;
    const auto result = Forecaster::forecast(golden.values, golden.period, horizon, method);
    QVERIFY2(result, result ? "" : qPrintable(result.error().message));
    const ForecastResult &f = result.value();
    QVERIFY(!f.method.isEmpty());
    QCOMPARE(int(f.mean.size()), horizon);
    QCOMPARE(int(f.band80.lower.size()), horizon);
    QCOMPARE(int(f.band80.upper.size()), horizon);
    QCOMPARE(int(f.band95.lower.size()), horizon);
    QCOMPARE(int(f.band95.upper.size()), horizon);
    QCOMPARE(f.fitted.size(), golden.values.size());
    for (int h = 0; h < horizon; ++h) {
        const auto i = std::size_t(h);
        QVERIFY2(std::isfinite(f.mean[i]) && f.band95.lower[i] <= f.band80.lower[i] && f.band80.lower[i] <= f.mean[i]
                     && f.mean[i] <= f.band80.upper[i] && f.band80.upper[i] <= f.band95.upper[i],
                 qPrintable(QStringLiteral("h=%1: %2 %3 %4 %5 %6")
                                .arg(h + 1)
                                .arg(f.band95.lower[i])
                                .arg(f.band80.lower[i])
                                .arg(f.mean[i])
                                .arg(f.band80.upper[i])
                                .arg(f.band95.upper[i])));
    }
}

// Found by fuzz_forecaster: on this series the ETS model with the smallest AICc is ETS(M,N,M)
// with a relative error sd above 100%, whose simulated paths overflow. The next best model is
// used instead; no infinity reaches a band.
void TestForecaster::explodingModelIsPassedOver()
{
    const std::vector<double> y{43.63, 10.29, 2.66, 3.00, 3.40, 3.20, 3.30, 3.40, 3.80, 3.60,
                                3.70, 316.12, 4.20, 4.00, 4.10, 4.20, 115.19, 117.76, 0.14, 0.13};
    for (const ForecastMethod method : {ForecastMethod::Ets, ForecastMethod::Combination, ForecastMethod::Auto}) {
        const auto result = Forecaster::forecast(y, 4, 8, method);
        QVERIFY2(result.ok(), qPrintable(result ? QString() : result.error().message));
        QVERIFY(isFinite(result.value()));
        QVERIFY(!result.value().method.contains(QLatin1String("ETS(M,N,M)")));
    }
}

void TestForecaster::methodNamesAreTranslatedForDisplay()
{
    QCOMPARE(Forecaster::translatedMethod(QStringLiteral("Combination (ETS(M,A,M), Theta, ETS(A,Ad,A))")),
             QStringLiteral("Combination (ETS(M,A,M), Theta, ETS(A,Ad,A))"));  // no translator installed
    QCOMPARE(Forecaster::translatedMethod(QStringLiteral("Seasonal naive")), QStringLiteral("Seasonal naive"));
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(":/vantage/i18n/vantage_zh_CN.qm")));
    QCoreApplication::installTranslator(&translator);
    QCOMPARE(Forecaster::translatedMethod(QStringLiteral("Combination (ETS(M,A,M), Theta, ETS(A,Ad,A))")),
             QStringLiteral("组合预测（ETS(M,A,M), Theta 法, ETS(A,Ad,A)）"));
    QCOMPARE(Forecaster::translatedMethod(QStringLiteral("Seasonal naive")), QStringLiteral("季节性朴素法"));
    QCOMPARE(Forecaster::translatedMethod(QStringLiteral("Naive")), QStringLiteral("朴素法"));
    QCoreApplication::removeTranslator(&translator);
}

QTEST_GUILESS_MAIN(TestForecaster)
#include "tst_forecaster.moc"
