#include "pagewriter.h"

#include "domain/clock.h"
#include "storage/sql.h"

#include <QSqlError>

namespace vantage::sync {
namespace {

QString pendingKey(const QString &entity, const QString &id)
{
    return entity + u'/' + id;
}

} // namespace

PageWriter::PageWriter(QSqlDatabase db) : m_db(std::move(db)), m_nowMs(core::Clock::nowMs()) {}

core::Status PageWriter::loadPending()
{
    auto rows = core::Sql(m_db).query(QStringLiteral("SELECT entity, row_id FROM outbox WHERE state = 'pending'"));
    if (!rows)
        return rows.error();
    while (rows.value().next())
        m_pending.insert(pendingKey(rows.value().value(0).toString(), rows.value().value(1).toString()));
    return {};
}

bool PageWriter::hasPending(const QString &entity, const QString &id) const
{
    return m_pending.contains(pendingKey(entity, id));
}

core::Result<bool> PageWriter::replace(const core::EntityDescriptor &entity, const QString &id, const LocalRow &row)
{
    core::RowStatement statement = LocalRows::writeStatement(entity, id, row, true, m_nowMs);
    // A snapshot page can overtake a change pulled earlier: the newer local version stays.
    statement.sql += QStringLiteral(" WHERE %1.version <= excluded.version").arg(entity.name);
    auto cached = m_statements.find(statement.sql);
    if (cached == m_statements.end()) {
        QSqlQuery query(m_db);
        if (!query.prepare(statement.sql))
            return core::sqlError(query.lastError(), statement.sql, m_db.databaseName());
        cached = m_statements.insert(statement.sql, query);
    }
    QSqlQuery &query = cached.value();
    for (int i = 0; i < statement.values.size(); ++i)
        query.bindValue(i, statement.values[i]);
    if (!query.exec())
        return core::sqlError(query.lastError(), statement.sql, m_db.databaseName());
    return query.numRowsAffected() > 0;
}

} // namespace vantage::sync
