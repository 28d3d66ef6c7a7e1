#include "syncstore.h"

#include "storage/sql.h"

#include <QJsonDocument>

namespace vantage::server {
namespace {

StoredRow rowFrom(const QSqlQuery &q)
{
    StoredRow row;
    row.entity = q.value(0).toString();
    row.id = q.value(1).toString();
    row.regionId = q.value(2).toString();
    row.version = q.value(3).toLongLong();
    row.seq = q.value(4).toLongLong();
    row.deleted = q.value(5).toInt() != 0;
    row.data = QJsonDocument::fromJson(q.value(6).toString().toUtf8()).object();
    row.parentId = q.value(7).toString();
    row.exists = true;
    return row;
}

const QString kColumns = QStringLiteral("entity, id, region_id, version, seq, deleted, data, parent_id");

} // namespace

core::Result<StoredRow> SyncStore::load(const QString &entity, const QString &id, bool forUpdate) const
{
    auto q = core::Sql(m_db).query(QStringLiteral("SELECT %1 FROM sync_row WHERE entity = ? AND id = ?%2")
                                       .arg(kColumns, forUpdate ? m_database.forUpdate() : QString()),
                                   {entity, id});
    if (!q)
        return q.error();
    if (!q.value().next())
        return StoredRow{entity, id, {}, {}, 0, 0, false, {}, false};
    return rowFrom(q.value());
}

core::Result<std::vector<StoredRow>> SyncStore::children(const QString &entity, const QString &parentId,
                                                         bool forUpdate) const
{
    auto q = core::Sql(m_db).query(QStringLiteral("SELECT %1 FROM sync_row WHERE entity = ? AND parent_id = ? "
                                                  "AND deleted = 0 ORDER BY id%2")
                                       .arg(kColumns, forUpdate ? m_database.forUpdate() : QString()),
                                   {entity, parentId});
    if (!q)
        return q.error();
    std::vector<StoredRow> rows;
    while (q.value().next())
        rows.push_back(rowFrom(q.value()));
    return rows;
}

core::Result<qint64> SyncStore::currentSeq() const
{
    auto seq = core::Sql(m_db).scalar(QStringLiteral("SELECT seq FROM sync_counter WHERE id = 1"));
    if (!seq)
        return seq.error();
    return seq.value().toLongLong();
}

core::Result<qint64> SyncStore::commit(const std::vector<RowWrite> &writes, qint64 nowMs) const
{
    const core::Sql sql(m_db);
    // Last statement group of the transaction: the counter's row lock is held until COMMIT.
    auto seq = sql.scalar(QStringLiteral("UPDATE sync_counter SET seq = seq + 1 WHERE id = 1 RETURNING seq"));
    if (!seq)
        return seq.error();
    const qint64 number = seq.value().toLongLong();
    for (const RowWrite &write : writes) {
        const StoredRow &row = write.row;
        const QString data = QString::fromUtf8(QJsonDocument(row.data).toJson(QJsonDocument::Compact));
        const QVariant region = row.regionId.isEmpty() ? QVariant() : QVariant(row.regionId);
        auto upsert = sql.exec(QStringLiteral("INSERT INTO sync_row (entity, id, region_id, parent_id, version, seq, deleted, "
                                              "data, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (entity, id) "
                                              "DO UPDATE SET region_id = excluded.region_id, parent_id = excluded.parent_id, "
                                              "version = excluded.version, seq = excluded.seq, deleted = excluded.deleted, "
                                              "data = excluded.data, updated_at = excluded.updated_at"),
                               {row.entity, row.id, region, row.parentId.isEmpty() ? QVariant() : QVariant(row.parentId),
                                row.version, number, row.deleted ? 1 : 0, data, nowMs});
        if (!upsert)
            return upsert.error();
        const QString op = row.deleted ? QStringLiteral("del") : QStringLiteral("put");
        auto logged = sql.exec(QStringLiteral("INSERT INTO change_log (seq, entity, row_id, op, region_old, region_new, version, at) "
                                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                               {number, row.entity, row.id, op,
                                write.regionBefore.isEmpty() ? QVariant() : QVariant(write.regionBefore), region,
                                row.version, nowMs});
        if (!logged)
            return logged.error();
    }
    return number;
}

} // namespace vantage::server
