#include "domain/money.h"

#include <QTest>

#include <limits>
#include <numeric>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(vantage::core::Rounding)
Q_DECLARE_METATYPE(vantage::core::ErrorCode)

namespace vantage::core {
namespace {

constexpr qint64 kMax = std::numeric_limits<qint64>::max();
constexpr qint64 kMin = std::numeric_limits<qint64>::min();

template<typename T>
QByteArray failure(const Result<T> &result)
{
    return result.ok() ? QByteArray() : result.error().detail.toUtf8();
}

Currency currency(const QString &code)
{
    const auto found = Currency::fromCode(code);
    if (!found)
        qFatal("unknown currency in test data: %s", qPrintable(code));
    return *found;
}

Decimal decimal(const QString &text)
{
    const auto parsed = Decimal::parse(text);
    if (!parsed)
        qFatal("test data is not a decimal: %s", qPrintable(text));
    return parsed.value();
}

QLocale english()
{
    return QLocale(QLocale::English, QLocale::UnitedStates);
}

QLocale chinese()
{
    return QLocale(QLocale::Chinese, QLocale::SimplifiedChineseScript, QLocale::China);
}

QList<qint64> minorUnits(const std::vector<Money> &parts)
{
    QList<qint64> units;
    for (const Money &part : parts)
        units << part.minorUnits();
    return units;
}

} // namespace

// Readable QCOMPARE failures ("12.50 USD"); found by argument-dependent lookup.
char *toString(const Money &money)
{
    return QTest::toString(money.toPlainString() + u' ' + money.currency().code());
}

class TestMoney : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void parseRejects_data();
    void parseRejects();
    void arithmetic_data();
    void arithmetic();
    void currencyMismatch_data();
    void currencyMismatch();
    void equalityNeedsSameCurrency();
    void timesDecimal_data();
    void timesDecimal();
    void timesDecimalOverflow();
    void allocate_data();
    void allocate();
    void allocateRejects_data();
    void allocateRejects();
    void toPlainString_data();
    void toPlainString();
    void format_data();
    void format();
    void formatCompact_data();
    void formatCompact();
    void formatCompactPromotesRoundedUnit_data();
    void formatCompactPromotesRoundedUnit();
    void formatCompactHugeZeroDigitAmount_data();
    void formatCompactHugeZeroDigitAmount();
};

void TestMoney::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("code");
    QTest::addColumn<Rounding>("rounding");
    QTest::addColumn<qint64>("expected");

    const auto up = Rounding::HalfUp;
    const auto even = Rounding::HalfEven;
    QTest::newRow("USD plain") << u"261.96"_s << u"USD"_s << up << qint64(26196);
    QTest::newRow("USD integer") << u"12"_s << u"USD"_s << up << qint64(1200);
    QTest::newRow("USD spaces") << u" 7.1 "_s << u"USD"_s << up << qint64(710);
    QTest::newRow("USD 3 digits") << u"-22.368"_s << u"USD"_s << up << qint64(-2237);
    QTest::newRow("USD 2.345 half-up") << u"2.345"_s << u"USD"_s << up << qint64(235);
    QTest::newRow("USD 2.345 half-even") << u"2.345"_s << u"USD"_s << even << qint64(234);
    QTest::newRow("USD 2.355 half-even") << u"2.355"_s << u"USD"_s << even << qint64(236);
    QTest::newRow("USD -2.345 half-up") << u"-2.345"_s << u"USD"_s << up << qint64(-235);
    QTest::newRow("USD -2.345 half-even") << u"-2.345"_s << u"USD"_s << even << qint64(-234);
    QTest::newRow("USD -2.355 half-even") << u"-2.355"_s << u"USD"_s << even << qint64(-236);
    QTest::newRow("USD 0.005 half-up") << u"0.005"_s << u"USD"_s << up << qint64(1);
    QTest::newRow("USD 0.005 half-even") << u"0.005"_s << u"USD"_s << even << qint64(0);
    QTest::newRow("USD -0.005 half-up") << u"-0.005"_s << u"USD"_s << up << qint64(-1);
    QTest::newRow("USD -0.005 half-even") << u"-0.005"_s << u"USD"_s << even << qint64(0);
    QTest::newRow("USD 2.3449 not double-rounded") << u"2.3449"_s << u"USD"_s << up << qint64(234);
    QTest::newRow("USD int64 max") << u"92233720368547758.07"_s << u"USD"_s << up << kMax;
    // The largest 64-bit mantissa, rounded from 4 to 2 fraction digits.
    QTest::newRow("USD widest mantissa") << u"922337203685477.5807"_s << u"USD"_s << up << qint64(92233720368547758);
    QTest::newRow("CNY 0.125 half-up") << u"0.125"_s << u"CNY"_s << up << qint64(13);
    QTest::newRow("CNY 0.125 half-even") << u"0.125"_s << u"CNY"_s << even << qint64(12);
    QTest::newRow("CNY 0.135 half-even") << u"0.135"_s << u"CNY"_s << even << qint64(14);
    QTest::newRow("JPY integer") << u"1234"_s << u"JPY"_s << up << qint64(1234);
    QTest::newRow("JPY 2.5 half-up") << u"2.5"_s << u"JPY"_s << up << qint64(3);
    QTest::newRow("JPY 2.5 half-even") << u"2.5"_s << u"JPY"_s << even << qint64(2);
    QTest::newRow("JPY 3.5 half-even") << u"3.5"_s << u"JPY"_s << even << qint64(4);
    QTest::newRow("JPY -2.5 half-up") << u"-2.5"_s << u"JPY"_s << up << qint64(-3);
    QTest::newRow("JPY -2.5 half-even") << u"-2.5"_s << u"JPY"_s << even << qint64(-2);
    QTest::newRow("JPY 0.49") << u"0.49"_s << u"JPY"_s << up << qint64(0);
    QTest::newRow("JPY 1234.50") << u"1234.50"_s << u"JPY"_s << up << qint64(1235);
}

void TestMoney::parse()
{
    QFETCH(QString, text);
    QFETCH(QString, code);
    QFETCH(Rounding, rounding);
    QFETCH(qint64, expected);

    const auto money = Money::parse(text, currency(code), rounding);
    QVERIFY2(money.ok(), failure(money).constData());
    QCOMPARE(money.value().minorUnits(), expected);
    QCOMPARE(money.value().currency().code(), code);
}

void TestMoney::parseRejects_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("code");
    QTest::addColumn<ErrorCode>("error");

    QTest::newRow("empty") << QString() << u"USD"_s << ErrorCode::InvalidInput;
    QTest::newRow("letters") << u"abc"_s << u"USD"_s << ErrorCode::InvalidInput;
    QTest::newRow("exponent") << u"1e5"_s << u"USD"_s << ErrorCode::InvalidInput;
    QTest::newRow("grouped") << u"1,234.56"_s << u"USD"_s << ErrorCode::InvalidInput;
    QTest::newRow("with symbol") << u"$12"_s << u"USD"_s << ErrorCode::InvalidInput;
    QTest::newRow("one cent above max") << u"92233720368547758.08"_s << u"USD"_s << ErrorCode::Overflow;
    QTest::newRow("scales above max") << u"92233720368547758.1"_s << u"USD"_s << ErrorCode::Overflow;
    QTest::newRow("JPY above max") << u"9223372036854775808"_s << u"JPY"_s << ErrorCode::Overflow;
}

void TestMoney::parseRejects()
{
    QFETCH(QString, text);
    QFETCH(QString, code);
    QFETCH(ErrorCode, error);

    const auto money = Money::parse(text, currency(code));
    QVERIFY(!money.ok());
    QCOMPARE(money.error().code, error);
}

void TestMoney::arithmetic_data()
{
    QTest::addColumn<char>("op");
    QTest::addColumn<qint64>("a");
    QTest::addColumn<qint64>("b");
    QTest::addColumn<bool>("overflows");
    QTest::addColumn<qint64>("expected");

    QTest::newRow("plus") << '+' << qint64(150) << qint64(-50) << false << qint64(100);
    QTest::newRow("plus max + 0") << '+' << kMax << qint64(0) << false << kMax;
    QTest::newRow("plus min + max") << '+' << kMin << kMax << false << qint64(-1);
    QTest::newRow("plus max + 1") << '+' << kMax << qint64(1) << true << qint64(0);
    QTest::newRow("plus min + -1") << '+' << kMin << qint64(-1) << true << qint64(0);
    QTest::newRow("minus") << '-' << qint64(100) << qint64(250) << false << qint64(-150);
    QTest::newRow("minus -1 - max") << '-' << qint64(-1) << kMax << false << kMin;
    QTest::newRow("minus min - 1") << '-' << kMin << qint64(1) << true << qint64(0);
    QTest::newRow("minus 0 - min") << '-' << qint64(0) << kMin << true << qint64(0);
    QTest::newRow("minus max - -1") << '-' << kMax << qint64(-1) << true << qint64(0);
    QTest::newRow("times") << '*' << qint64(1999) << qint64(3) << false << qint64(5997);
    QTest::newRow("times negative") << '*' << qint64(-1999) << qint64(3) << false << qint64(-5997);
    QTest::newRow("times zero") << '*' << kMax << qint64(0) << false << qint64(0);
    QTest::newRow("times max/2 x 2") << '*' << kMax / 2 << qint64(2) << false << kMax - 1;
    QTest::newRow("times max x 2") << '*' << kMax << qint64(2) << true << qint64(0);
    QTest::newRow("times min x -1") << '*' << kMin << qint64(-1) << true << qint64(0);
    QTest::newRow("times 2^32 x 2^32") << '*' << (qint64(1) << 32) << (qint64(1) << 32) << true << qint64(0);
}

void TestMoney::arithmetic()
{
    QFETCH(char, op);
    QFETCH(qint64, a);
    QFETCH(qint64, b);
    QFETCH(bool, overflows);
    QFETCH(qint64, expected);

    const Money x(a, Currency::cny());
    const Money y(b, Currency::cny());
    const auto result = op == '+' ? x.plus(y) : op == '-' ? x.minus(y) : x.times(b);
    if (overflows) {
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::Overflow);
        return;
    }
    QVERIFY2(result.ok(), failure(result).constData());
    QCOMPARE(result.value(), Money(expected, Currency::cny()));
}

void TestMoney::currencyMismatch_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");

    QTest::newRow("USD/CNY") << u"USD"_s << u"CNY"_s;
    QTest::newRow("JPY/USD") << u"JPY"_s << u"USD"_s;
    QTest::newRow("SGD/MYR") << u"SGD"_s << u"MYR"_s;
}

void TestMoney::currencyMismatch()
{
    QFETCH(QString, a);
    QFETCH(QString, b);

    const Money x(100, currency(a));
    const Money y(100, currency(b));
    for (const auto &result : {x.plus(y), x.minus(y)}) {
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::CurrencyMismatch);
        QVERIFY2(result.error().message.contains(a) && result.error().message.contains(b),
                 qPrintable(result.error().message));
    }
}

void TestMoney::equalityNeedsSameCurrency()
{
    QVERIFY(Money(100, Currency::usd()) == Money(100, Currency::usd()));
    QVERIFY(!(Money(100, Currency::usd()) == Money(100, Currency::cny())));
    QVERIFY(!(Money(100, Currency::usd()) == Money(101, Currency::usd())));
}

void TestMoney::timesDecimal_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("factor");
    QTest::addColumn<Rounding>("rounding");
    QTest::addColumn<qint64>("expected");

    const auto up = Rounding::HalfUp;
    const auto even = Rounding::HalfEven;
    // 19.99 × 0.13 = 2.5987
    QTest::newRow("13% tax") << qint64(1999) << u"USD"_s << u"0.13"_s << up << qint64(260);
    // 12.50 × 0.13 = 1.625: a tie at the cent
    QTest::newRow("13% tax tie half-up") << qint64(1250) << u"USD"_s << u"0.13"_s << up << qint64(163);
    QTest::newRow("13% tax tie half-even") << qint64(1250) << u"USD"_s << u"0.13"_s << even << qint64(162);
    QTest::newRow("13% on refund half-up") << qint64(-1250) << u"USD"_s << u"0.13"_s << up << qint64(-163);
    QTest::newRow("13% on refund half-even") << qint64(-1250) << u"USD"_s << u"0.13"_s << even << qint64(-162);
    QTest::newRow("price incl. 13% tax") << qint64(1999) << u"USD"_s << u"1.13"_s << up << qint64(2259);
    QTest::newRow("CNY 13% VAT") << qint64(100000) << u"CNY"_s << u"0.13"_s << up << qint64(13000);
    QTest::newRow("JPY 13% tax") << qint64(1999) << u"JPY"_s << u"0.13"_s << up << qint64(260);
    // 19.99 × 0.15 = 2.9985
    QTest::newRow("0.15 discount") << qint64(1999) << u"USD"_s << u"0.15"_s << up << qint64(300);
    // 10.30 × 0.15 = 1.545
    QTest::newRow("0.15 discount tie half-up") << qint64(1030) << u"USD"_s << u"0.15"_s << up << qint64(155);
    QTest::newRow("0.15 discount tie half-even") << qint64(1030) << u"USD"_s << u"0.15"_s << even << qint64(154);
    QTest::newRow("price after 0.15 discount") << qint64(1999) << u"USD"_s << u"0.85"_s << up << qint64(1699);
    QTest::newRow("negative factor") << qint64(3) << u"USD"_s << u"-0.5"_s << up << qint64(-2);
    QTest::newRow("12-digit factor") << qint64(100) << u"USD"_s << u"0.333333333333"_s << up << qint64(33);
    QTest::newRow("int64 max x 0.5") << kMax << u"USD"_s << u"0.5"_s << up << kMax / 2 + 1;
}

void TestMoney::timesDecimal()
{
    QFETCH(qint64, minor);
    QFETCH(QString, code);
    QFETCH(QString, factor);
    QFETCH(Rounding, rounding);
    QFETCH(qint64, expected);

    const auto product = Money(minor, currency(code)).times(decimal(factor), rounding);
    QVERIFY2(product.ok(), failure(product).constData());
    QCOMPARE(product.value(), Money(expected, currency(code)));
}

void TestMoney::timesDecimalOverflow()
{
    for (const auto &[minor, factor] : {std::pair{kMax, u"1.01"_s}, std::pair{kMin, u"2"_s}}) {
        const auto product = Money(minor, Currency::usd()).times(decimal(factor));
        QVERIFY2(!product.ok(), qPrintable(factor));
        QCOMPARE(product.error().code, ErrorCode::Overflow);
    }
}

void TestMoney::allocate_data()
{
    QTest::addColumn<qint64>("amount");
    QTest::addColumn<QList<qint64>>("weights");
    QTest::addColumn<QList<qint64>>("expected");

    QTest::newRow("100 into 3") << qint64(100) << QList<qint64>{1, 1, 1} << QList<qint64>{34, 33, 33};
    QTest::newRow("-100 into 3") << qint64(-100) << QList<qint64>{1, 1, 1} << QList<qint64>{-33, -33, -34};
    QTest::newRow("7 into 4") << qint64(7) << QList<qint64>{1, 1, 1, 1} << QList<qint64>{2, 2, 2, 1};
    QTest::newRow("-7 into 4") << qint64(-7) << QList<qint64>{1, 1, 1, 1} << QList<qint64>{-1, -2, -2, -2};
    QTest::newRow("1 into 3") << qint64(1) << QList<qint64>{1, 1, 1} << QList<qint64>{1, 0, 0};
    // 1/3 and 2/3 of a cent: the larger remainder gets it.
    QTest::newRow("largest remainder") << qint64(1) << QList<qint64>{1, 2} << QList<qint64>{0, 1};
    QTest::newRow("tie goes to first") << qint64(5) << QList<qint64>{3, 7} << QList<qint64>{2, 3};
    QTest::newRow("exact shares") << qint64(1000) << QList<qint64>{1, 2, 3, 4} << QList<qint64>{100, 200, 300, 400};
    QTest::newRow("percentages") << qint64(100) << QList<qint64>{33, 33, 34} << QList<qint64>{33, 33, 34};
    QTest::newRow("a zero weight") << qint64(10) << QList<qint64>{1, 0, 1} << QList<qint64>{5, 0, 5};
    QTest::newRow("zero amount") << qint64(0) << QList<qint64>{1, 2} << QList<qint64>{0, 0};
    QTest::newRow("single part") << qint64(-9) << QList<qint64>{5} << QList<qint64>{-9};
    QTest::newRow("huge weights") << qint64(100) << QList<qint64>{kMax, kMax} << QList<qint64>{50, 50};
    QTest::newRow("int64 max") << kMax << QList<qint64>{1, 1} << QList<qint64>{kMax / 2 + 1, kMax / 2};
    QTest::newRow("int64 min") << kMin << QList<qint64>{1, 1} << QList<qint64>{kMin / 2, kMin / 2};
}

void TestMoney::allocate()
{
    QFETCH(qint64, amount);
    QFETCH(QList<qint64>, weights);
    QFETCH(QList<qint64>, expected);

    const Money total(amount, Currency::cny());
    const auto parts = total.allocate(std::vector<qint64>(weights.cbegin(), weights.cend()));
    QVERIFY2(parts.ok(), failure(parts).constData());
    QCOMPARE(minorUnits(parts.value()), expected);
    Int128 sum = 0;
    for (const Money &part : parts.value()) {
        QCOMPARE(part.currency(), Currency::cny());
        sum += part.minorUnits();
    }
    QVERIFY(sum == amount);
}

void TestMoney::allocateRejects_data()
{
    QTest::addColumn<QList<qint64>>("weights");

    QTest::newRow("no weights") << QList<qint64>{};
    QTest::newRow("one zero weight") << QList<qint64>{0};
    QTest::newRow("all zero weights") << QList<qint64>{0, 0, 0};
    QTest::newRow("negative weight") << QList<qint64>{2, -1};
}

void TestMoney::allocateRejects()
{
    QFETCH(QList<qint64>, weights);

    const auto parts = Money(100, Currency::usd()).allocate(std::vector<qint64>(weights.cbegin(), weights.cend()));
    QVERIFY(!parts.ok());
    QCOMPARE(parts.error().code, ErrorCode::InvalidInput);
}

void TestMoney::toPlainString_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("expected");

    QTest::newRow("USD") << qint64(123456) << u"USD"_s << u"1234.56"_s;
    QTest::newRow("USD cents") << qint64(-5) << u"USD"_s << u"-0.05"_s;
    QTest::newRow("USD zero") << qint64(0) << u"USD"_s << u"0.00"_s;
    QTest::newRow("USD whole") << qint64(100) << u"USD"_s << u"1.00"_s;
    QTest::newRow("JPY") << qint64(1234) << u"JPY"_s << u"1234"_s;
    QTest::newRow("JPY negative") << qint64(-1234) << u"JPY"_s << u"-1234"_s;
    QTest::newRow("USD int64 min") << kMin << u"USD"_s << u"-92233720368547758.08"_s;
    QTest::newRow("JPY int64 max") << kMax << u"JPY"_s << u"9223372036854775807"_s;
}

void TestMoney::toPlainString()
{
    QFETCH(qint64, minor);
    QFETCH(QString, code);
    QFETCH(QString, expected);

    QCOMPARE(Money(minor, currency(code)).toPlainString(), expected);
}

void TestMoney::format_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("expected");

    QLocale noGrouping = english();
    noGrouping.setNumberOptions(QLocale::OmitGroupSeparator);
    const QLocale german(QLocale::German, QLocale::Germany);

    QTest::newRow("en USD") << qint64(123456) << u"USD"_s << english() << u"US$1,234.56"_s;
    QTest::newRow("en USD negative") << qint64(-123456) << u"USD"_s << english() << u"-US$1,234.56"_s;
    QTest::newRow("en USD cents") << qint64(5) << u"USD"_s << english() << u"US$0.05"_s;
    QTest::newRow("en USD zero") << qint64(0) << u"USD"_s << english() << u"US$0.00"_s;
    QTest::newRow("en USD billions") << qint64(123456789012) << u"USD"_s << english() << u"US$1,234,567,890.12"_s;
    QTest::newRow("en USD int64 min") << kMin << u"USD"_s << english() << u"-US$92,233,720,368,547,758.08"_s;
    QTest::newRow("en JPY") << qint64(1234567) << u"JPY"_s << english() << u"JP¥1,234,567"_s;
    QTest::newRow("en KRW negative") << qint64(-5000) << u"KRW"_s << english() << u"-₩5,000"_s;
    QTest::newRow("en SGD") << qint64(99) << u"SGD"_s << english() << u"S$0.99"_s;
    QTest::newRow("en no symbol") << qint64(123456) << u"KHR"_s << english() << u"KHR 1,234.56"_s;
    QTest::newRow("en grouping forced") << qint64(123456) << u"USD"_s << noGrouping << u"US$1,234.56"_s;
    QTest::newRow("zh CNY") << qint64(123456789) << u"CNY"_s << chinese() << u"¥1,234,567.89"_s;
    QTest::newRow("zh CNY negative") << qint64(-99) << u"CNY"_s << chinese() << u"-¥0.99"_s;
    QTest::newRow("zh USD") << qint64(123456) << u"USD"_s << chinese() << u"US$1,234.56"_s;
    QTest::newRow("zh JPY") << qint64(1000) << u"JPY"_s << chinese() << u"JP¥1,000"_s;
    // Proves the separators come from the locale and are not hard-coded.
    QTest::newRow("de USD") << qint64(123456) << u"USD"_s << german << u"US$1.234,56"_s;
}

void TestMoney::format()
{
    QFETCH(qint64, minor);
    QFETCH(QString, code);
    QFETCH(QLocale, locale);
    QFETCH(QString, expected);

    QCOMPARE(Money(minor, currency(code)).format(locale), expected);
}

void TestMoney::formatCompact_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("expected");

    // Spec (money.cpp): whole major units; at or above a step, tenths = round-half-up(major × 10 / step),
    // shown with one decimal unless it is .0. English steps K/M/B, Chinese 万 (10^4) and 亿 (10^8).
    const QLocale en = english();
    const QLocale zh = chinese();
    QTest::newRow("en zero") << qint64(0) << u"USD"_s << en << u"US$0"_s;
    QTest::newRow("en below 1K") << qint64(99900) << u"USD"_s << en << u"US$999"_s;
    QTest::newRow("en exactly 1K") << qint64(100000) << u"USD"_s << en << u"US$1K"_s;
    QTest::newRow("en 1,234 -> 1.2K") << qint64(123450) << u"USD"_s << en << u"US$1.2K"_s;
    QTest::newRow("en 1,250 -> 1.3K (half up)") << qint64(125000) << u"USD"_s << en << u"US$1.3K"_s;
    QTest::newRow("en 1,249.99 -> 1.2K") << qint64(124999) << u"USD"_s << en << u"US$1.2K"_s;
    QTest::newRow("en 1,234,567.89 -> 1.2M") << qint64(123456789) << u"USD"_s << en << u"US$1.2M"_s;
    QTest::newRow("en 2,297,000 -> 2.3M") << qint64(229700000) << u"USD"_s << en << u"US$2.3M"_s;
    QTest::newRow("en 2,345,678,901 -> 2.3B") << qint64(234567890100) << u"USD"_s << en << u"US$2.3B"_s;
    // 12,345,678,901,234 / 10^9 = 12,345.68 → tenths 123,457
    QTest::newRow("en grouped B") << qint64(1234567890123456) << u"USD"_s << en << u"US$12,345.7B"_s;
    QTest::newRow("en negative") << qint64(-123456789) << u"USD"_s << en << u"-US$1.2M"_s;
    QTest::newRow("en JPY 1.5M") << qint64(1500000) << u"JPY"_s << en << u"JP¥1.5M"_s;
    // 1,234,567 / 10^4 = 123.4567 → tenths 1,235
    QTest::newRow("zh 1,234,567.89 -> 123.5万") << qint64(123456789) << u"USD"_s << zh << u"US$123.5万"_s;
    QTest::newRow("zh 2,297,000 -> 229.7万") << qint64(229700000) << u"USD"_s << zh << u"US$229.7万"_s;
    QTest::newRow("zh below 1万") << qint64(999900) << u"CNY"_s << zh << u"¥9,999"_s;
    QTest::newRow("zh exactly 1万") << qint64(1000000) << u"CNY"_s << zh << u"¥1万"_s;
    QTest::newRow("zh 15,000 -> 1.5万") << qint64(1500000) << u"CNY"_s << zh << u"¥1.5万"_s;
    QTest::newRow("zh grouped 万") << qint64(2297000000) << u"CNY"_s << zh << u"¥2,297万"_s;
    QTest::newRow("zh 123,456,789 -> 1.2亿") << qint64(12345678900) << u"CNY"_s << zh << u"¥1.2亿"_s;
    // 1,234,567,890,123,456 / 10^8 = 12,345,678.90 → tenths 123,456,789
    QTest::newRow("zh grouped 亿") << qint64(123456789012345678) << u"CNY"_s << zh << u"¥12,345,678.9亿"_s;
    QTest::newRow("zh negative") << qint64(-1500000) << u"CNY"_s << zh << u"-¥1.5万"_s;
    QTest::newRow("zh JPY 1.2亿") << qint64(123456789) << u"JPY"_s << zh << u"JP¥1.2亿"_s;
}

void TestMoney::formatCompact()
{
    QFETCH(qint64, minor);
    QFETCH(QString, code);
    QFETCH(QLocale, locale);
    QFETCH(QString, expected);

    QCOMPARE(Money(minor, currency(code)).formatCompact(locale), expected);
}

void TestMoney::formatCompactPromotesRoundedUnit_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("expected");

    // Rounding to one decimal reaches the next step: 999.99…K must read 1M, not 1,000K.
    QTest::newRow("en 999,999.99") << qint64(99999999) << u"USD"_s << english() << u"US$1M"_s;
    QTest::newRow("en 999,950") << qint64(99995000) << u"USD"_s << english() << u"US$1M"_s;
    QTest::newRow("en 999,950,000") << qint64(99995000000) << u"USD"_s << english() << u"US$1B"_s;
    QTest::newRow("zh 99,999,999") << qint64(9999999900) << u"CNY"_s << chinese() << u"¥1亿"_s;
}

void TestMoney::formatCompactPromotesRoundedUnit()
{
    QFETCH(qint64, minor);
    QFETCH(QString, code);
    QFETCH(QLocale, locale);
    QFETCH(QString, expected);

    QCOMPARE(Money(minor, currency(code)).formatCompact(locale), expected);
}

void TestMoney::formatCompactHugeZeroDigitAmount_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("expected");

    // With 0 minor digits major = minor, and major × 10 no longer fits 64 bits above ~1.8e18.
    // 9,223,372,036,854,775,807 / 10^9 = 9,223,372,036.85 → tenths 92,233,720,369
    QTest::newRow("en JPY int64 max") << kMax << u"JPY"_s << english() << u"JP¥9,223,372,036.9B"_s;
    QTest::newRow("en VND int64 min") << kMin << u"VND"_s << english() << u"-₫9,223,372,036.9B"_s;
    // 9,223,372,036,854,775,807 / 10^8 = 92,233,720,368.548 → tenths 922,337,203,685
    QTest::newRow("zh JPY int64 max") << kMax << u"JPY"_s << chinese() << u"JP¥92,233,720,368.5亿"_s;
}

void TestMoney::formatCompactHugeZeroDigitAmount()
{
    QFETCH(qint64, minor);
    QFETCH(QString, code);
    QFETCH(QLocale, locale);
    QFETCH(QString, expected);

    QCOMPARE(Money(minor, currency(code)).formatCompact(locale), expected);
}

} // namespace vantage::core

QTEST_GUILESS_MAIN(vantage::core::TestMoney)
#include "tst_money.moc"
