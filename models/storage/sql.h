#pragma once

#include "domain/result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

#include <functional>

namespace vantage::core {

// Thin checked wrapper over QSqlQuery: every prepare/exec failure becomes an Error that names
// what was being done. Values are always bound, never pasted into SQL.
class Sql
{
public:
    explicit Sql(QSqlDatabase db) : m_db(std::move(db)) {}

    // Prepares, binds positionally and executes; the query is positioned before the first row.
    Result<QSqlQuery> query(const QString &sql, const QVariantList &values = {}) const;
    Status exec(const QString &sql, const QVariantList &values = {}) const;
    // The first column of the first row; an invalid QVariant when there is no row.
    Result<QVariant> scalar(const QString &sql, const QVariantList &values = {}) const;
    // Runs body in BEGIN IMMEDIATE … COMMIT; rolls back when body or the commit fails.
    Status transaction(const std::function<Status()> &body) const;

    QSqlDatabase database() const { return m_db; }

    // From now on, statements with values that exec() and scalar() run on this thread's connection
    // `connectionName` stay prepared and are reused. For connections that live as long as their
    // thread (the server's): on PostgreSQL it saves the driver's PREPARE and DEALLOCATE round trips
    // on every statement. query() is never cached: its caller keeps reading the result.
    static void keepStatementsPrepared(const QString &connectionName);

private:
    QSqlQuery *preparedStatement(const QString &sql) const;

    QSqlDatabase m_db;
};

// Maps a driver error to a user message; corruption codes become ErrorCode::DatabaseDamaged.
Error sqlError(const QSqlError &error, const QString &sql, const QString &databasePath);

} // namespace vantage::core
