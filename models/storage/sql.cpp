#include "sql.h"

#include "storagelog.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlError>

namespace vantage::core {
namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::core::Sql)
};

// SQLite primary result codes that mean the file itself is broken.
bool isCorruption(const QString &nativeCode)
{
    bool ok = false;
    const int code = nativeCode.toInt(&ok) & 0xFF;
    return ok && (code == 11 /*SQLITE_CORRUPT*/ || code == 26 /*SQLITE_NOTADB*/);
}

bool isBusy(const QString &nativeCode)
{
    bool ok = false;
    const int code = nativeCode.toInt(&ok) & 0xFF;
    return ok && (code == 5 /*SQLITE_BUSY*/ || code == 6 /*SQLITE_LOCKED*/);
}

// Per thread: connection name -> SQL text -> its prepared statement (keepStatementsPrepared).
thread_local QHash<QString, QHash<QString, QSqlQuery>> t_preparedStatements;

} // namespace

Error sqlError(const QSqlError &error, const QString &sql, const QString &databasePath)
{
    const QString detail = QStringLiteral("%1 [native %2] in: %3")
                               .arg(error.text(), error.nativeErrorCode(), sql.simplified().left(300));
    qCWarning(lcStore).noquote() << detail;
    if (isCorruption(error.nativeErrorCode()))
        return {ErrorCode::DatabaseDamaged,
                Tr::tr("The database file %1 is damaged (%2). Your data was not changed; "
                       "restore a backup or rebuild the demo database.")
                    .arg(databasePath, error.databaseText()),
                detail};
    if (isBusy(error.nativeErrorCode()))
        return {ErrorCode::Database,
                Tr::tr("The database %1 is busy in another program. Close other copies of Vantage and try again.")
                    .arg(databasePath),
                detail};
    return {ErrorCode::Database,
            Tr::tr("A database operation on %1 failed: %2").arg(databasePath, error.databaseText()), detail};
}

Result<QSqlQuery> Sql::query(const QString &sql, const QVariantList &values) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    // Statements without values run directly: PostgreSQL cannot PREPARE DDL (CREATE, LOCK …).
    if (values.isEmpty()) {
        if (!q.exec(sql))
            return sqlError(q.lastError(), sql, m_db.databaseName());
        return q;
    }
    if (!q.prepare(sql))
        return sqlError(q.lastError(), sql, m_db.databaseName());
    for (const QVariant &value : values)
        q.addBindValue(value);
    if (!q.exec())
        return sqlError(q.lastError(), sql, m_db.databaseName());
    return q;
}

void Sql::keepStatementsPrepared(const QString &connectionName)
{
    t_preparedStatements.insert(connectionName, {}); // a reopened connection starts afresh
}

QSqlQuery *Sql::preparedStatement(const QString &sql) const
{
    const auto connection = t_preparedStatements.find(m_db.connectionName());
    if (connection == t_preparedStatements.end())
        return nullptr;
    auto statement = connection->find(sql);
    if (statement == connection->end()) {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        if (!q.prepare(sql))
            return nullptr; // query() prepares it again and reports the error
        statement = connection->insert(sql, q);
    }
    return &statement.value();
}

Status Sql::exec(const QString &sql, const QVariantList &values) const
{
    if (QSqlQuery *cached = values.isEmpty() ? nullptr : preparedStatement(sql)) {
        for (int i = 0; i < values.size(); ++i)
            cached->bindValue(i, values[i]);
        const bool ok = cached->exec();
        cached->finish(); // SQLite: reset the statement, so it holds no read lock
        if (!ok)
            return sqlError(cached->lastError(), sql, m_db.databaseName());
        return {};
    }
    auto q = query(sql, values);
    if (!q)
        return q.error();
    return {};
}

Result<QVariant> Sql::scalar(const QString &sql, const QVariantList &values) const
{
    if (QSqlQuery *cached = values.isEmpty() ? nullptr : preparedStatement(sql)) {
        for (int i = 0; i < values.size(); ++i)
            cached->bindValue(i, values[i]);
        if (!cached->exec())
            return sqlError(cached->lastError(), sql, m_db.databaseName());
        const QVariant value = cached->next() ? cached->value(0) : QVariant();
        const QSqlError error = cached->lastError();
        cached->finish();
        if (error.isValid())
            return sqlError(error, sql, m_db.databaseName());
        return value;
    }
    auto q = query(sql, values);
    if (!q)
        return q.error();
    if (!q.value().next()) {
        if (q.value().lastError().isValid())
            return sqlError(q.value().lastError(), sql, m_db.databaseName());
        return QVariant();
    }
    return q.value().value(0);
}

Status Sql::transaction(const std::function<Status()> &body) const
{
    if (auto begin = exec(QStringLiteral("BEGIN IMMEDIATE")); !begin)
        return begin;
    Status status = body();
    if (status) {
        if (auto commit = exec(QStringLiteral("COMMIT")); commit)
            return {};
        else
            status = commit;
    }
    if (auto rollback = exec(QStringLiteral("ROLLBACK")); !rollback)
        qCWarning(lcStore) << "rollback failed:" << rollback.error().detail;
    return status;
}

} // namespace vantage::core
