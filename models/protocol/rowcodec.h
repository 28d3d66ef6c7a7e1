#pragma once

#include "entitycatalog.h"

#include "domain/result.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QVariant>

#include <functional>

namespace vantage::core {

// An upsert of one row: its SQL (which depends on the fields the row carries) and its values.
struct RowStatement
{
    QString sql;
    QVariantList values;
};

// Converts rows between a client table and their JSON form in sync messages, by the entity
// catalog: integers stay integers (money included), booleans become true/false, dates ISO text.
class RowCodec
{
public:
    // JSON value of one stored column value.
    static QJsonValue toJson(const EntityField &field, const QVariant &value);
    // The value to bind for a JSON field value (null stays NULL).
    static QVariant toSql(const EntityField &field, const QJsonValue &value);

    // Reads every row of an entity's table (optionally filtered by a WHERE clause of ours) and hands
    // each to visit as (id, region_id, version, deleted, fields).
    using Visitor = std::function<Status(const QString &id, const QString &regionId, qint64 version, bool deleted,
                                         const QJsonObject &fields)>;
    static Status forEachRow(const QSqlDatabase &db, const EntityDescriptor &entity, const QString &where,
                             const QVariantList &values, const Visitor &visit);
    static Result<QJsonObject> readRow(const QSqlDatabase &db, const EntityDescriptor &entity, const QString &id);

    // INSERT … ON CONFLICT (id) DO UPDATE of the fields the row carries; with wholeRow, a field it
    // does not carry goes back to the column's default, else it keeps its current value.
    static RowStatement upsertStatement(const EntityDescriptor &entity, const QString &id, const QString &regionId,
                                        qint64 version, bool deleted, const QJsonObject &fields, bool wholeRow,
                                        qint64 nowMs);
};

} // namespace vantage::core
