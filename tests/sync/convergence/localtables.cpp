#include "localtables.h"

#include <QSqlError>
#include <QSqlQuery>

namespace vantage::test {

QJsonValue LocalTables::toJson(core::FieldType type, const QVariant &value)
{
    if (value.isNull())
        return QJsonValue::Null;
    switch (type) {
    case core::FieldType::Integer:
    case core::FieldType::Timestamp:
        return QJsonValue(value.toLongLong());
    case core::FieldType::Boolean:
        return QJsonValue(value.toLongLong() != 0);
    case core::FieldType::Text:
    case core::FieldType::Reference:
    case core::FieldType::Date:
        break;
    }
    return QJsonValue(value.toString());
}

std::optional<TableRow> LocalTables::row(const QString &entity, const QString &id) const
{
    std::vector<TableRow> found = rows(entity, QStringLiteral("id = ?"), {id});
    if (found.empty())
        return std::nullopt;
    return found.front();
}

std::vector<TableRow> LocalTables::rows(const QString &entity, const QString &where, const QVariantList &values) const
{
    const core::EntityDescriptor *descriptor = core::EntityCatalog::instance().find(entity);
    QStringList columns{QStringLiteral("id"), QStringLiteral("region_id"), QStringLiteral("version"), QStringLiteral("deleted")};
    for (const core::EntityField &field : descriptor->fields)
        columns << field.name;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM %2%3 ORDER BY id")
                  .arg(columns.join(u','), entity, where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where));
    for (const QVariant &value : values)
        q.addBindValue(value);
    if (!q.exec())
        qFatal("reading %s failed: %s", qPrintable(entity), qPrintable(q.lastError().text()));
    std::vector<TableRow> result;
    while (q.next()) {
        TableRow row{q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong(), q.value(3).toInt() != 0, {}};
        for (size_t i = 0; i < descriptor->fields.size(); ++i)
            row.fields.insert(descriptor->fields[i].name, toJson(descriptor->fields[i].type, q.value(4 + static_cast<int>(i))));
        result.push_back(std::move(row));
    }
    return result;
}

qint64 LocalTables::lastOutboxMid() const
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'")))
        qFatal("reading the outbox sequence failed: %s", qPrintable(q.lastError().text()));
    return q.next() ? q.value(0).toLongLong() : 0;
}

} // namespace vantage::test
