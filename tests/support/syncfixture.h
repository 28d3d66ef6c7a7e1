#pragma once

#include "serverprocess.h"

#include "serverdatabase.h"

#include "storage/lazyconnectioncontext.h"
#include "storage/migrator.h"
#include "storage/sql.h"
#include "sync/syncengine.h"
#include "domain/uuid7.h"
#include "sync/synctransport.h"
#include "sync/recordeditor.h"

#include <tuple>

#include <QSqlError>
#include <QUrlQuery>
#include <QTemporaryDir>
#include <QUuid>

#include <memory>

namespace vantage::test {

// Which server database the sync tests run on: SQLite always; PostgreSQL when VANTAGE_TEST_POSTGRES
// names a cluster ("postgresql://postgres@/postgres?host=/tmp/sock&port=5433"; scripts/test starts
// a throw-away one and sets it).
inline QString backend()
{
    return qEnvironmentVariable("VANTAGE_TEST_BACKEND", QStringLiteral("sqlite"));
}

// In a test function: skip when the PostgreSQL variant runs without a cluster (run by hand).
#define VANTAGE_SKIP_WITHOUT_POSTGRES()                                                                         \
    do {                                                                                                        \
        if (vantage::test::backend() == QLatin1String("postgres") && qEnvironmentVariableIsEmpty("VANTAGE_TEST_POSTGRES")) \
            QSKIP("VANTAGE_TEST_POSTGRES is not set (./scripts/test starts a throw-away PostgreSQL and sets it)"); \
    } while (false)

// A fresh, empty server database for one test class.
inline QString newServerDatabase(const QTemporaryDir &dir)
{
    if (backend() != QLatin1String("postgres"))
        return dir.filePath(QStringLiteral("server-%1.sqlite").arg(QUuid::createUuid().toString(QUuid::Id128)));
    const QUrl cluster(qEnvironmentVariable("VANTAGE_TEST_POSTGRES"));
    const server::DatabaseSpec spec = server::DatabaseSpec::parse(cluster.toString()).value();
    const QString name = QStringLiteral("vantage_test_%1").arg(QUuid::createUuid().toString(QUuid::Id128).left(12));
    {
        QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("pg-admin"));
        admin.setHostName(spec.host);
        admin.setPort(spec.port);
        admin.setUserName(spec.user);
        admin.setDatabaseName(spec.database);
        if (!admin.open() || !admin.exec(QStringLiteral("CREATE DATABASE %1").arg(name)).lastError().text().isEmpty())
            qFatal("cannot create the PostgreSQL test database: %s", qPrintable(admin.lastError().text()));
        admin.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("pg-admin"));
    QUrl database = cluster;
    database.setPath(u'/' + name);
    return database.toString();
}

// A laptop: its own company database (SQLite), a transport to the server and a sync engine.
class TestClient
{
public:
    TestClient(const QString &path, const QString &serverUrl)
        : m_path(path), m_context(path), m_transport(serverUrl)
    {
        auto db = m_context.connection();
        if (!db || !core::Migrator(db.value()).migrate().ok())
            qFatal("cannot create the client database %s", qPrintable(path));
        m_engine = std::make_unique<sync::SyncEngine>(db.value(), m_transport);
    }

    QSqlDatabase db() { return m_context.connection().value(); }
    sync::SyncEngine &engine() { return *m_engine; }
    // The laptop's connection to the server: another URL (another instance, a proxy) or a CA file.
    sync::SyncTransport &transport() { return m_transport; }
    core::Result<sync::SyncReport> sync() { return m_engine->sync(m_context); }
    qint64 count(const QString &sql, const QVariantList &values = {})
    {
        return core::Sql(db()).scalar(sql, values).value().toLongLong();
    }

private:
    QString m_path;
    core::LazyConnectionContext m_context;
    sync::SyncTransport m_transport;
    std::unique_ptr<sync::SyncEngine> m_engine;
};

} // namespace vantage::test

namespace vantage::test {

inline const QByteArray kTestPassword = "correct horse battery";

// A small company on a fresh server: regions east (CNY) and west (SGD); an administrator, a
// director, the east manager, one rep per region; pipeline stages pushed by the administrator.
struct Company
{
    QString east;
    QString west;
};

inline bool setUpCompany(ServerProcess &server, const QString &adminClientPath, Company &company)
{
    const QList<QStringList> commands{
        {QStringLiteral("region"), QStringLiteral("add"), QStringLiteral("east"), QStringLiteral("--name"), QStringLiteral("East"),
         QStringLiteral("--currency"), QStringLiteral("CNY")},
        {QStringLiteral("region"), QStringLiteral("add"), QStringLiteral("west"), QStringLiteral("--name"), QStringLiteral("West"),
         QStringLiteral("--currency"), QStringLiteral("SGD")},
        {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("admin"), QStringLiteral("--role"), QStringLiteral("admin")},
        {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("director"), QStringLiteral("--role"), QStringLiteral("director")},
        {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("mgr.east"), QStringLiteral("--role"), QStringLiteral("regional_manager")},
        {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("rep.east"), QStringLiteral("--role"), QStringLiteral("rep")},
        {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("rep.west"), QStringLiteral("--role"), QStringLiteral("rep")},
        {QStringLiteral("region"), QStringLiteral("assign"), QStringLiteral("mgr.east"), QStringLiteral("east")},
        {QStringLiteral("region"), QStringLiteral("assign"), QStringLiteral("rep.east"), QStringLiteral("east")},
        {QStringLiteral("region"), QStringLiteral("assign"), QStringLiteral("rep.west"), QStringLiteral("west")},
    };
    for (const QStringList &command : commands) {
        QString output;
        if (server.admin(command, kTestPassword, &output) != 0) {
            qWarning("admin command %s failed: %s", qPrintable(command.join(u' ')), qPrintable(output));
            return false;
        }
    }
    if (!server.start())
        return false;
    TestClient admin(adminClientPath, server.url());
    if (!admin.engine().login(QStringLiteral("admin"), QString::fromLatin1(kTestPassword), QStringLiteral("test")).ok())
        return false;
    if (!admin.sync().ok())
        return false;
    company.east = core::Sql(admin.db()).scalar(QStringLiteral("SELECT id FROM region WHERE code = 'east'")).value().toString();
    company.west = core::Sql(admin.db()).scalar(QStringLiteral("SELECT id FROM region WHERE code = 'west'")).value().toString();
    const sync::RecordEditor editor(admin.db());
    int order = 10;
    for (const auto &[code, name, closed, won] : {std::tuple{"prospecting", "Prospecting", false, false},
                                                  std::tuple{"won", "Won", true, true}, std::tuple{"lost", "Lost", true, false}}) {
        auto created = editor.create(QStringLiteral("pipeline_stage"), QString(),
                                     {{QStringLiteral("code"), QLatin1String(code)}, {QStringLiteral("name"), QLatin1String(name)},
                                      {QStringLiteral("sort_order"), order += 10}, {QStringLiteral("is_closed"), closed},
                                      {QStringLiteral("is_won"), won}, {QStringLiteral("default_probability_bp"), won ? 10000 : 1000}});
        if (!created)
            return false;
    }
    auto pushed = admin.sync();
    return pushed.ok() && pushed.value().rejected == 0 && !company.east.isEmpty();
}

} // namespace vantage::test
