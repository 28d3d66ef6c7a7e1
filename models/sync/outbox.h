#pragma once

#include "protocol/syncmessages.h"

#include <QSqlDatabase>

#include <vector>

namespace vantage::sync {

// A local change waiting for the server, or one the server refused (kept for the user to fix).
struct OutboxEntry
{
    core::Mutation mutation;
    QString state; // pending | rejected | conflict
    QString resultCode;
    QString resultMessage;
    QString resultField; // guarded_field: the field someone else changed
};

// The outbox: mutations in mid order, written in the same transaction as the local change they
// describe. Entries leave only when the server has acknowledged them; refused ones stay, marked,
// until the user fixes or discards them. Nothing in it is dropped by resets or reloads.
class Outbox
{
public:
    explicit Outbox(QSqlDatabase db) : m_db(std::move(db)) {}

    // Appends a mutation (its mid is assigned here) and returns the mid.
    core::Result<qint64> append(core::Mutation mutation) const;
    core::Result<std::vector<OutboxEntry>> pending(int limit) const;
    core::Result<std::vector<OutboxEntry>> entries(const QString &state) const;
    core::Result<std::vector<core::Mutation>> pendingFor(const QString &entity, const QString &id) const;
    // Records the server's answer: applied/merged entries go, refused ones stay with the reason.
    core::Status acknowledge(const core::MutationResult &result) const;
    core::Result<qint64> count(const QString &state) const;
    // The server took mutation `mid` of a document as `version`: the later pending changes of that
    // document were made on top of it, so they name that version as their base.
    core::Status rebaseLater(const QString &entity, const QString &rowId, qint64 mid, qint64 version) const;
    // The user sends a refused change again (after fixing what the server objected to).
    core::Status resend(qint64 mid) const;
    // A conflict was settled on the server: its entry is answered and leaves.
    core::Status settleConflict(qint64 mid) const;

private:
    QSqlDatabase m_db;
};

} // namespace vantage::sync
