#pragma once

#include "localrows.h"

#include <QHash>
#include <QSet>
#include <QSqlQuery>

namespace vantage::sync {

// Writes the server's rows of one page (a pull page or a snapshot page) inside that page's
// transaction, fast enough for a first download of hundreds of thousands of rows: one prepared
// statement per table and field set instead of one per row, the "is the local row newer?" test
// folded into the upsert, and the outbox read once per page to know which rows have unsent edits.
class PageWriter
{
public:
    explicit PageWriter(QSqlDatabase db);

    // Reads which rows have pending changes in the outbox; call once, before writing.
    core::Status loadPending();
    bool hasPending(const QString &entity, const QString &id) const;
    // The server's whole row (LocalRows::writeStatement with wholeRow) unless the local row is newer: false when kept.
    core::Result<bool> replace(const core::EntityDescriptor &entity, const QString &id, const LocalRow &row);

private:
    QSqlDatabase m_db;
    qint64 m_nowMs;
    QHash<QString, QSqlQuery> m_statements; // by SQL text
    QSet<QString> m_pending;                 // "entity/id"
};

} // namespace vantage::sync
