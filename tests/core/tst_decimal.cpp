#include "domain/decimal.h"

#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(vantage::core::Rounding)
Q_DECLARE_METATYPE(vantage::core::ErrorCode)

namespace vantage::core {
namespace {

constexpr qint64 kMax = std::numeric_limits<qint64>::max();
constexpr qint64 kMin = std::numeric_limits<qint64>::min();

// The error message of a failed result, for QVERIFY2; empty when it succeeded.
template<typename T>
QByteArray failure(const Result<T> &result)
{
    return result.ok() ? QByteArray() : result.error().detail.toUtf8();
}

Decimal decimal(const QString &text)
{
    const auto parsed = Decimal::parse(text);
    if (!parsed)
        qFatal("test data is not a decimal: %s", qPrintable(text));
    return parsed.value();
}

} // namespace

class TestDecimal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void parseRejects_data();
    void parseRejects();
    void scaledTo_data();
    void scaledTo();
    void scaledToOverflow();
    void compare_data();
    void compare();
    void toStringRoundTrip_data();
    void toStringRoundTrip();
    void divideRounded_data();
    void divideRounded();
    void divideRoundedWide();
    void divideRoundedRejects_data();
    void divideRoundedRejects();
    void int64MinIsReachable();
};

void TestDecimal::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("mantissa");
    QTest::addColumn<int>("scale");

    QTest::newRow("integer") << u"12"_s << qint64(12) << 0;
    QTest::newRow("negative fraction") << u"-0.25"_s << qint64(-25) << 2;
    QTest::newRow("surrounding spaces") << u" 12.50 "_s << qint64(1250) << 2;
    QTest::newRow("tab and newline") << u"\t7\n"_s << qint64(7) << 0;
    QTest::newRow("plus sign") << u"+3"_s << qint64(3) << 0;
    QTest::newRow("leading zeros") << u"007.50"_s << qint64(750) << 2;
    QTest::newRow("no integer part") << u".5"_s << qint64(5) << 1;
    QTest::newRow("negative zero") << u"-0"_s << qint64(0) << 0;
    QTest::newRow("12 fraction digits") << u"0.123456789012"_s << qint64(123456789012) << 12;
    QTest::newRow("int64 max") << u"9223372036854775807"_s << kMax << 0;
    QTest::newRow("int64 max, scaled") << u"-92233720368547758.07"_s << -kMax << 2;
}

void TestDecimal::parse()
{
    QFETCH(QString, text);
    QFETCH(qint64, mantissa);
    QFETCH(int, scale);

    const auto parsed = Decimal::parse(text);
    QVERIFY2(parsed.ok(), failure(parsed).constData());
    QCOMPARE(parsed.value().mantissa(), mantissa);
    QCOMPARE(parsed.value().scale(), scale);
}

void TestDecimal::parseRejects_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<ErrorCode>("code");

    const auto invalid = ErrorCode::InvalidInput;
    QTest::newRow("empty") << QString() << invalid;
    QTest::newRow("blank") << u"   "_s << invalid;
    QTest::newRow("sign only") << u"-"_s << invalid;
    QTest::newRow("point only") << u"."_s << invalid;
    QTest::newRow("sign and point") << u"-."_s << invalid;
    QTest::newRow("two points") << u"1.2.3"_s << invalid;
    QTest::newRow("exponent") << u"1e5"_s << invalid;
    QTest::newRow("two signs") << u"+-3"_s << invalid;
    QTest::newRow("inner space") << u"1 000"_s << invalid;
    QTest::newRow("group separator") << u"1,000"_s << invalid;
    QTest::newRow("trailing letter") << u"12a"_s << invalid;
    QTest::newRow("arabic-indic digits") << u"\u0661\u0662"_s << invalid; // QChar::isDigit() accepts them
    QTest::newRow("13 fraction digits") << u"0.1234567890123"_s << invalid;
    QTest::newRow("above int64") << u"9223372036854775808"_s << ErrorCode::Overflow;
    QTest::newRow("above int64 as a fraction") << u"922337203685477580.80"_s << ErrorCode::Overflow;
}

void TestDecimal::parseRejects()
{
    QFETCH(QString, text);
    QFETCH(ErrorCode, code);

    const auto parsed = Decimal::parse(text);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().code, code);
    QVERIFY(!parsed.error().message.isEmpty());
}

void TestDecimal::scaledTo_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("targetScale");
    QTest::addColumn<Rounding>("rounding");
    QTest::addColumn<qint64>("expected");

    const auto up = Rounding::HalfUp;
    const auto even = Rounding::HalfEven;
    QTest::newRow("1.005 half-up") << u"1.005"_s << 2 << up << qint64(101);
    QTest::newRow("1.005 half-even") << u"1.005"_s << 2 << even << qint64(100);
    QTest::newRow("1.015 half-even") << u"1.015"_s << 2 << even << qint64(102);
    QTest::newRow("-1.005 half-up") << u"-1.005"_s << 2 << up << qint64(-101);
    QTest::newRow("-1.005 half-even") << u"-1.005"_s << 2 << even << qint64(-100);
    QTest::newRow("-1.015 half-even") << u"-1.015"_s << 2 << even << qint64(-102);
    QTest::newRow("2.5 half-up") << u"2.5"_s << 0 << up << qint64(3);
    QTest::newRow("2.5 half-even") << u"2.5"_s << 0 << even << qint64(2);
    QTest::newRow("-2.5 half-up") << u"-2.5"_s << 0 << up << qint64(-3);
    QTest::newRow("-2.5 half-even") << u"-2.5"_s << 0 << even << qint64(-2);
    QTest::newRow("0.5 half-even") << u"0.5"_s << 0 << even << qint64(0);
    QTest::newRow("just below half") << u"0.4999999"_s << 0 << up << qint64(0);
    QTest::newRow("just above half") << u"2.5000001"_s << 0 << even << qint64(3);
    QTest::newRow("upscale") << u"1.2"_s << 4 << up << qint64(12000);
    QTest::newRow("negative upscale") << u"-3"_s << 2 << up << qint64(-300);
    QTest::newRow("same scale") << u"-0.07"_s << 2 << up << qint64(-7);
    QTest::newRow("int64 max") << u"92233720368547758.07"_s << 2 << up << kMax;
}

void TestDecimal::scaledTo()
{
    QFETCH(QString, text);
    QFETCH(int, targetScale);
    QFETCH(Rounding, rounding);
    QFETCH(qint64, expected);

    const auto scaled = decimal(text).scaledTo(targetScale, rounding);
    QVERIFY2(scaled.ok(), failure(scaled).constData());
    QCOMPARE(scaled.value(), expected);
}

void TestDecimal::scaledToOverflow()
{
    for (const QString &text : {u"92233720368547758.07"_s, u"-92233720368547758.07"_s}) {
        const auto scaled = decimal(text).scaledTo(3);
        QVERIFY2(!scaled.ok(), qPrintable(text));
        QCOMPARE(scaled.error().code, ErrorCode::Overflow);
    }
}

void TestDecimal::compare_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<int>("order"); // -1: a < b, 0: a == b, 1: a > b

    QTest::newRow("trailing zero") << u"1.5"_s << u"1.50"_s << 0;
    QTest::newRow("zero scales") << u"0"_s << u"-0.000"_s << 0;
    QTest::newRow("integer vs fraction") << u"2"_s << u"2.000000000000"_s << 0;
    QTest::newRow("shorter is larger") << u"1.5"_s << u"1.49"_s << 1;
    QTest::newRow("negatives") << u"-1.5"_s << u"-1.49"_s << -1;
    QTest::newRow("fewer digits, larger value") << u"2"_s << u"10.0"_s << -1;
    QTest::newRow("tiny vs zero") << u"0.000000000001"_s << u"0"_s << 1;
    QTest::newRow("sign beats scale") << u"-0.1"_s << u"0.01"_s << -1;
    QTest::newRow("int64 max at scale 12") << u"9223372036854775807"_s << u"9223372.036854775807"_s << 1;
}

void TestDecimal::compare()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(int, order);

    const Decimal x = decimal(a);
    const Decimal y = decimal(b);
    QCOMPARE(x == y, order == 0);
    QCOMPARE(y == x, order == 0);
    QCOMPARE(x < y, order < 0);
    QCOMPARE(y < x, order > 0);
}

void TestDecimal::toStringRoundTrip_data()
{
    QTest::addColumn<qint64>("mantissa");
    QTest::addColumn<int>("scale");
    QTest::addColumn<QString>("expected");

    QTest::newRow("integer") << qint64(7) << 0 << u"7"_s;
    QTest::newRow("keeps trailing zero") << qint64(1250) << 2 << u"12.50"_s;
    QTest::newRow("pads leading zeros") << qint64(5) << 2 << u"0.05"_s;
    QTest::newRow("negative padded") << qint64(-5) << 2 << u"-0.05"_s;
    QTest::newRow("zero with scale") << qint64(0) << 2 << u"0.00"_s;
    QTest::newRow("negative") << qint64(-1234567) << 3 << u"-1234.567"_s;
    QTest::newRow("max scale") << qint64(1) << 12 << u"0.000000000001"_s;
    QTest::newRow("int64 max") << kMax << 4 << u"922337203685477.5807"_s;
}

void TestDecimal::toStringRoundTrip()
{
    QFETCH(qint64, mantissa);
    QFETCH(int, scale);
    QFETCH(QString, expected);

    QCOMPARE(Decimal(mantissa, scale).toString(), expected);
    // Parsing the text gives back the same mantissa and scale, not only an equal value.
    const auto parsed = Decimal::parse(expected);
    QVERIFY2(parsed.ok(), failure(parsed).constData());
    QCOMPARE(parsed.value().mantissa(), mantissa);
    QCOMPARE(parsed.value().scale(), scale);
}

void TestDecimal::divideRounded_data()
{
    QTest::addColumn<qint64>("numerator");
    QTest::addColumn<qint64>("denominator");
    QTest::addColumn<Rounding>("rounding");
    QTest::addColumn<qint64>("expected");

    const auto up = Rounding::HalfUp;
    const auto even = Rounding::HalfEven;
    QTest::newRow("+5/+2 half-up") << qint64(5) << qint64(2) << up << qint64(3);
    QTest::newRow("+5/+2 half-even") << qint64(5) << qint64(2) << even << qint64(2);
    QTest::newRow("+7/+2 half-even") << qint64(7) << qint64(2) << even << qint64(4);
    QTest::newRow("-5/+2 half-up") << qint64(-5) << qint64(2) << up << qint64(-3);
    QTest::newRow("-5/+2 half-even") << qint64(-5) << qint64(2) << even << qint64(-2);
    QTest::newRow("+5/-2 half-up") << qint64(5) << qint64(-2) << up << qint64(-3);
    QTest::newRow("+7/-2 half-even") << qint64(7) << qint64(-2) << even << qint64(-4);
    QTest::newRow("-5/-2 half-up") << qint64(-5) << qint64(-2) << up << qint64(3);
    QTest::newRow("-5/-2 half-even") << qint64(-5) << qint64(-2) << even << qint64(2);
    QTest::newRow("+1/+3") << qint64(1) << qint64(3) << up << qint64(0);
    QTest::newRow("+2/+3") << qint64(2) << qint64(3) << even << qint64(1);
    QTest::newRow("-2/+3") << qint64(-2) << qint64(3) << up << qint64(-1);
    QTest::newRow("-1/+3") << qint64(-1) << qint64(3) << up << qint64(0);
    QTest::newRow("exact") << qint64(-10) << qint64(5) << up << qint64(-2);
    QTest::newRow("zero") << qint64(0) << qint64(-5) << up << qint64(0);
    QTest::newRow("int64 max") << kMax << qint64(1) << even << kMax;
    QTest::newRow("-int64 max") << kMax << qint64(-1) << up << -kMax;
}

void TestDecimal::divideRounded()
{
    QFETCH(qint64, numerator);
    QFETCH(qint64, denominator);
    QFETCH(Rounding, rounding);
    QFETCH(qint64, expected);

    const auto quotient = core::divideRounded(numerator, denominator, rounding);
    QVERIFY2(quotient.ok(), failure(quotient).constData());
    QCOMPARE(quotient.value(), expected);
}

void TestDecimal::divideRoundedWide()
{
    // The numerator may exceed 64 bits as long as the quotient fits (money × rate products).
    const Int128 tie = static_cast<Int128>(kMax - 1) * 1000 + 500; // (int64 max - 1) + 0.5
    const auto up = core::divideRounded(tie, 1000, Rounding::HalfUp);
    QVERIFY2(up.ok(), failure(up).constData());
    QCOMPARE(up.value(), kMax);
    const auto even = core::divideRounded(tie, 1000, Rounding::HalfEven);
    QVERIFY2(even.ok(), failure(even).constData());
    QCOMPARE(even.value(), kMax - 1); // int64 max - 1 is even

    const auto past = core::divideRounded(static_cast<Int128>(kMax) * 1000 + 500, 1000, Rounding::HalfUp);
    QVERIFY2(!past.ok(), "int64 max + 0.5 rounds up past int64 max");
    QCOMPARE(past.error().code, ErrorCode::Overflow);
}

void TestDecimal::divideRoundedRejects_data()
{
    QTest::addColumn<qint64>("numerator");
    QTest::addColumn<qint64>("denominator");
    QTest::addColumn<ErrorCode>("code");

    QTest::newRow("divide by zero") << qint64(1) << qint64(0) << ErrorCode::InvalidInput;
    QTest::newRow("zero by zero") << qint64(0) << qint64(0) << ErrorCode::InvalidInput;
    QTest::newRow("int64 min / -1") << kMin << qint64(-1) << ErrorCode::Overflow;
}

void TestDecimal::divideRoundedRejects()
{
    QFETCH(qint64, numerator);
    QFETCH(qint64, denominator);
    QFETCH(ErrorCode, code);

    const auto quotient = core::divideRounded(numerator, denominator, Rounding::HalfUp);
    QVERIFY(!quotient.ok());
    QCOMPARE(quotient.error().code, code);
}

void TestDecimal::int64MinIsReachable()
{
    // Money(int64 min) exists and toPlainString() prints it, so it must parse and divide back.
    const auto quotient = core::divideRounded(kMin, 1, Rounding::HalfUp);
    QVERIFY2(quotient.ok(), failure(quotient).constData());
    QCOMPARE(quotient.value(), kMin);
    const auto parsed = Decimal::parse(u"-9223372036854775808"_s);
    QVERIFY2(parsed.ok(), failure(parsed).constData());
    QCOMPARE(parsed.value().mantissa(), kMin);
}

} // namespace vantage::core

QTEST_GUILESS_MAIN(vantage::core::TestDecimal)
#include "tst_decimal.moc"
