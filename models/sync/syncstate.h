#pragma once

#include "domain/result.h"

#include <QSqlDatabase>
#include <QString>

namespace vantage::sync {

// Where a snapshot download stands: the position it was taken at, the next entity to fetch and
// the id to continue after within it.
struct SnapshotProgress
{
    qint64 at = -1;
    QString entity;
    QString after;

    static SnapshotProgress fromText(const QString &text);
    QString toText() const;
    // The catalogue index to start at: 0 for a new download (or an entity this version no longer has).
    size_t entityIndex() const;
};

// What the laptop remembers about its sync with the server, in the company database
// (sync_state): the client id, the pull cursor, the scope epoch, the server and the user.
class SyncState
{
public:
    static inline const QString kClientId = QStringLiteral("client_id");
    static inline const QString kCursor = QStringLiteral("cursor");
    static inline const QString kScopeEpoch = QStringLiteral("scope_epoch");
    static inline const QString kServerUrl = QStringLiteral("server_url");
    static inline const QString kLogin = QStringLiteral("login");
    static inline const QString kUserId = QStringLiteral("user_id");
    static inline const QString kLastSyncMs = QStringLiteral("last_sync_ms");
    // An unfinished first download (SnapshotProgress::toText), empty when none.
    static inline const QString kSnapshotProgress = QStringLiteral("snapshot_progress");

    explicit SyncState(QSqlDatabase db) : m_db(std::move(db)) {}

    core::Result<QString> value(const QString &key) const;
    core::Status set(const QString &key, const QString &value) const;
    // The client id, made on first use: one per company database and installation.
    core::Result<QString> clientId() const;

private:
    QSqlDatabase m_db;
};

} // namespace vantage::sync
