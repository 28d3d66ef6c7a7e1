#include "exporting/csvwriter.h"
#include "importing/csvreader.h"

#include <QDir>
#include <QFile>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace vantage::core {
namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

TableSheet sample()
{
    TableSheet sheet;
    sheet.name = u"Forecast"_s;
    sheet.headers = {u"客户"_s, u"Amount (CNY)"_s, u"Note"_s};
    sheet.rows = {
        {TableCell::text(u"华东, \"Partners\""_s), TableCell::money(Money(123456789, Currency::cny())),
         TableCell::empty()},
        {TableCell::text(u"two\r\nlines"_s), TableCell::number(u"-0.125"_s, u"0.0%"_s),
         TableCell::text(u"ok"_s)},
    };
    return sheet;
}

} // namespace

class TestCsvWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void field_data();
    void field();
    void bytes();
    void withoutByteOrderMark();
    void padsShortRows();
    void textIsNeverAFormula();
    void singleEmptyColumnIsNotABlankLine();
    void roundTripsThroughCsvReader();
    void replacesAnExistingFile();
    void writeFails_data();
    void writeFails();
    void readOnlyDirectory();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCsvWriter::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestCsvWriter::field_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain") << u"Alice"_s << u"Alice"_s;
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("spaces kept, not quoted") << u" a b "_s << u" a b "_s;
    QTest::newRow("Chinese") << u"张伟"_s << u"张伟"_s;
    QTest::newRow("comma") << u"Smith, John"_s << u"\"Smith, John\""_s;
    QTest::newRow("quote") << u"say \"hi\""_s << u"\"say \"\"hi\"\"\""_s;
    QTest::newRow("LF") << u"a\nb"_s << u"\"a\nb\""_s;
    QTest::newRow("CR") << u"a\rb"_s << u"\"a\rb\""_s;
    QTest::newRow("only a quote") << u"\""_s << u"\"\"\"\""_s;
}

void TestCsvWriter::field()
{
    QFETCH(QString, value);
    QFETCH(QString, expected);
    QCOMPARE(CsvWriter::field(value), expected);
}

void TestCsvWriter::bytes()
{
    const QByteArray expected = "\xEF\xBB\xBF"_ba
        + u"客户,Amount (CNY),Note\r\n"
          u"\"华东, \"\"Partners\"\"\",1234567.89,\r\n"
          u"\"two\r\nlines\",-0.125,ok\r\n"_s.toUtf8();
    QCOMPARE(CsvWriter::toBytes(sample()), expected);
}

void TestCsvWriter::withoutByteOrderMark()
{
    const QByteArray bytes = CsvWriter::toBytes(sample(), CsvOptions{.byteOrderMark = false});
    QVERIFY(bytes.startsWith(u"客户,"_s.toUtf8()));
}

void TestCsvWriter::textIsNeverAFormula()
{
    TableSheet sheet;
    sheet.headers = {QStringLiteral("name"), QStringLiteral("amount")};
    sheet.rows = {{TableCell::text(QStringLiteral("=HYPERLINK(\"http://x\")")), TableCell::number(QStringLiteral("-12.50"))},
                  {TableCell::text(QStringLiteral("@SUM(A1)")), TableCell::number(QStringLiteral("3"))},
                  {TableCell::text(QStringLiteral("-5 discount")), TableCell::text(QStringLiteral("Zhang+Li"))}};
    const QString text = QString::fromUtf8(CsvWriter::toBytes(sheet, CsvOptions{false}));
    QCOMPARE(text, QStringLiteral("name,amount\r\n\"'=HYPERLINK(\"\"http://x\"\")\",-12.50\r\n'@SUM(A1),3\r\n"
                                  "'-5 discount,Zhang+Li\r\n"));
}

void TestCsvWriter::padsShortRows()
{
    TableSheet sheet;
    sheet.headers = {u"a"_s};
    sheet.rows = {{TableCell::text(u"1"_s)}, {TableCell::text(u"2"_s), TableCell::number(u"3"_s)}, {}};
    QCOMPARE(CsvWriter::toBytes(sheet, {.byteOrderMark = false}), "a,\r\n1,\r\n2,3\r\n,\r\n"_ba);
}

void TestCsvWriter::singleEmptyColumnIsNotABlankLine()
{
    TableSheet sheet;
    sheet.headers = {u"note"_s};
    sheet.rows = {{TableCell::empty()}, {TableCell::text(u"x"_s)}};
    QCOMPARE(CsvWriter::toBytes(sheet, {.byteOrderMark = false}), "note\r\n\"\"\r\nx\r\n"_ba);
}

void TestCsvWriter::roundTripsThroughCsvReader()
{
    const QString path = m_dir->filePath(u"预测.csv"_s);
    const Status written = CsvWriter::write(path, sample());
    QVERIFY2(written.ok(), qPrintable(written.error().message));

    CsvReader reader(path);
    const Status opened = reader.open();
    QVERIFY2(opened.ok(), qPrintable(opened.error().message));
    QCOMPARE(reader.header(), sample().headers);
    QList<QStringList> records;
    CsvRecord record;
    QString problem;
    while (reader.next(record, &problem)) {
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        records << record.fields;
    }
    QCOMPARE(records, (QList<QStringList>{{u"华东, \"Partners\""_s, u"1234567.89"_s, QString()},
                                          {u"two\r\nlines"_s, u"-0.125"_s, u"ok"_s}}));
}

void TestCsvWriter::replacesAnExistingFile()
{
    const QString path = m_dir->filePath(u"out.csv"_s);
    QFile old(path);
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write(QByteArray(4096, 'x'));
    old.close();

    QVERIFY(CsvWriter::write(path, sample()).ok());
    QCOMPARE(readFile(path), CsvWriter::toBytes(sample()));
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files), QStringList{u"out.csv"_s});
}

void TestCsvWriter::writeFails_data()
{
    QTest::addColumn<QString>("relativePath");

    QTest::newRow("folder does not exist") << u"missing/out.csv"_s;
    QTest::newRow("parent is a file") << u"plain.txt/out.csv"_s;
    QTest::newRow("path is a folder") << u"folder"_s;
}

void TestCsvWriter::writeFails()
{
    QFETCH(QString, relativePath);
    QVERIFY(QDir(m_dir->path()).mkdir(u"folder"_s));
    QFile plain(m_dir->filePath(u"plain.txt"_s));
    QVERIFY(plain.open(QIODevice::WriteOnly));
    plain.close();
    const QStringList before = QDir(m_dir->path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);

    const QString path = m_dir->filePath(relativePath);
    const Status written = CsvWriter::write(path, sample());
    QVERIFY(!written.ok());
    QCOMPARE(written.error().code, ErrorCode::Io);
    QVERIFY2(written.error().message.contains(QDir::toNativeSeparators(path)), qPrintable(written.error().message));
    QVERIFY(!written.error().detail.isEmpty());
    // Nothing left behind: no partial file, no temporary file.
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), before);
    QCOMPARE(QDir(m_dir->filePath(u"folder"_s)).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList());
}

void TestCsvWriter::readOnlyDirectory()
{
    const QString dir = m_dir->filePath(u"locked"_s);
    QVERIFY(QDir().mkdir(dir));
    const QString path = dir + u"/out.csv"_s;
    QFile old(path);
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("previous export");
    old.close();
    QVERIFY(QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    const auto restore = qScopeGuard([&] {
        QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    });
    QFile probe(dir + u"/probe"_s);
    if (probe.open(QIODevice::WriteOnly)) {
        probe.remove();
        QSKIP("this user can write into a read-only folder (root)");
    }

    const Status written = CsvWriter::write(path, sample());
    QVERIFY(!written.ok());
    QVERIFY2(written.error().message.contains(QDir::toNativeSeparators(path)), qPrintable(written.error().message));
    QCOMPARE(readFile(path), "previous export"_ba); // the earlier export is untouched
    QCOMPARE(QDir(dir).entryList(QDir::Files | QDir::Hidden), QStringList{u"out.csv"_s});
}

} // namespace vantage::core

QTEST_GUILESS_MAIN(vantage::core::TestCsvWriter)
#include "tst_csvwriter.moc"
