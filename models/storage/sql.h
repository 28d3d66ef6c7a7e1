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

private:
    QSqlDatabase m_db;
};

// Maps a driver error to a user message; corruption codes become ErrorCode::DatabaseDamaged.
Error sqlError(const QSqlError &error, const QString &sql, const QString &databasePath);

} // namespace vantage::core
