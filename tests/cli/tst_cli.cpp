// vantage-cli and vantage as processes: exit codes, messages on stderr, files they write, and
// --help/--version of the desktop app on a machine without a display.
#include "sqlhelpers.h"
#include "testsupport.h"

#include "analytics/funnelalertrules.h"
#include "storage/riskrepository.h"

#include <QDir>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using vantage::test::scalar;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QString &program, const QStringList &arguments, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(program, arguments);
    if (!process.waitForFinished(120000))
        qFatal("%s did not finish", qPrintable(program));
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

Run cli(const QStringList &arguments)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.remove(QStringLiteral("LANGUAGE"));
    return run(QStringLiteral(VANTAGE_CLI_PATH), arguments, env);
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void versionAndHelp();
    void wrongUsageExitsWithTwo_data();
    void wrongUsageExitsWithTwo();
    void demoBuildsTheDatabase();
    void importReportsBadRowsAndStrictFails();
    void damagedFileIsRefused();
    void desktopAppAnswersWithoutDisplay();
    void helpIsTranslated();
    void forecastWritesCsvAndReportsBadSeries();
    void forecastDefaultMethodOnTheGoldenSeries();
    void backtestPrintsATableRowPerMethod();
    void riskWritesTheTopTenPerRegion();
    void riskBacktestPrintsTheBaselines();
    void funnelAlertsPrintOneSentenceEach();
    void funnelAlertsFollowTheStoredRulesAndMutes();

private:
    QTemporaryDir m_dir;
};

void TestCli::versionAndHelp()
{
    const Run version = cli({QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.contains(QStringLiteral(VANTAGE_VERSION_STRING)));
    const Run help = cli({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    for (const char *word : {"demo", "import", "info", "migrate", "--db", "--as-of"})
        QVERIFY2(help.out.contains(QLatin1String(word)), word);
}

void TestCli::wrongUsageExitsWithTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("no command") << QStringList{} << "Usage";
    QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << "unknown command \"frobnicate\"";
    QTest::newRow("demo without --db") << QStringList{QStringLiteral("demo")} << "--db FILE is required";
    QTest::newRow("bad date") << QStringList{QStringLiteral("demo"), QStringLiteral("--db"), QStringLiteral("x.sqlite"),
                                             QStringLiteral("--as-of"), QStringLiteral("2026-02-30")} << "YYYY-MM-DD";
    QTest::newRow("import without folder") << QStringList{QStringLiteral("import"), QStringLiteral("--db"),
                                                          QStringLiteral("x.sqlite"), QStringLiteral("--source"),
                                                          QStringLiteral("/no/such/dir")} << "--source DIR";
    QTest::newRow("forecast without --output") << QStringList{QStringLiteral("forecast"), QStringLiteral("--input"),
                                                              QStringLiteral("x.csv"), QStringLiteral("--horizon"),
                                                              QStringLiteral("4"), QStringLiteral("--period"),
                                                              QStringLiteral("4")} << "--output FILE is required";
    QTest::newRow("forecast with two methods") << QStringList{QStringLiteral("forecast"), QStringLiteral("--input"),
                                                              QStringLiteral("x.csv"), QStringLiteral("--output"),
                                                              QStringLiteral("y.csv"), QStringLiteral("--horizon"),
                                                              QStringLiteral("4"), QStringLiteral("--period"),
                                                              QStringLiteral("4"), QStringLiteral("--method"),
                                                              QStringLiteral("ets,theta")} << "--method must be one of";
    QTest::newRow("backtest with an unknown method") << QStringList{QStringLiteral("backtest"), QStringLiteral("--input"),
                                                                    QStringLiteral("x.csv"), QStringLiteral("--horizon"),
                                                                    QStringLiteral("4"), QStringLiteral("--period"),
                                                                    QStringLiteral("4"), QStringLiteral("--method"),
                                                                    QStringLiteral("theta,arima")} << "--method must be one of";
    QTest::newRow("risk without --as-of") << QStringList{QStringLiteral("risk"), QStringLiteral("--db"),
                                                         QStringLiteral("x.sqlite"), QStringLiteral("--output"),
                                                         QStringLiteral("y.csv")} << "risk needs --db FILE --as-of";
    QTest::newRow("backtest with horizon 0") << QStringList{QStringLiteral("backtest"), QStringLiteral("--input"),
                                                            QStringLiteral("x.csv"), QStringLiteral("--horizon"),
                                                            QStringLiteral("0"), QStringLiteral("--period"),
                                                            QStringLiteral("4")} << "--horizon needs a whole number";
}

void TestCli::wrongUsageExitsWithTwo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Run r = cli(arguments);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
}

void TestCli::demoBuildsTheDatabase()
{
    const QString db = m_dir.filePath(QStringLiteral("cli-demo.sqlite"));
    const Run r = cli({QStringLiteral("demo"), QStringLiteral("--db"), db, QStringLiteral("--as-of"), QStringLiteral("2026-11-28")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("wrote order_line: 9994 rows")), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("rows skipped: 0")));
    const Run info = cli({QStringLiteral("info"), QStringLiteral("--db"), db});
    QCOMPARE(info.exitCode, 0);
    QVERIFY(info.out.contains(QStringLiteral("database_kind\tdemo")));
    QVERIFY(info.out.contains(QStringLiteral("data_as_of\t2026-11-28")));
    QVERIFY(info.out.contains(QStringLiteral("opportunity\t8800")));
}

void TestCli::importReportsBadRowsAndStrictFails()
{
    const QString sources = m_dir.filePath(QStringLiteral("sources"));
    QDir().mkpath(sources);
    const QDir demo(vantage::test::sourceDataDir());
    QVERIFY(QFile::copy(demo.filePath(QStringLiteral("superstore.csv")), QDir(sources).filePath(QStringLiteral("superstore.csv"))));
    for (const char *name : {"sales_teams.csv", "accounts.csv", "products.csv", "sales_pipeline.csv"})
        QVERIFY(QFile::copy(demo.filePath(QStringLiteral("crm/") + QLatin1String(name)), QDir(sources).filePath(QLatin1String(name))));
    QFile pipeline(QDir(sources).filePath(QStringLiteral("sales_pipeline.csv")));
    pipeline.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    QVERIFY(pipeline.open(QIODevice::Append));
    pipeline.write("BAD00001,Moses Frase,GTX Basic,Cancity,Won,2017-01-01,2017-02-01,lots\r\n");
    pipeline.close();

    const QString lenient = m_dir.filePath(QStringLiteral("lenient.sqlite"));
    const Run ok = cli({QStringLiteral("import"), QStringLiteral("--db"), lenient, QStringLiteral("--source"), sources,
                        QStringLiteral("--as-of"), QStringLiteral("2026-11-28")});
    QCOMPARE(ok.exitCode, 0);
    QVERIFY2(ok.err.contains(QStringLiteral("sales_pipeline.csv, line 8802, column \"close_value\"")), qPrintable(ok.err));
    QVERIFY(ok.out.contains(QStringLiteral("rows skipped: 1")));

    const QString strict = m_dir.filePath(QStringLiteral("strict.sqlite"));
    const Run failed = cli({QStringLiteral("import"), QStringLiteral("--db"), strict, QStringLiteral("--source"), sources,
                            QStringLiteral("--strict"), QStringLiteral("--as-of"), QStringLiteral("2026-11-28")});
    QCOMPARE(failed.exitCode, 3);
}

void TestCli::damagedFileIsRefused()
{
    const QString path = m_dir.filePath(QStringLiteral("damaged.sqlite"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(8192, 'x'));
    file.close();
    const QByteArray before = vantage::test::fileSha256(path);
    const Run r = cli({QStringLiteral("migrate"), QStringLiteral("--db"), path});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("damaged")) && r.err.contains(path), qPrintable(r.err));
    QCOMPARE(vantage::test::fileSha256(path), before);
    const QStringList backups = QDir(m_dir.path()).entryList({QStringLiteral("damaged.sqlite.damaged-*.bak")});
    QCOMPARE(backups.size(), 1);
    QCOMPARE(vantage::test::fileSha256(m_dir.filePath(backups.first())), before);
    // A second attempt on the unchanged file does not pile up copies.
    QCOMPARE(cli({QStringLiteral("migrate"), QStringLiteral("--db"), path}).exitCode, 1);
    QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("damaged.sqlite.damaged-*.bak")}).size(), 1);

    // A mistyped path is reported and not created.
    const QString typo = m_dir.filePath(QStringLiteral("typo.sqlite"));
    const Run missing = cli({QStringLiteral("migrate"), QStringLiteral("--db"), typo});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.err.contains(QStringLiteral("does not exist")), qPrintable(missing.err));
    QVERIFY(!QFileInfo::exists(typo));
}

void TestCli::desktopAppAnswersWithoutDisplay()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    const Run version = run(QStringLiteral(VANTAGE_APP_PATH), {QStringLiteral("--version")}, env);
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.contains(QStringLiteral("vantage %1").arg(QStringLiteral(VANTAGE_VERSION_STRING))));
    const Run help = run(QStringLiteral(VANTAGE_APP_PATH), {QStringLiteral("--help")}, env);
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains(QStringLiteral("--db")));
    QVERIFY(help.out.contains(QStringLiteral("--lang")));
}

void TestCli::helpIsTranslated()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LANG"), QStringLiteral("zh_CN.UTF-8"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("zh_CN.UTF-8"));
    env.remove(QStringLiteral("DISPLAY"));
    const Run help = run(QStringLiteral(VANTAGE_APP_PATH), {QStringLiteral("--help")}, env);
    QCOMPARE(help.exitCode, 0);
    QVERIFY2(help.out.contains(QStringLiteral("打开此数据库文件")), qPrintable(help.out));
}

namespace {

// Two good quarterly series and, between them, one with a missing value on line 8.
QString writeSeriesInput(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("series.csv"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    QByteArray content = "series_id,t,value\n";
    for (int t = 1; t <= 12; ++t)
        content += "A," + QByteArray::number(t) + ',' + QByteArray::number(100 + 10 * (t % 4) + t) + '\n';
    content += "B,1,5\nB,2,6\nB,3,\nB,4,8\n";  // lines 14-17: the value for t = 3 is missing
    for (int t = 12; t >= 1; --t)  // t in any order
        content += "C," + QByteArray::number(t) + ',' + QByteArray::number(50 + (t % 4 == 1 ? 20 : 0)) + '\n';
    file.write(content);
    return path;
}

} // namespace

// forecast: header, H rows per good series, the bad one on stderr with its line, exit code 3.
void TestCli::forecastWritesCsvAndReportsBadSeries()
{
    const QString input = writeSeriesInput(m_dir);
    const QString output = m_dir.filePath(QStringLiteral("forecast.csv"));
    const Run r = cli({QStringLiteral("forecast"), QStringLiteral("--input"), input, QStringLiteral("--output"), output,
                       QStringLiteral("--horizon"), QStringLiteral("5"), QStringLiteral("--period"), QStringLiteral("4"),
                       QStringLiteral("--method"), QStringLiteral("snaive")});
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains(QStringLiteral("series B, line 16: the value for t = 3 is missing")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("2 series forecast, 1 left out")), qPrintable(r.err));
    QFile file(output);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1 + 2 * 5);
    QCOMPARE(lines.first(), QStringLiteral("series_id,h,forecast,lo80,hi80,lo95,hi95"));
    // Seasonal naive repeats the last cycle: A's t = 9..12 are 119, 130, 141, 112; C's 70, 50, 50, 50.
    const double expectedA[] = {119, 130, 141, 112, 119};
    const double expectedC[] = {70, 50, 50, 50, 70};
    for (int h = 1; h <= 5; ++h) {
        const QStringList a = lines[h].split(u',');
        const QStringList c = lines[5 + h].split(u',');
        QCOMPARE(a.size(), 7);
        QCOMPARE(a[0], QStringLiteral("A"));
        QCOMPARE(a[1].toInt(), h);
        QCOMPARE(a[2].toDouble(), expectedA[h - 1]);
        QVERIFY(a[5].toDouble() < a[3].toDouble() && a[3].toDouble() < a[2].toDouble());
        QVERIFY(a[2].toDouble() < a[4].toDouble() && a[4].toDouble() < a[6].toDouble());
        QCOMPARE(c[0], QStringLiteral("C"));
        QCOMPARE(c[2].toDouble(), expectedC[h - 1]);
        // C repeats exactly: no error, no band
        QCOMPARE(c[6].toDouble(), expectedC[h - 1]);
    }
}

// The default method (auto) on R's golden series: every series forecast, exit code 0.
void TestCli::forecastDefaultMethodOnTheGoldenSeries()
{
    const QString input = QDir(qEnvironmentVariable("VANTAGE_SOURCE_DIR")).filePath(QStringLiteral("tests/golden/forecast/series.csv"));
    const QString output = m_dir.filePath(QStringLiteral("golden-forecast.csv"));
    const Run r = cli({QStringLiteral("forecast"), QStringLiteral("--input"), input, QStringLiteral("--output"), output,
                       QStringLiteral("--horizon"), QStringLiteral("6"), QStringLiteral("--period"), QStringLiteral("12")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QFile file(output);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1 + 7 * 6);
    QSet<QString> ids;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringList fields = lines[i].split(u',');
        QCOMPARE(fields.size(), 7);
        for (qsizetype f = 2; f < 7; ++f)
            QVERIFY2(!fields[f].isEmpty(), qPrintable(lines[i]));
        ids.insert(fields[0]);
    }
    QCOMPARE(ids.size(), 7);
    QVERIFY(ids.contains(QStringLiteral("INTERMITTENT1")));
}

// backtest: a Markdown table with one row per method, in the order given.
void TestCli::backtestPrintsATableRowPerMethod()
{
    const QString input = writeSeriesInput(m_dir);
    const Run r = cli({QStringLiteral("backtest"), QStringLiteral("--input"), input, QStringLiteral("--horizon"),
                       QStringLiteral("4"), QStringLiteral("--period"), QStringLiteral("4"), QStringLiteral("--method"),
                       QStringLiteral("snaive,theta,croston"), QStringLiteral("--origins"), QStringLiteral("2")});
    QCOMPARE(r.exitCode, 3);  // the bad series
    QVERIFY2(r.err.contains(QStringLiteral("series B, line 16")), qPrintable(r.err));
    const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2 + 3);
    QVERIFY2(lines[0].startsWith(QStringLiteral("| method | series | scored | sMAPE | MASE |")), qPrintable(lines[0]));
    QCOMPARE(lines[1], QStringLiteral("|---|---|---|---|---|---|---|---|---|---|"));
    const QStringList methods{QStringLiteral("snaive"), QStringLiteral("theta"), QStringLiteral("croston")};
    for (int i = 0; i < 3; ++i) {
        const QStringList cells = lines[2 + i].split(u'|');
        QCOMPARE(cells.size(), 12);  // empty text before the first and after the last bar
        QCOMPARE(cells[1].trimmed(), methods[i]);
        QCOMPARE(cells[2].trimmed(), QStringLiteral("2"));  // series read
        QCOMPARE(cells[3].trimmed(), QStringLiteral("2"));  // series scored
        bool ok = false;
        const double smape = cells[4].trimmed().toDouble(&ok);
        QVERIFY2(ok && smape >= 0.0, qPrintable(lines[2 + i]));
    }
}

void TestCli::riskWritesTheTopTenPerRegion()
{
    const QString db = vantage::test::sharedDemoDatabase();
    const QString output = m_dir.filePath(QStringLiteral("risk.csv"));
    const Run all = cli({QStringLiteral("risk"), QStringLiteral("--db"), db, QStringLiteral("--as-of"),
                         QStringLiteral("2026-11-23"), QStringLiteral("--output"), output});
    QCOMPARE(all.exitCode, 0);
    QVERIFY2(all.err.contains(QStringLiteral("open deals scored, 37 listed")), qPrintable(all.err));
    QFile file(output);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1 + 37);  // ten each for Central, East, West; South's seven open orders
    QVERIFY2(lines.first().endsWith(QStringLiteral("Risk,Change,Reason 1,Reason 2,Reason 3,Next action")),
             qPrintable(lines.first()));
    QVERIFY2(lines[1].startsWith(QStringLiteral("1,Central,")), qPrintable(lines[1]));
    file.close();

    const Run east = cli({QStringLiteral("risk"), QStringLiteral("--db"), db, QStringLiteral("--as-of"),
                          QStringLiteral("2026-11-23"), QStringLiteral("--region"), QStringLiteral("east"),
                          QStringLiteral("--output"), output});
    QCOMPARE(east.exitCode, 0);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList eastLines = QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(eastLines.size(), 1 + 10);
    for (int i = 1; i < eastLines.size(); ++i)
        QVERIFY2(eastLines[i].startsWith(QStringLiteral("%1,East,").arg(i)), qPrintable(eastLines[i]));

    const Run unknown = cli({QStringLiteral("risk"), QStringLiteral("--db"), db, QStringLiteral("--as-of"),
                             QStringLiteral("2026-11-23"), QStringLiteral("--region"), QStringLiteral("Mars"),
                             QStringLiteral("--output"), output});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY2(unknown.err.contains(QStringLiteral("no region \"Mars\"; regions: central, east, south, west")),
             qPrintable(unknown.err));
}

void TestCli::riskBacktestPrintsTheBaselines()
{
    const Run r = cli({QStringLiteral("risk-backtest"), QStringLiteral("--db"), vantage::test::sharedDemoDatabase(),
                       QStringLiteral("--from"), QStringLiteral("2026-09-07"), QStringLiteral("--to"),
                       QStringLiteral("2026-10-26")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("Mondays: 8 (2026-09-07 … 2026-10-26), region lists: 32")), qPrintable(r.out));
    for (const char *name : {"Vantage risk model", "Rule prior alone", "Plain logistic model", "Oldest in stage first",
                             "Largest amount first", "Base rate"})
        QVERIFY2(r.out.contains(QLatin1String("| ") + QLatin1String(name)), name);
    // Another process gives the same table: nothing depends on a per-process hash seed.
    const Run again = cli({QStringLiteral("risk-backtest"), QStringLiteral("--db"), vantage::test::sharedDemoDatabase(),
                           QStringLiteral("--from"), QStringLiteral("2026-09-07"), QStringLiteral("--to"),
                           QStringLiteral("2026-10-26")});
    const auto table = [](const QString &out) { return out.left(out.indexOf(QStringLiteral("seconds:"))); };
    QCOMPARE(table(again.out), table(r.out));
}

void TestCli::funnelAlertsPrintOneSentenceEach()
{
    const Run r = cli({QStringLiteral("funnel-alerts"), QStringLiteral("--db"), vantage::test::sharedDemoDatabase(),
                       QStringLiteral("--as-of"), QStringLiteral("2026-07-27")});
    QCOMPARE(r.exitCode, 0);
    const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    QVERIFY2(r.err.contains(QStringLiteral("%1 funnel alerts for the weeks before 2026-07-27").arg(lines.size())), qPrintable(r.err));
    for (const QString &line : lines)
        QVERIFY2(line.contains(QStringLiteral("(z = ")) && line.contains(QStringLiteral("Engaging")), qPrintable(line));
    const Run east = cli({QStringLiteral("funnel-alerts"), QStringLiteral("--db"), vantage::test::sharedDemoDatabase(),
                          QStringLiteral("--as-of"), QStringLiteral("2026-07-27"), QStringLiteral("--region"), QStringLiteral("east")});
    QCOMPARE(east.exitCode, 0);
    for (const QString &line : east.out.split(u'\n', Qt::SkipEmptyParts))
        QVERIFY2(line.contains(QStringLiteral("East")), qPrintable(line));
}

// A company rule (any change, 3 sigma, against the weeks just before) raises its alerts under its
// name — more than the built-in rule, which compares with earlier quarters; a mute hides one
// (--all shows it), an acknowledgement is marked; a disabled rule raises nothing.
void TestCli::funnelAlertsFollowTheStoredRulesAndMutes()
{
    const QStringList arguments{QStringLiteral("funnel-alerts"), QStringLiteral("--db"),
                                vantage::test::copyOfDemoDatabase(m_dir, QStringLiteral("rules.sqlite")),
                                QStringLiteral("--as-of"), QStringLiteral("2026-07-27")};
    const Run quarters = cli(arguments);
    QCOMPARE(quarters.exitCode, 0);
    const int seasonal = int(quarters.out.split(u'\n', Qt::SkipEmptyParts).size());
    vantage::core::ScopedConnection c(arguments[2], QStringLiteral("rules"), vantage::core::ConnectionMode::ReadWrite);
    const vantage::core::Sql sql(c.database());
    QVERIFY(sql.exec(QStringLiteral("INSERT INTO funnel_alert_rule (id, updated_at, name, metric, sigma_centi, minimum_deals, "
                                    "recent_weeks, baseline_weeks, seasonal_quarters, recipients, enabled) "
                                    "VALUES ('r1', 1, 'Company rule', 'any', 300, 10, 2, 12, 0, '', 1)")).ok());
    const Run ruled = cli(arguments);
    QCOMPARE(ruled.exitCode, 0);
    const QStringList lines = ruled.out.split(u'\n', Qt::SkipEmptyParts);
    const int builtIn = int(lines.size());  // the trailing rule's count, used below
    QVERIFY(builtIn >= 2);
    QVERIFY2(seasonal < builtIn, qPrintable(QStringLiteral("%1 vs %2").arg(seasonal).arg(builtIn)));
    for (const QString &line : lines)
        QVERIFY2(line.endsWith(QStringLiteral(" (rule: Company rule)")), qPrintable(line));

    auto history = vantage::core::RiskRepository(c.database()).load();
    QVERIFY(history);
    vantage::core::FunnelAlertRule rule;
    rule.seasonalQuarters = 0;
    const auto alerts = vantage::core::raiseFunnelAlerts(history.value(), QDate(2026, 7, 27), {rule});
    QCOMPARE(int(alerts.size()), builtIn);
    QVERIFY(sql.exec(QStringLiteral("INSERT INTO funnel_alert_state (id, updated_at, alert_key, status, muted_until) "
                                    "VALUES ('s1', 1, ?, 'muted', '2026-07-27'), ('s2', 1, ?, 'acknowledged', NULL)"),
                     {alerts[0].key, alerts[1].key}).ok());
    const Run muted = cli(arguments);
    QCOMPARE(muted.out.split(u'\n', Qt::SkipEmptyParts).size(), builtIn - 1);
    QVERIFY2(muted.err.contains(QStringLiteral("%1 funnel alerts for the weeks before 2026-07-27; 1 muted (--all shows them)")
                                    .arg(builtIn - 1)), qPrintable(muted.err));
    QVERIFY2(muted.out.startsWith(QStringLiteral("[acknowledged] ")), qPrintable(muted.out));
    const Run all = cli(arguments + QStringList{QStringLiteral("--all")});
    QCOMPARE(all.out.split(u'\n', Qt::SkipEmptyParts).size(), builtIn);
    QVERIFY2(all.out.startsWith(QStringLiteral("[muted] ")), qPrintable(all.out));
    // A mute whose last day was the day before is over.
    QVERIFY(sql.exec(QStringLiteral("UPDATE funnel_alert_state SET muted_until = '2026-07-26' WHERE id = 's1'")).ok());
    QCOMPARE(cli(arguments).out.split(u'\n', Qt::SkipEmptyParts).size(), builtIn);

    QVERIFY(sql.exec(QStringLiteral("UPDATE funnel_alert_rule SET enabled = 0")).ok());
    const Run disabled = cli(arguments);
    QCOMPARE(disabled.exitCode, 0);
    QCOMPARE(disabled.out, QString());
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
