#include "localrows.h"

#include "domain/clock.h"
#include "protocol/rowcodec.h"
#include "storage/sql.h"

namespace vantage::sync {

using core::Sql;

core::Result<LocalRow> LocalRows::read(const core::EntityDescriptor &entity, const QString &id) const
{
    LocalRow row;
    auto status = core::RowCodec::forEachRow(m_db, entity, QStringLiteral("id = ?"), {id},
        [&row](const QString &, const QString &region, qint64 version, bool deleted, const QJsonObject &fields) {
            row = {true, region, version, deleted, fields};
            return core::Status();
        });
    if (!status)
        return status.error();
    return row;
}

core::Status LocalRows::upsert(const core::EntityDescriptor &entity, const QString &id, const LocalRow &row) const
{
    const core::RowStatement statement = writeStatement(entity, id, row, false, core::Clock::nowMs());
    return Sql(m_db).exec(statement.sql, statement.values);
}

core::RowStatement LocalRows::writeStatement(const core::EntityDescriptor &entity, const QString &id, const LocalRow &row,
                                             bool wholeRow, qint64 nowMs)
{
    return core::RowCodec::upsertStatement(entity, id, row.regionId, row.version, row.deleted, row.fields, wholeRow, nowMs);
}

core::Status LocalRows::update(const core::EntityDescriptor &entity, const QString &id, const QJsonObject &fields) const
{
    QStringList sets{QStringLiteral("updated_at = ?")};
    QVariantList values{core::Clock::nowMs()};
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (it.key() == QLatin1String("region_id")) {
            sets << QStringLiteral("region_id = ?");
            values << (it.value().isNull() ? QVariant() : QVariant(it.value().toString()));
        } else if (const core::EntityField *field = entity.field(it.key())) {
            sets << QStringLiteral("%1 = ?").arg(field->name); // a catalog name, never user text
            values << core::RowCodec::toSql(*field, it.value());
        }
    }
    values << id;
    return Sql(m_db).exec(QStringLiteral("UPDATE %1 SET %2 WHERE id = ?").arg(entity.name, sets.join(u',')), values);
}

core::Status LocalRows::markDeleted(const core::EntityDescriptor &entity, const QString &id) const
{
    return Sql(m_db).exec(QStringLiteral("UPDATE %1 SET deleted = 1, updated_at = ? WHERE id = ?").arg(entity.name),
                          {core::Clock::nowMs(), id});
}

core::Status LocalRows::erase(const core::EntityDescriptor &entity, const QString &id) const
{
    return Sql(m_db).exec(QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(entity.name), {id});
}

core::Result<QStringList> LocalRows::childIds(const core::EntityDescriptor &child, const QString &parentId) const
{
    auto q = Sql(m_db).query(QStringLiteral("SELECT id FROM %1 WHERE %2 = ? AND deleted = 0").arg(child.name, child.parentField),
                             {parentId});
    if (!q)
        return q.error();
    QStringList ids;
    while (q.value().next())
        ids << q.value().value(0).toString();
    return ids;
}

} // namespace vantage::sync
