#pragma once

#include "domain/result.h"
#include "domain/uuid7.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>
#include <QVariantList>

namespace vantage::core {

// Bulk insert into one table with a statement prepared once. For synced tables the sync columns
// (id, region_id, version 0, deleted 0, updated_at) are filled in and the new id returned.
class TableInserter
{
public:
    enum class Kind { Synced, Plain };

    TableInserter(QSqlDatabase db, QString table, QStringList columns, Kind kind = Kind::Synced);

    Status prepare();
    // Synced tables: returns the generated id.
    Result<QString> insertSynced(Uuid7Generator &ids, const QVariant &regionId, qint64 updatedAtMs,
                                 const QVariantList &values);
    Status insertPlain(const QVariantList &values);
    qint64 count() const { return m_count; }

private:
    Status execute();

    QSqlDatabase m_db;
    QString m_table;
    QStringList m_columns;
    Kind m_kind;
    QSqlQuery m_query;
    QString m_sql;
    qint64 m_count = 0;
};

} // namespace vantage::core
