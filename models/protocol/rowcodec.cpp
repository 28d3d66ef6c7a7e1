#include "rowcodec.h"

#include "storage/sql.h"

namespace vantage::core {
namespace {

QString selectList(const EntityDescriptor &entity)
{
    QStringList columns{QStringLiteral("id"), QStringLiteral("region_id"), QStringLiteral("version"),
                        QStringLiteral("deleted")};
    for (const EntityField &field : entity.fields)
        columns << field.name;
    return columns.join(QStringLiteral(", "));
}

QJsonObject fieldsOf(const EntityDescriptor &entity, const QSqlQuery &q)
{
    QJsonObject fields;
    for (size_t i = 0; i < entity.fields.size(); ++i)
        fields.insert(entity.fields[i].name, RowCodec::toJson(entity.fields[i], q.value(4 + static_cast<int>(i))));
    return fields;
}

} // namespace

QJsonValue RowCodec::toJson(const EntityField &field, const QVariant &value)
{
    if (value.isNull())
        return QJsonValue::Null;
    switch (field.type) {
    case FieldType::Integer:
    case FieldType::Timestamp:
        return QJsonValue(value.toLongLong());
    case FieldType::Boolean:
        return QJsonValue(value.toLongLong() != 0);
    case FieldType::Text:
    case FieldType::Reference:
    case FieldType::Date:
        break;
    }
    return QJsonValue(value.toString());
}

QVariant RowCodec::toSql(const EntityField &field, const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return QVariant();
    switch (field.type) {
    case FieldType::Integer:
    case FieldType::Timestamp:
        return QVariant(value.toInteger());
    case FieldType::Boolean:
        return QVariant(value.toBool() ? 1 : 0);
    case FieldType::Text:
    case FieldType::Reference:
    case FieldType::Date:
        break;
    }
    return QVariant(value.toString());
}

Status RowCodec::forEachRow(const QSqlDatabase &db, const EntityDescriptor &entity, const QString &where,
                            const QVariantList &values, const Visitor &visit)
{
    auto q = Sql(db).query(QStringLiteral("SELECT %1 FROM %2%3 ORDER BY id")
                               .arg(selectList(entity), entity.name,
                                    where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where),
                           values);
    if (!q)
        return q.error();
    while (q.value().next()) {
        const QSqlQuery &row = q.value();
        if (auto done = visit(row.value(0).toString(), row.value(1).toString(), row.value(2).toLongLong(),
                              row.value(3).toInt() != 0, fieldsOf(entity, row));
            !done)
            return done;
    }
    return {};
}

Result<QJsonObject> RowCodec::readRow(const QSqlDatabase &db, const EntityDescriptor &entity, const QString &id)
{
    auto q = Sql(db).query(QStringLiteral("SELECT %1 FROM %2 WHERE id = ?").arg(selectList(entity), entity.name), {id});
    if (!q)
        return q.error();
    if (!q.value().next())
        return QJsonObject();
    return fieldsOf(entity, q.value());
}

RowStatement RowCodec::upsertStatement(const EntityDescriptor &entity, const QString &id, const QString &regionId,
                                       qint64 version, bool deleted, const QJsonObject &fields, bool wholeRow, qint64 nowMs)
{
    QStringList columns{QStringLiteral("id"), QStringLiteral("region_id"), QStringLiteral("version"),
                        QStringLiteral("deleted"), QStringLiteral("updated_at")};
    QVariantList values{id, regionId.isEmpty() ? QVariant() : QVariant(regionId), version, deleted ? 1 : 0, nowMs};
    QStringList updates{QStringLiteral("region_id = excluded.region_id"), QStringLiteral("version = excluded.version"),
                        QStringLiteral("deleted = excluded.deleted"), QStringLiteral("updated_at = excluded.updated_at")};
    for (const EntityField &field : entity.fields) {
        // A field the row does not mention keeps the column's default (or its current value; for
        // a whole row, excluded.<field> is the column's default).
        if (!fields.contains(field.name)) {
            if (wholeRow)
                updates << QStringLiteral("%1 = excluded.%1").arg(field.name);
            continue;
        }
        columns << field.name;
        values << toSql(field, fields.value(field.name));
        updates << QStringLiteral("%1 = excluded.%1").arg(field.name);
    }
    QStringList marks;
    marks.fill(QStringLiteral("?"), columns.size());
    return {QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT (id) DO UPDATE SET %4")
                .arg(entity.name, columns.join(u','), marks.join(u','), updates.join(u',')),
            values};
}

} // namespace vantage::core
