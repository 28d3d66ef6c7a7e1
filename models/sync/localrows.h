#pragma once

#include "protocol/entitycatalog.h"
#include "protocol/rowcodec.h"

#include "domain/result.h"

#include <QJsonObject>
#include <QSqlDatabase>

namespace vantage::sync {

// A row of a client table in sync terms.
struct LocalRow
{
    bool exists = false;
    QString regionId;
    qint64 version = 0;
    bool deleted = false;
    QJsonObject fields;
};

// Generic reads and writes of client tables by the entity catalog, shared by the record editor
// (local edits) and the change applier (rows from the server).
class LocalRows
{
public:
    explicit LocalRows(QSqlDatabase db) : m_db(std::move(db)) {}

    core::Result<LocalRow> read(const core::EntityDescriptor &entity, const QString &id) const;
    // Inserts the row or replaces the fields it carries; fields it does not carry keep their value.
    core::Status upsert(const core::EntityDescriptor &entity, const QString &id, const LocalRow &row) const;
    // Writes only the given fields of an existing row.
    core::Status update(const core::EntityDescriptor &entity, const QString &id, const QJsonObject &fields) const;
    core::Status markDeleted(const core::EntityDescriptor &entity, const QString &id) const;
    core::Status erase(const core::EntityDescriptor &entity, const QString &id) const;
    core::Result<QStringList> childIds(const core::EntityDescriptor &child, const QString &parentId) const;

    // The statement of upsert (wholeRow false), or of writing the server's copy of a row (wholeRow
    // true, PageWriter): a field the server's copy does not carry (never set there) goes back to the
    // column's default, so nothing the laptop typed and the server refused lingers.
    static core::RowStatement writeStatement(const core::EntityDescriptor &entity, const QString &id, const LocalRow &row, bool wholeRow,
                                       qint64 nowMs);

private:

    QSqlDatabase m_db;
};

} // namespace vantage::sync
