#pragma once

#include "domain/result.h"

#include <QSqlDatabase>
#include <QString>

namespace vantage::core {

enum class ConnectionMode { ReadWrite, ReadOnly };

// Opens SQLite connections the same way everywhere: busy timeout, foreign keys on,
// NORMAL sync (safe with WAL), in-memory temp tables.
Result<QSqlDatabase> openConnection(const QString &path, const QString &connectionName, ConnectionMode mode);
void closeConnection(const QString &connectionName);
QString uniqueConnectionName(const QString &purpose);

// A connection that lives as long as this object, on the thread that made it.
class ScopedConnection
{
public:
    ScopedConnection(const QString &path, const QString &purpose, ConnectionMode mode);
    ~ScopedConnection();
    ScopedConnection(const ScopedConnection &) = delete;
    ScopedConnection &operator=(const ScopedConnection &) = delete;

    bool ok() const { return m_error.message.isEmpty(); }
    const Error &error() const { return m_error; }
    QSqlDatabase database() const;

private:
    QString m_name;
    Error m_error;
};

} // namespace vantage::core
