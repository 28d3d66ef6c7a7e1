#include "readexecutor.h"

#include "connection.h"

#include <QHash>

namespace vantage::core {
namespace {

// Connections of one thread, closed by that thread when it exits.
struct ThreadConnections
{
    QHash<QString, QString> nameByPath;
    ~ThreadConnections()
    {
        for (const QString &name : std::as_const(nameByPath))
            closeConnection(name);
    }
};

thread_local ThreadConnections t_connections;

} // namespace

ReadExecutor::ReadExecutor(QString path, int threads) : m_path(std::move(path))
{
    m_pool.setMaxThreadCount(threads);
    m_pool.setExpiryTimeout(-1); // keep threads (and their connections) until the executor goes
}

ReadExecutor::~ReadExecutor()
{
    dropQueuedAndWait();
}

void ReadExecutor::dropQueuedAndWait()
{
    m_pool.clear();
    m_pool.waitForDone();
}

Result<QSqlDatabase> ReadExecutor::threadConnection(const QString &path)
{
    const QString existing = t_connections.nameByPath.value(path);
    if (!existing.isEmpty()) {
        QSqlDatabase db = QSqlDatabase::database(existing, false);
        if (db.isOpen())
            return db;
    }
    const QString name = uniqueConnectionName(QStringLiteral("reader"));
    auto db = openConnection(path, name, ConnectionMode::ReadOnly);
    if (!db)
        return db.error();
    t_connections.nameByPath.insert(path, name);
    return db;
}

} // namespace vantage::core
