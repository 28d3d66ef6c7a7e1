#pragma once

#include "protocol/entitycatalog.h"
#include "protocol/namedrow.h"
#include "protocol/syncmessages.h"

#include <QSqlDatabase>

namespace vantage::sync {

// Every change a user makes to synced data goes through here: the local row changes and the
// matching mutation joins the outbox in one transaction, so the two never disagree, offline or not.
class RecordEditor
{
public:
    explicit RecordEditor(QSqlDatabase db) : m_db(std::move(db)) {}

    core::Result<QString> create(const QString &entity, const QString &regionId, const QJsonObject &fields) const;
    // Changes some fields; the outbox records what they were before (the base of the 3-way merge).
    core::Status update(const QString &entity, const QString &id, const QJsonObject &changes) const;
    core::Status remove(const QString &entity, const QString &id) const;

    // Rows with ids the caller chose (derived from a name, the same on every machine): each is
    // created when missing, else only its changed fields are written; one transaction for all.
    using PutRow = core::NamedRow;
    core::Status put(const std::vector<PutRow> &rows) const;
    // Sends the user's corrected `fields` (region_id among them when the record moves) in place of
    // the refused save `mid`: on top of the row as this laptop has it now (the server's copy,
    // pulled since), or as a new record when the server never took it; the refused change leaves
    // the outbox. Fields equal to the row's are not sent, so taking the server's value settles it.
    core::Status replaceRefused(qint64 mid, const QJsonObject &fields) const;
    // A quote or contract with the complete set of its lines (id empty: a new document).
    core::Result<QString> saveDocument(const QString &entity, const QString &id, const QString &regionId,
                                       const QJsonObject &fields, const std::vector<core::ChildRow> &lines) const;

private:
    // The bodies of create and update, inside the caller's transaction.
    core::Status insertRow(const core::EntityDescriptor &entity, const QString &id, const QString &regionId,
                           const QJsonObject &fields) const;
    core::Status updateRow(const core::EntityDescriptor &entity, const QString &id, const QJsonObject &changes) const;

    QSqlDatabase m_db;
};

} // namespace vantage::sync
