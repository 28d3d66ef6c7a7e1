#include "exporting/xlsxsheet.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace vantage::core {

// The pure helpers of the worksheet part; the whole workbook is read back in tst_xlsxwriter.
class TestXlsxSheet : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void columnName_data();
    void columnName();
    void escaped_data();
    void escaped();
    void displayWidth_data();
    void displayWidth();
    void isPlainDecimal_data();
    void isPlainDecimal();
};

void TestXlsxSheet::columnName_data()
{
    QTest::addColumn<qsizetype>("column");
    QTest::addColumn<QString>("name");
    QTest::newRow("first") << qsizetype(0) << u"A"_s;
    QTest::newRow("Z") << qsizetype(25) << u"Z"_s;
    QTest::newRow("AA") << qsizetype(26) << u"AA"_s;
    QTest::newRow("AZ") << qsizetype(51) << u"AZ"_s;
    QTest::newRow("ZZ") << qsizetype(701) << u"ZZ"_s;
    QTest::newRow("AAA") << qsizetype(702) << u"AAA"_s;
    QTest::newRow("last Excel column") << qsizetype(16383) << u"XFD"_s;
}

void TestXlsxSheet::columnName()
{
    QFETCH(qsizetype, column);
    QFETCH(QString, name);
    QCOMPARE(XlsxSheet::columnName(column), name);
}

void TestXlsxSheet::escaped_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("markup") << u"a & <b> \"c\""_s << u"a &amp; &lt;b&gt; &quot;c&quot;"_s;
    QTest::newRow("tab and LF kept, CR as a reference") << u"a\tb\nc\rd"_s << u"a\tb\nc&#13;d"_s;
    QTest::newRow("control characters dropped") << u"a\x01" "b\x1F" "c\0"_s << u"abc"_s;
    QTest::newRow("noncharacters dropped") << u"a\uFFFEb\uFFFF"_s << u"ab"_s;
    QTest::newRow("lone surrogates dropped") << (u"a"_s + QChar(0xD800) + u"b"_s + QChar(0xDC00)) << u"ab"_s;
    QTest::newRow("surrogate pair kept") << u"𠀀😀"_s << u"𠀀😀"_s;
    QTest::newRow("Chinese") << u"华东区"_s << u"华东区"_s;
}

void TestXlsxSheet::escaped()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(XlsxSheet::escaped(text), expected);
}

void TestXlsxSheet::displayWidth_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("width");
    QTest::newRow("ASCII") << u"Amount"_s << 6;
    QTest::newRow("CJK counts double") << u"客户名称"_s << 8;
    QTest::newRow("mixed") << u"华东 & Co"_s << 9;
    QTest::newRow("full-width comma") << u"甲，乙"_s << 6;
    QTest::newRow("Hangul") << u"서울"_s << 4;
    QTest::newRow("supplementary CJK") << u"𠀀"_s << 2;
    QTest::newRow("longest line") << u"ab\n中文字\nc"_s << 6;
    QTest::newRow("empty") << QString() << 0;
}

void TestXlsxSheet::displayWidth()
{
    QFETCH(QString, text);
    QFETCH(int, width);
    QCOMPARE(XlsxSheet::displayWidth(text), width);
}

void TestXlsxSheet::isPlainDecimal_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("plain");
    for (const auto *good : {"0", "-42", "1234567.89", "0.125", "-0.5", "007"})
        QTest::newRow(good) << QString::fromLatin1(good) << true;
    QTest::newRow("(empty)") << QString() << false;
    for (const auto *bad : {"-", ".5", "1.", "1e5", "1,234.00", " 1", "+1", "NaN", "1.2.3", "１２"})
        QTest::newRow(bad) << QString::fromUtf8(bad) << false;
}

void TestXlsxSheet::isPlainDecimal()
{
    QFETCH(QString, text);
    QFETCH(bool, plain);
    QCOMPARE(XlsxSheet::isPlainDecimal(text), plain);
}

} // namespace vantage::core

QTEST_GUILESS_MAIN(vantage::core::TestXlsxSheet)
#include "tst_xlsxsheet.moc"
