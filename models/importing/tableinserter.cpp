#include "tableinserter.h"

#include "storage/sql.h"

#include <QSqlError>

namespace vantage::core {

TableInserter::TableInserter(QSqlDatabase db, QString table, QStringList columns, Kind kind)
    : m_db(std::move(db)), m_table(std::move(table)), m_columns(std::move(columns)), m_kind(kind), m_query(m_db)
{
}

Status TableInserter::prepare()
{
    QStringList all = m_columns;
    if (m_kind == Kind::Synced)
        all = QStringList{QStringLiteral("id"), QStringLiteral("region_id"), QStringLiteral("updated_at")} + m_columns;
    QStringList marks;
    marks.fill(QStringLiteral("?"), all.size());
    m_sql = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                .arg(m_table, all.join(QStringLiteral(", ")), marks.join(QStringLiteral(", ")));
    if (!m_query.prepare(m_sql))
        return sqlError(m_query.lastError(), m_sql, m_db.databaseName());
    return {};
}

Result<QString> TableInserter::insertSynced(Uuid7Generator &ids, const QVariant &regionId, qint64 updatedAtMs,
                                            const QVariantList &values)
{
    Q_ASSERT(m_kind == Kind::Synced && values.size() == m_columns.size());
    const QString id = ids.next();
    m_query.addBindValue(id);
    m_query.addBindValue(regionId);
    m_query.addBindValue(updatedAtMs);
    for (const QVariant &value : values)
        m_query.addBindValue(value);
    if (auto done = execute(); !done)
        return done.error();
    return id;
}

Status TableInserter::insertPlain(const QVariantList &values)
{
    Q_ASSERT(m_kind == Kind::Plain && values.size() == m_columns.size());
    for (const QVariant &value : values)
        m_query.addBindValue(value);
    return execute();
}

Status TableInserter::execute()
{
    if (!m_query.exec())
        return sqlError(m_query.lastError(), m_sql, m_db.databaseName());
    ++m_count;
    return {};
}

} // namespace vantage::core
