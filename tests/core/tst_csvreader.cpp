#include "importing/csvreader.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(vantage::core::ErrorCode)

namespace vantage::core {
namespace {

// Everything next() returned, record by record.
struct ReadBack
{
    QList<qint64> lines;
    QList<QStringList> fields;
    QStringList problems;
};

ReadBack readAll(CsvReader &reader)
{
    ReadBack result;
    CsvRecord record;
    QString problem;
    while (reader.next(record, &problem)) {
        result.lines << record.line;
        result.fields << record.fields;
        result.problems << problem;
    }
    return result;
}

} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void reads_data();
    void reads();
    void missingColumn();
    void unclosedQuoteAtEnd();
    void textAfterClosingQuote();
    void openRejects_data();
    void openRejects();
    void missingFile();

private:
    QString write(const QByteArray &bytes, const QString &name = u"orders.csv"_s);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCsvReader::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString TestCsvReader::write(const QByteArray &bytes, const QString &name)
{
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestCsvReader::reads_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QStringList>("header");
    QTest::addColumn<QList<qint64>>("lines");
    QTest::addColumn<QList<QStringList>>("records");

    const QStringList idName{u"id"_s, u"name"_s};
    QTest::newRow("LF") << QByteArray("id,name\n1,Alice\n2,Bob\n") << idName << QList<qint64>{2, 3}
                        << QList<QStringList>{{u"1"_s, u"Alice"_s}, {u"2"_s, u"Bob"_s}};
    QTest::newRow("CRLF") << QByteArray("id,name\r\n1,Alice\r\n2,Bob\r\n") << idName << QList<qint64>{2, 3}
                          << QList<QStringList>{{u"1"_s, u"Alice"_s}, {u"2"_s, u"Bob"_s}};
    QTest::newRow("no final newline") << QByteArray("id,name\n1,Alice") << idName << QList<qint64>{2}
                                      << QList<QStringList>{{u"1"_s, u"Alice"_s}};
    QTest::newRow("quoted comma") << QByteArray("id,name\n1,\"Smith, John\"\n") << idName << QList<qint64>{2}
                                  << QList<QStringList>{{u"1"_s, u"Smith, John"_s}};
    QTest::newRow("doubled quotes") << QByteArray("id,name\n1,\"say \"\"hi\"\"\"\n") << idName << QList<qint64>{2}
                                    << QList<QStringList>{{u"1"_s, u"say \"hi\""_s}};
    QTest::newRow("empty fields") << QByteArray("id,name\n,\"\"\n") << idName << QList<qint64>{2}
                                  << QList<QStringList>{{QString(), QString()}};
    QTest::newRow("UTF-8 text") << QByteArray("id,name\n1,\xE5\xBC\xA0\xE4\xBC\x9F\n") << idName << QList<qint64>{2}
                                << QList<QStringList>{{u"1"_s, u"张伟"_s}};
    // The record with the quoted CRLF spans lines 2-3, so the next one starts on line 4.
    QTest::newRow("quoted CRLF") << QByteArray("id,name\r\n1,\"a\r\nb\"\r\n2,c\r\n") << idName
                                 << QList<qint64>{2, 4}
                                 << QList<QStringList>{{u"1"_s, u"a\r\nb"_s}, {u"2"_s, u"c"_s}};
    QTest::newRow("two quoted LFs") << QByteArray("id,name\n1,\"x\n\ny\"\n2,z\n") << idName << QList<qint64>{2, 5}
                                    << QList<QStringList>{{u"1"_s, u"x\n\ny"_s}, {u"2"_s, u"z"_s}};
    QTest::newRow("quoted newline in header") << QByteArray("\"id\nno\",name\n1,A\n")
                                              << QStringList{u"id\nno"_s, u"name"_s} << QList<qint64>{3}
                                              << QList<QStringList>{{u"1"_s, u"A"_s}};
    QTest::newRow("UTF-8 BOM") << QByteArray("\xEF\xBB\xBF" "id,name\n1,A\n") << idName << QList<qint64>{2}
                               << QList<QStringList>{{u"1"_s, u"A"_s}};
    QTest::newRow("header trimmed") << QByteArray(" id , name \n1, A \n") << idName << QList<qint64>{2}
                                    << QList<QStringList>{{u"1"_s, u" A "_s}};
    QTest::newRow("blank trailing lines") << QByteArray("id,name\n1,A\n\n\r\n\n") << idName << QList<qint64>{2}
                                          << QList<QStringList>{{u"1"_s, u"A"_s}};
    QTest::newRow("blank line inside") << QByteArray("id,name\n1,A\n\n2,B\n") << idName << QList<qint64>{2, 4}
                                       << QList<QStringList>{{u"1"_s, u"A"_s}, {u"2"_s, u"B"_s}};
    QTest::newRow("header only") << QByteArray("id,name\n") << idName << QList<qint64>{} << QList<QStringList>{};
}

void TestCsvReader::reads()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QStringList, header);
    QFETCH(QList<qint64>, lines);
    QFETCH(QList<QStringList>, records);

    CsvReader reader(write(bytes));
    const Status opened = reader.open();
    QVERIFY2(opened.ok(), qPrintable(opened.error().message));
    QCOMPARE(reader.header(), header);
    const ReadBack read = readAll(reader);
    QCOMPARE(read.fields, records);
    QCOMPARE(read.lines, lines);
    QCOMPARE(read.problems, QStringList(records.size(), QString()));
}

void TestCsvReader::missingColumn()
{
    CsvReader reader(write("id,name,amount\n1,A,2\n", u"sales_pipeline.csv"_s));
    QVERIFY(reader.open().ok());

    const auto found = reader.columnIndexes({u"amount"_s, u"id"_s});
    QVERIFY(found.ok());
    QCOMPARE(found.value().value(u"amount"_s, -1), 2);
    QCOMPARE(found.value().value(u"id"_s, -1), 0);

    const auto missing = reader.columnIndexes({u"id"_s, u"close_date"_s});
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, ErrorCode::InvalidInput);
    const QString message = missing.error().message;
    QVERIFY2(message.contains(u"sales_pipeline.csv"_s), qPrintable(message));
    QVERIFY2(message.contains(u"line 1"_s), qPrintable(message));
    QVERIFY2(message.contains(u"close_date"_s), qPrintable(message));
}

void TestCsvReader::unclosedQuoteAtEnd()
{
    CsvReader reader(write("id,name\n1,A\n2,\"open\n3,C\n"));
    QVERIFY(reader.open().ok());
    const ReadBack read = readAll(reader);
    QCOMPARE(read.lines, (QList<qint64>{2, 3}));
    QVERIFY(read.problems[0].isEmpty());
    QVERIFY2(read.problems[1].contains(u"not closed"_s), qPrintable(read.problems[1]));
}

void TestCsvReader::textAfterClosingQuote()
{
    CsvReader reader(write("id,name\n1,\"A\"x\n2,B\n"));
    QVERIFY(reader.open().ok());
    const ReadBack read = readAll(reader);
    // The malformed record is reported on its line and the reader carries on with the next one.
    QCOMPARE(read.lines, (QList<qint64>{2, 3}));
    QVERIFY2(read.problems[0].contains(u"after a closing quote"_s), qPrintable(read.problems[0]));
    QVERIFY(read.problems[1].isEmpty());
    QCOMPARE(read.fields[1], (QStringList{u"2"_s, u"B"_s}));
}

void TestCsvReader::openRejects_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("Latin-1 byte") << QByteArray("id,name\n1,Caf\xE9\n") << u"UTF-8"_s;
    QTest::newRow("UTF-16 BOM") << QByteArray("\xFF\xFEi\0d\0", 6) << u"UTF-8"_s;
    QTest::newRow("truncated sequence") << QByteArray("id,name\n1,\xE5\xBC") << u"UTF-8"_s;
    QTest::newRow("empty file") << QByteArray() << u"header"_s;
    QTest::newRow("BOM only") << QByteArray("\xEF\xBB\xBF") << u"header"_s;
}

void TestCsvReader::openRejects()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, messagePart);

    CsvReader reader(write(bytes, u"legacy.csv"_s));
    const Status opened = reader.open();
    QVERIFY(!opened.ok());
    QCOMPARE(opened.error().code, ErrorCode::InvalidInput);
    QVERIFY2(opened.error().message.contains(u"legacy.csv"_s), qPrintable(opened.error().message));
    QVERIFY2(opened.error().message.contains(messagePart), qPrintable(opened.error().message));
}

void TestCsvReader::missingFile()
{
    CsvReader reader(m_dir->filePath(u"absent.csv"_s));
    const Status opened = reader.open();
    QVERIFY(!opened.ok());
    QCOMPARE(opened.error().code, ErrorCode::Io);
    QVERIFY2(opened.error().message.contains(u"absent.csv"_s), qPrintable(opened.error().message));
}

} // namespace vantage::core

QTEST_GUILESS_MAIN(vantage::core::TestCsvReader)
#include "tst_csvreader.moc"
