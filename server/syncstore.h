#pragma once

#include "serverdatabase.h"

#include <QJsonObject>

#include <vector>

namespace vantage::server {

// A synced row as the server keeps it: the fields as JSON plus the sync columns.
struct StoredRow
{
    QString entity;
    QString id;
    QString regionId;
    QString parentId; // document children: the document they belong to
    qint64 version = 0;
    qint64 seq = 0;
    bool deleted = false;
    QJsonObject data;
    bool exists = false;
};

// A row written by a transaction, with the region it had before (for evictions).
struct RowWrite
{
    StoredRow row;
    QString regionBefore;
    bool existedBefore = false;
};

// Reads and writes synced rows inside a caller's transaction. Every write transaction ends with
// commit(): one number from sync_counter (its row lock makes that order the commit order) stamped
// on every row it wrote and on their change_log entries.
class SyncStore
{
public:
    SyncStore(QSqlDatabase db, const ServerDatabase &database) : m_db(std::move(db)), m_database(database) {}

    core::Result<StoredRow> load(const QString &entity, const QString &id, bool forUpdate) const;
    core::Result<std::vector<StoredRow>> children(const QString &entity, const QString &parentId, bool forUpdate) const;
    core::Result<qint64> commit(const std::vector<RowWrite> &writes, qint64 nowMs) const;
    core::Result<qint64> currentSeq() const;

private:
    QSqlDatabase m_db;
    const ServerDatabase &m_database;
};

} // namespace vantage::server
