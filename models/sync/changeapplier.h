#pragma once

#include "protocol/syncmessages.h"

#include <QJsonArray>
#include <QSqlDatabase>

namespace vantage::sync {

// Writes what the server sends into the company database: pull pages (with their cursor, in one
// transaction, so a dropped connection resumes exactly there), snapshot pages, evictions and the
// wipe of a revoked device. Rows with local changes still in the outbox get them re-applied on top
// of the server's row (rebase), so nothing typed offline disappears from the screen.
class ChangeApplier
{
public:
    explicit ChangeApplier(QSqlDatabase db) : m_db(std::move(db)) {}

    core::Status applyPage(const core::PullResponse &page) const;
    core::Status applySnapshot(const QString &entity, const QJsonArray &rows) const;
    core::Status evictRegions(const QStringList &regionIds) const;
    core::Status wipe() const;            // synced rows, outbox and sync state
    core::Status clearSyncedRows() const; // synced rows only

private:
    core::Status put(const QString &entity, const QString &id, const QString &regionId, qint64 version,
                     const QJsonObject &row) const;
    core::Status remove(const QString &entity, const QString &id, bool evict) const;
    core::Status rebase(const QString &entity, const QString &id) const;

    QSqlDatabase m_db;
};

} // namespace vantage::sync
