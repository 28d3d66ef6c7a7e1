#pragma once

#include "session.h"
#include "syncstore.h"

#include "protocol/entitycatalog.h"
#include "protocol/syncmessages.h"

#include <optional>

namespace vantage::server {

// A conflict a person must resolve (documents), or the losing values of a field-level merge
// kept as history.
struct ConflictRecord
{
    QString id;
    QString entity;
    QString rowId;
    QString regionId;
    QJsonObject server;
    QJsonObject client;
    QString status; // open | merged
};

struct ApplyOutcome
{
    core::MutationResult result;
    std::vector<RowWrite> writes;
    std::vector<ConflictRecord> conflicts;
};

// Decides what one mutation does to the server's rows, inside the caller's transaction, following
// SYNC.md: scope and permission checks, 3-way field merge with guarded fields, version-checked
// documents with their lines as one unit, delete beats edit, server-assigned document numbers.
class MutationApplier
{
public:
    MutationApplier(const SyncStore &store, const Session &session, QSqlDatabase db, qint64 nowMs)
        : m_store(store), m_session(session), m_db(std::move(db)), m_nowMs(nowMs)
    {
    }

    core::Result<ApplyOutcome> apply(const core::Mutation &mutation) const;

private:
    core::Result<ApplyOutcome> applyFieldMerge(const core::EntityDescriptor &entity, const core::Mutation &m,
                                               const StoredRow &server) const;
    core::Result<ApplyOutcome> applyDocument(const core::EntityDescriptor &entity, const core::Mutation &m,
                                             const StoredRow &server) const;
    core::Result<QString> foreignLine(const core::Mutation &m) const;
    core::Status writeChildren(const core::EntityDescriptor &document, const core::Mutation &m, const StoredRow &saved,
                               bool deleteAll, ApplyOutcome &outcome) const;
    std::optional<core::MutationResult> refuse(const core::EntityDescriptor &entity, const core::Mutation &m,
                                               const StoredRow &server) const;
    core::Result<QString> nextDocumentNumber(const QString &entity) const;

    const SyncStore &m_store;
    const Session &m_session;
    QSqlDatabase m_db;
    qint64 m_nowMs;
};

core::MutationResult rejected(qint64 mid, const QString &code, const QString &message);

} // namespace vantage::server
