#include "serverdatabase.h"

#include "storage/sql.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>

#include <atomic>
#include <random>
#include <thread>

namespace vantage::server {
namespace {

using core::Error;
using core::ErrorCode;

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::server::ServerDatabase)
};

QString threadConnectionName(const DatabaseSpec &spec)
{
    static std::atomic<quint64> counter{0};
    thread_local const quint64 id = counter++;
    return QStringLiteral("server-%1-%2").arg(spec.describe()).arg(id);
}

} // namespace

core::Result<DatabaseSpec> DatabaseSpec::parse(const QString &text)
{
    DatabaseSpec spec;
    if (!text.startsWith(QLatin1String("postgres"))) {
        spec.dialect = Dialect::Sqlite;
        spec.sqlitePath = text.startsWith(QLatin1String("sqlite:")) ? text.mid(7) : text;
        if (spec.sqlitePath.isEmpty())
            return Error{ErrorCode::InvalidInput, Tr::tr("The database file name is missing."), text};
        return spec;
    }
    const QUrl url(text);
    if (!url.isValid() || url.path().size() < 2)
        return Error{ErrorCode::InvalidInput,
                     Tr::tr("\"%1\" is not a PostgreSQL address like postgresql://user@host:5432/database.").arg(text),
                     url.errorString()};
    spec.dialect = Dialect::Postgres;
    spec.host = QUrlQuery(url).queryItemValue(QStringLiteral("host"));
    if (spec.host.isEmpty())
        spec.host = url.host();
    const QString port = QUrlQuery(url).queryItemValue(QStringLiteral("port"));
    spec.port = port.isEmpty() ? url.port(5432) : port.toInt();
    spec.database = url.path().mid(1);
    spec.user = url.userName();
    spec.password = url.password();
    return spec;
}

QString DatabaseSpec::describe() const
{
    if (dialect == Dialect::Sqlite)
        return QStringLiteral("sqlite:%1").arg(sqlitePath);
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(user, host).arg(port).arg(database);
}

core::Result<QSqlDatabase> ServerDatabase::connection() const
{
    const QString name = threadConnectionName(m_spec);
    QSqlDatabase db = QSqlDatabase::database(name, false);
    if (db.isValid() && db.isOpen())
        return db;
    if (!db.isValid()) {
        db = QSqlDatabase::addDatabase(m_spec.dialect == Dialect::Sqlite ? QStringLiteral("QSQLITE")
                                                                         : QStringLiteral("QPSQL"), name);
    }
    if (m_spec.dialect == Dialect::Sqlite) {
        db.setDatabaseName(m_spec.sqlitePath);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=15000"));
    } else {
        db.setHostName(m_spec.host);
        db.setPort(m_spec.port);
        db.setDatabaseName(m_spec.database);
        db.setUserName(m_spec.user);
        db.setPassword(m_spec.password);
        db.setConnectOptions(QStringLiteral("connect_timeout=10"));
    }
    if (!db.open())
        return Error{ErrorCode::Database,
                     Tr::tr("The server database %1 cannot be opened: %2").arg(m_spec.describe(), db.lastError().text()),
                     db.lastError().text()};
    // This connection lives as long as its thread: its statements can stay prepared.
    core::Sql::keepStatementsPrepared(name);
    if (m_spec.dialect == Dialect::Sqlite) {
        for (const char *pragma : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA foreign_keys = ON"})
            if (auto done = core::Sql(db).exec(QString::fromLatin1(pragma)); !done)
                return done.error();
    }
    return db;
}

QString ServerDatabase::forUpdate() const
{
    return m_spec.dialect == Dialect::Postgres ? QStringLiteral(" FOR UPDATE") : QString();
}

bool isRetryable(const Error &error)
{
    // PostgreSQL: serialization_failure, deadlock_detected; SQLite: SQLITE_BUSY / SQLITE_LOCKED.
    return error.detail.contains(QLatin1String("[native 40001]")) || error.detail.contains(QLatin1String("[native 40P01]"))
        || error.detail.contains(QLatin1String("[native 5]")) || error.detail.contains(QLatin1String("[native 6]"));
}

core::Status ServerDatabase::transaction(const std::function<core::Status(QSqlDatabase &)> &body) const
{
    auto db = connection();
    if (!db)
        return db.error();
    const core::Sql sql(db.value());
    const QString begin = m_spec.dialect == Dialect::Sqlite ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN");
    thread_local std::mt19937 random{std::random_device{}()};
    core::Status status;
    for (int attempt = 0; attempt < 8; ++attempt) {
        status = sql.exec(begin);
        if (status) {
            status = body(db.value());
            if (status)
                status = sql.exec(QStringLiteral("COMMIT"));
        }
        if (status)
            return status;
        (void)sql.exec(QStringLiteral("ROLLBACK")); // may fail when BEGIN failed; the error below is what counts
        if (!isRetryable(status.error()))
            return status;
        // Contention: back off a little, with jitter, and try the whole transaction again.
        std::this_thread::sleep_for(std::chrono::milliseconds(5 + random() % (20 << attempt)));
    }
    return status;
}

} // namespace vantage::server
