// vantage-cli and vantage as processes: exit codes, messages on stderr, files they write, and
// --help/--version of the desktop app on a machine without a display.
#include "sqlhelpers.h"
#include "testsupport.h"

#include <QDir>
#include <QProcess>
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

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
