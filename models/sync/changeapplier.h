#pragma once

#include "protocol/syncmessages.h"

#include <QJsonArray>
#include <QSqlDatabase>

#include <functional>

namespace vantage::sync {

class PageWriter;

// Writes what the server sends into the company database: pull pages (with their cursor, in one
// transaction, so a dropped connection resumes exactly there), snapshot pages, evictions and the
// wipe of a revoked device. Rows with local changes still in the outbox get them re-applied on top
// of the server's row (rebase), so nothing typed offline disappears from the screen.
class ChangeApplier
{
public:
    explicit ChangeApplier(QSqlDatabase db) : m_db(std::move(db)) {}

    core::Status applyPage(const core::PullResponse &page) const;
    // One snapshot page in one transaction; alsoInTransaction (the download's progress) commits with it.
    core::Status applySnapshot(const core::SnapshotPage &page, const std::function<core::Status()> &alsoInTransaction = {}) const;
    core::Status evictRegions(const QStringList &regionIds) const;
    core::Status wipe() const;            // synced rows, outbox and sync state
    core::Status clearSyncedRows() const; // synced rows only
    // The server took this laptop's save of a document as `version`: the local copy is that version.
    core::Status confirmVersion(const QString &entity, const QString &id, qint64 version) const;
    // The server refused this change: rows of it the server never had (version 0: a new record, a
    // document's new lines) leave the laptop unless a pending change still carries them. The outbox
    // entry keeps what the user typed.
    core::Status dropUnsynced(const core::Mutation &refused) const;

private:
    core::Status put(PageWriter &writer, const QString &entity, const QString &id, const QString &regionId, qint64 version,
                     const QJsonObject &row) const;
    core::Status remove(const QString &entity, const QString &id, const QString &regionId, bool evict) const;
    core::Status rebase(const QString &entity, const QString &id) const;

    QSqlDatabase m_db;
};

} // namespace vantage::sync
