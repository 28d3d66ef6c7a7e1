#include "connection.h"

#include "sql.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QSqlError>
#include <QThread>

namespace vantage::core {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::core::Connection)
};
} // namespace

QString uniqueConnectionName(const QString &purpose)
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("vantage-%1-%2").arg(purpose).arg(counter.fetchAndAddRelaxed(1));
}

Result<QSqlDatabase> openConnection(const QString &path, const QString &connectionName, ConnectionMode mode)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    db.setDatabaseName(path);
    QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000");
    if (mode == ConnectionMode::ReadOnly)
        options += QStringLiteral(";QSQLITE_OPEN_READONLY");
    db.setConnectOptions(options);
    if (!db.open()) {
        const QSqlError error = db.lastError();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connectionName);
        return Error{ErrorCode::Io,
                     Tr::tr("The database file %1 could not be opened: %2").arg(path, error.databaseText()),
                     error.text()};
    }
    const QStringList pragmas{
        QStringLiteral("PRAGMA foreign_keys = ON"),
        QStringLiteral("PRAGMA synchronous = NORMAL"),
        QStringLiteral("PRAGMA temp_store = MEMORY"),
    };
    Status configured;
    for (const QString &pragma : pragmas) {
        configured = Sql(db).exec(pragma);
        if (!configured)
            break;
    }
    if (!configured) {
        db.close();
        db = QSqlDatabase(); // no handle may outlive removeDatabase
        QSqlDatabase::removeDatabase(connectionName);
        return configured.error();
    }
    return db;
}

void closeConnection(const QString &connectionName)
{
    {
        QSqlDatabase db = QSqlDatabase::database(connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
}

ScopedConnection::ScopedConnection(const QString &path, const QString &purpose, ConnectionMode mode)
    : m_name(uniqueConnectionName(purpose))
{
    auto db = openConnection(path, m_name, mode);
    if (!db) {
        m_error = db.error();
        m_name.clear();
    }
}

ScopedConnection::~ScopedConnection()
{
    if (!m_name.isEmpty())
        closeConnection(m_name);
}

QSqlDatabase ScopedConnection::database() const
{
    return QSqlDatabase::database(m_name, false);
}

} // namespace vantage::core
