// readSeriesFile: the long series_id,t,value layout, and every kind of bad input reported with
// the series and the line while the other series are still read.
#include "forecastgolden.h"

#include "analytics/seriesfile.h"

#include <QTemporaryDir>
#include <QTest>

using namespace vantage::core;

namespace {

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

const SeriesInput *find(const SeriesFile &file, const QString &id)
{
    for (const SeriesInput &series : file.series)
        if (series.id == id)
            return &series;
    return nullptr;
}

} // namespace

class TestSeriesFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsSeveralSeries();
    void readsTheGoldenSeries();
    void badSeriesIsReported_data();
    void badSeriesIsReported();
    void missingColumnFailsTheFile();
    void missingFileFails();

private:
    QTemporaryDir m_dir;
};

// Series interleaved, t out of order, extra columns and spaces ignored, CRLF line ends.
void TestSeriesFile::readsSeveralSeries()
{
    const QString path = writeFile(m_dir, QStringLiteral("good.csv"),
                                   "category,series_id,t,value\r\n"
                                   "MICRO,N1,2,20.5\r\n"
                                   "MICRO,N1,1,10\r\n"
                                   "MACRO,N2,1, -3\r\n"
                                   "MICRO,N1,3,1e3\r\n"
                                   "MACRO,N2,2,4.25\r\n"
                                   "OTHER,\"N,3\",1,7\r\n");
    const auto read = readSeriesFile(path);
    QVERIFY(read);
    const SeriesFile &file = read.value();
    QVERIFY(file.problems.empty());
    QCOMPARE(file.series.size(), std::size_t(3));
    QCOMPARE(file.series[0].id, QStringLiteral("N1"));  // in order of first appearance
    QCOMPARE(file.series[0].values, (std::vector<double>{10, 20.5, 1000}));
    QCOMPARE(file.series[0].firstLine, qint64(2));
    QCOMPARE(file.series[1].id, QStringLiteral("N2"));
    QCOMPARE(file.series[1].values, (std::vector<double>{-3, 4.25}));
    QCOMPARE(file.series[1].firstLine, qint64(4));
    QCOMPARE(file.series[2].id, QStringLiteral("N,3"));
    QCOMPARE(file.series[2].values, (std::vector<double>{7}));
}

// The golden series file is in the same layout (with a period column).
void TestSeriesFile::readsTheGoldenSeries()
{
    const auto read = readSeriesFile(vantage::test::goldenForecastPath(QStringLiteral("series.csv")));
    QVERIFY(read);
    QVERIFY(read.value().problems.empty());
    const std::vector<vantage::test::GoldenSeries> golden = vantage::test::goldenSeries();
    QCOMPARE(read.value().series.size(), golden.size());
    for (std::size_t i = 0; i < golden.size(); ++i) {
        QCOMPARE(read.value().series[i].id, golden[i].id);
        QCOMPARE(read.value().series[i].values, golden[i].values);
    }
}

void TestSeriesFile::badSeriesIsReported_data()
{
    QTest::addColumn<QByteArray>("badLines");  // lines 4.. of the file, for series BAD
    QTest::addColumn<qint64>("line");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing value") << QByteArray("BAD,1,5\nBAD,2,\nBAD,3,7\n") << qint64(5)
                                   << QStringLiteral("the value for t = 2 is missing");
    QTest::newRow("text in value") << QByteArray("BAD,1,5\nBAD,2,7\nBAD,3,n/a\n") << qint64(6)
                                   << QStringLiteral("the value \"n/a\" for t = 3 is not a number");
    QTest::newRow("decimal comma") << QByteArray("BAD,1,\"5,5\"\n") << qint64(4)
                                   << QStringLiteral("the value \"5,5\" for t = 1 is not a number");
    QTest::newRow("repeated t") << QByteArray("BAD,1,5\nBAD,2,6\nBAD,1,7\n") << qint64(6)
                                << QStringLiteral("t = 1 appears twice");
    QTest::newRow("t not a number") << QByteArray("BAD,1,5\nBAD,two,6\n") << qint64(5)
                                    << QStringLiteral("t \"two\" is not a whole number from 1 up");
    QTest::newRow("t zero") << QByteArray("BAD,0,5\n") << qint64(4)
                            << QStringLiteral("t \"0\" is not a whole number from 1 up");
    // A gap has no line of its own: the series' first line is named.
    QTest::newRow("gap in t") << QByteArray("BAD,1,5\nBAD,2,6\nBAD,4,8\n") << qint64(4)
                              << QStringLiteral("the value for t = 3 is missing");
    QTest::newRow("starts at 2") << QByteArray("BAD,2,6\nBAD,3,8\n") << qint64(4)
                                 << QStringLiteral("the value for t = 1 is missing");
}

// Between two good series, one bad one: reported with its id and line, left out; the others read.
void TestSeriesFile::badSeriesIsReported()
{
    QFETCH(QByteArray, badLines);
    QFETCH(qint64, line);
    QFETCH(QString, message);
    const QByteArray content = QByteArray("series_id,t,value\nA,1,1\nA,2,2\n") + badLines + "Z,1,9\nZ,2,8\nA,3,3\n";
    const auto read = readSeriesFile(writeFile(m_dir, QStringLiteral("bad.csv"), content));
    QVERIFY(read);
    const SeriesFile &file = read.value();
    QCOMPARE(file.problems.size(), std::size_t(1));
    const SeriesProblem &problem = file.problems.front();
    QCOMPARE(problem.seriesId, QStringLiteral("BAD"));
    QCOMPARE(problem.line, line);
    QCOMPARE(problem.message, message);
    QCOMPARE(problem.toString(), QStringLiteral("series BAD, line %1: %2").arg(line).arg(message));
    QCOMPARE(file.series.size(), std::size_t(2));
    QVERIFY(!find(file, QStringLiteral("BAD")));
    QVERIFY(find(file, QStringLiteral("A")));
    QCOMPARE(find(file, QStringLiteral("A"))->values, (std::vector<double>{1, 2, 3}));
    QCOMPARE(find(file, QStringLiteral("Z"))->values, (std::vector<double>{9, 8}));
}

void TestSeriesFile::missingColumnFailsTheFile()
{
    const QString path = writeFile(m_dir, QStringLiteral("nocolumn.csv"), "series_id,period,value\nA,12,1\n");
    const auto read = readSeriesFile(path);
    QVERIFY(!read);
    QVERIFY2(read.error().message.contains(QStringLiteral("\"t\"")) && read.error().message.contains(QStringLiteral("nocolumn.csv")),
             qPrintable(read.error().message));
}

void TestSeriesFile::missingFileFails()
{
    const QString path = m_dir.filePath(QStringLiteral("absent.csv"));
    const auto read = readSeriesFile(path);
    QVERIFY(!read);
    QCOMPARE(read.error().code, ErrorCode::Io);
    QVERIFY2(read.error().message.contains(QStringLiteral("absent.csv")), qPrintable(read.error().message));
}

QTEST_GUILESS_MAIN(TestSeriesFile)
#include "tst_seriesfile.moc"
