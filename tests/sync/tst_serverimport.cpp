// vantage-server import demo | csv | database: a company's data loaded into an empty server, its
// users signing in with the password given on standard input, a director's laptop receiving every
// row; refusals (a server with data, a missing folder, a damaged or missing file) say what and where
// and change nothing.
#include "sqlhelpers.h"
#include "syncfixture.h"
#include "testsupport.h"

#include "importing/demodatabasebuilder.h"
#include "storage/connection.h"

using namespace vantage;
using test::ServerProcess;
using test::TestClient;

class TestServerImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void databaseFileReachesADirectorsLaptop();
    void csvFolderIsImported();
    void refusalsSayWhatAndWhere();
    void aVersion1ServerDatabaseIsMigrated();

private:
    qint64 sourceCount(const QString &table) const;

    QTemporaryDir m_dir;
    QString m_source;
};

void TestServerImport::initTestCase()
{
    VANTAGE_SKIP_WITHOUT_POSTGRES();
    QVERIFY(m_dir.isValid());
    m_source = m_dir.filePath(QStringLiteral("company.sqlite"));
    test::NoConnectionContext context;
    QVERIFY(core::DemoDatabaseBuilder(m_source, QDate(2026, 11, 28)).build(context).ok());
}

qint64 TestServerImport::sourceCount(const QString &table) const
{
    core::ScopedConnection source(m_source, QStringLiteral("import-test-source"), core::ConnectionMode::ReadOnly);
    return core::Sql(source.database()).scalar(QStringLiteral("SELECT count(*) FROM %1 WHERE deleted = 0").arg(table)).value().toLongLong();
}

void TestServerImport::databaseFileReachesADirectorsLaptop()
{
    ServerProcess server(test::newServerDatabase(m_dir));
    const QByteArray before = test::fileSha256(m_source);
    QString output;
    QCOMPARE(server.admin({QStringLiteral("import"), QStringLiteral("database"), m_source}, "import-password", &output), 0);
    QVERIFY2(output.contains(QStringLiteral("rows imported")), qPrintable(output));

    QString director;
    {
        core::ScopedConnection source(m_source, QStringLiteral("import-test-director"), core::ConnectionMode::ReadOnly);
        director = core::Sql(source.database()).scalar(QStringLiteral("SELECT login FROM app_user WHERE role = 'director' LIMIT 1")).value().toString();
    }
    QVERIFY(!director.isEmpty());
    QVERIFY(server.start());
    TestClient laptop(m_dir.filePath(QStringLiteral("director-laptop.sqlite")), server.url());
    QVERIFY(!laptop.engine().login(director, QStringLiteral("wrong"), QStringLiteral("test")).ok());
    QVERIFY(laptop.engine().login(director, QStringLiteral("import-password"), QStringLiteral("test")).ok());
    auto synced = laptop.sync();
    QVERIFY2(synced.ok(), qPrintable(synced.ok() ? QString() : synced.error().message));
    for (const QString &table : {QStringLiteral("region"), QStringLiteral("account"), QStringLiteral("opportunity"),
                                 QStringLiteral("sales_order"), QStringLiteral("order_line"), QStringLiteral("payment")})
        QCOMPARE(laptop.count(QStringLiteral("SELECT count(*) FROM %1").arg(table)), sourceCount(table));
    // The file it came from was only read.
    QCOMPARE(test::fileSha256(m_source), before);

    // A second import into a server that holds data is refused and changes nothing.
    server.stop();
    QCOMPARE(server.admin({QStringLiteral("import"), QStringLiteral("database"), m_source}, "import-password", &output), 1);
    QVERIFY2(output.contains(QStringLiteral("already holds data")), qPrintable(output));
    QVERIFY(server.restart()); // same port: the laptop knows this address
    QVERIFY(laptop.sync().ok());
    QCOMPARE(laptop.count(QStringLiteral("SELECT count(*) FROM opportunity")), sourceCount(QStringLiteral("opportunity")));
}

void TestServerImport::csvFolderIsImported()
{
    const QDir demo(test::sourceDataDir());
    const QString sources = m_dir.filePath(QStringLiteral("csv"));
    QVERIFY(QDir().mkpath(sources));
    QVERIFY(QFile::copy(demo.filePath(QStringLiteral("superstore.csv")), QDir(sources).filePath(QStringLiteral("superstore.csv"))));
    for (const char *name : {"sales_teams.csv", "accounts.csv", "products.csv", "sales_pipeline.csv"})
        QVERIFY(QFile::copy(demo.filePath(QStringLiteral("crm/") + QLatin1String(name)), QDir(sources).filePath(QLatin1String(name))));
    ServerProcess server(test::newServerDatabase(m_dir));
    QString output;
    QCOMPARE(server.admin({QStringLiteral("import"), QStringLiteral("csv"), sources, QStringLiteral("--as-of"), QStringLiteral("2026-11-28")},
                          "import-password", &output),
             0);
    QVERIFY2(output.contains(QStringLiteral("rows imported")), qPrintable(output));
    // The same sources as the demo file: the same opportunities arrive.
    QVERIFY(server.start());
    TestClient laptop(m_dir.filePath(QStringLiteral("csv-laptop.sqlite")), server.url());
    QVERIFY(laptop.engine().login(QStringLiteral("demo.director"), QStringLiteral("import-password"), QStringLiteral("test")).ok());
    QVERIFY(laptop.sync().ok());
    QCOMPARE(laptop.count(QStringLiteral("SELECT count(*) FROM opportunity")), sourceCount(QStringLiteral("opportunity")));
}

void TestServerImport::refusalsSayWhatAndWhere()
{
    ServerProcess server(test::newServerDatabase(m_dir));
    QString output;
    const QString missing = m_dir.filePath(QStringLiteral("no-such.sqlite"));
    QCOMPARE(server.admin({QStringLiteral("import"), QStringLiteral("database"), missing}, "pw", &output), 1);
    QVERIFY2(output.contains(missing), qPrintable(output));

    const QString damaged = m_dir.filePath(QStringLiteral("damaged.sqlite"));
    QFile file(damaged);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(8192, 'x'));
    file.close();
    QCOMPARE(server.admin({QStringLiteral("import"), QStringLiteral("database"), damaged}, "pw", &output), 1);
    QVERIFY2(output.contains(damaged), qPrintable(output));

    const QString noFolder = m_dir.filePath(QStringLiteral("no-such-folder"));
    QCOMPARE(server.admin({QStringLiteral("import"), QStringLiteral("csv"), noFolder}, "pw", &output), 1);
    QVERIFY2(output.contains(noFolder), qPrintable(output));

    QCOMPARE(server.admin({QStringLiteral("import"), QStringLiteral("spreadsheet"), damaged}, "pw", &output), 2);
    // Nothing of the refused imports reached the server: the demo still loads into it.
    QCOMPARE(server.admin({QStringLiteral("import"), QStringLiteral("demo"), QStringLiteral("--as-of"), QStringLiteral("2026-11-28")}, "pw", &output), 0);
}

// Schema steps 2 (refresh tokens' used_at and superseded) and 3 (alert_notice) on a server database
// made at step 1: the steps are undone on a new database, then `migrate` applies them again and
// nothing else is lost.
void TestServerImport::aVersion1ServerDatabaseIsMigrated()
{
    const QString spec = test::newServerDatabase(m_dir);
    ServerProcess server(spec);
    QString output;
    QCOMPARE(server.admin({QStringLiteral("import"), QStringLiteral("demo"), QStringLiteral("--as-of"), QStringLiteral("2026-11-28")}, "pw", &output), 0);
    {
        const server::ServerDatabase database(server::DatabaseSpec::parse(spec).value());
        const core::Sql sql(database.connection().value());
        for (const char *statement : {"ALTER TABLE refresh_token DROP COLUMN used_at", "ALTER TABLE refresh_token DROP COLUMN superseded",
                                      "DROP TABLE alert_notice", "UPDATE server_meta SET value = '1' WHERE key = 'schema_version'"})
            QVERIFY(sql.exec(QString::fromLatin1(statement)).ok());
    }
    QCOMPARE(server.admin({QStringLiteral("migrate")}, {}, &output), 0);
    QVERIFY2(output.contains(QStringLiteral("schema version 3")), qPrintable(output));
    {
        const server::ServerDatabase database(server::DatabaseSpec::parse(spec).value());
        QVERIFY(core::Sql(database.connection().value()).exec(QStringLiteral("SELECT count(*) FROM alert_notice")).ok());
    }
    QVERIFY(server.start());
    TestClient laptop(m_dir.filePath(QStringLiteral("migrated-laptop.sqlite")), server.url());
    QVERIFY(laptop.engine().login(QStringLiteral("demo.director"), QStringLiteral("pw"), QStringLiteral("test")).ok());
    QVERIFY(laptop.sync().ok());
    QVERIFY(laptop.count(QStringLiteral("SELECT count(*) FROM opportunity")) > 0);
    // The new columns work: a refresh marks its token used (AuthService::refresh).
    laptop.engine().setSession([&] {
        sync::SyncSession expired = laptop.engine().session();
        expired.accessExpiresMs = 0;
        return expired;
    }());
    QVERIFY(laptop.sync().ok());
}

QTEST_GUILESS_MAIN(TestServerImport)
#include "tst_serverimport.moc"
