#include "outbox.h"

#include "domain/clock.h"
#include "storage/sql.h"

#include <QJsonDocument>

namespace vantage::sync {
namespace {

using core::Sql;

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// The mutation's set, with document lines stored alongside under a reserved key.
QString setJson(const core::Mutation &m)
{
    QJsonObject stored = m.set;
    if (!m.children.empty())
        stored.insert(QStringLiteral("$children"), core::childrenJson(m.children));
    return compact(stored);
}

OutboxEntry entryFrom(const QSqlQuery &q)
{
    OutboxEntry e;
    core::Mutation &m = e.mutation;
    m.mid = q.value(0).toLongLong();
    m.name = q.value(1).toString();
    m.id = q.value(2).toString();
    m.baseVersion = q.value(3).toLongLong();
    QJsonObject set = QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object();
    m.children = core::childrenFromJson(set.take(QStringLiteral("$children")).toArray());
    m.set = set;
    m.base = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
    e.state = q.value(6).toString();
    e.resultCode = q.value(7).toString();
    e.resultMessage = q.value(8).toString();
    e.resultField = q.value(9).toString();
    return e;
}

const QString kSelect = QStringLiteral("SELECT mid, name, row_id, base_version, set_json, base_json, state, result_code, "
                                       "result_message, result_field FROM outbox");

core::Result<std::vector<OutboxEntry>> read(const QSqlDatabase &db, const QString &where, const QVariantList &values)
{
    auto q = Sql(db).query(kSelect + where, values);
    if (!q)
        return q.error();
    std::vector<OutboxEntry> entries;
    while (q.value().next())
        entries.push_back(entryFrom(q.value()));
    return entries;
}

} // namespace

core::Result<qint64> Outbox::append(core::Mutation m) const
{
    auto inserted = Sql(m_db).scalar(QStringLiteral("INSERT INTO outbox (name, entity, row_id, base_version, set_json, "
                                                    "base_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING mid"),
                                     {m.name, m.entity(), m.id, m.baseVersion, setJson(m), compact(m.base), core::Clock::nowMs()});
    if (!inserted)
        return inserted.error();
    return inserted.value().toLongLong();
}

core::Result<std::vector<OutboxEntry>> Outbox::pending(int limit) const
{
    return read(m_db, QStringLiteral(" WHERE state = 'pending' ORDER BY mid LIMIT ?"), {limit});
}

core::Result<std::vector<OutboxEntry>> Outbox::entries(const QString &state) const
{
    return read(m_db, QStringLiteral(" WHERE state = ? ORDER BY mid"), {state});
}

core::Result<std::vector<core::Mutation>> Outbox::pendingFor(const QString &entity, const QString &id) const
{
    auto entries = read(m_db, QStringLiteral(" WHERE state = 'pending' AND entity = ? AND row_id = ? ORDER BY mid"), {entity, id});
    if (!entries)
        return entries.error();
    std::vector<core::Mutation> mutations;
    for (const OutboxEntry &e : entries.value())
        mutations.push_back(e.mutation);
    return mutations;
}

core::Status Outbox::acknowledge(const core::MutationResult &result) const
{
    if (result.status == QLatin1String("applied") || result.status == QLatin1String("merged"))
        return Sql(m_db).exec(QStringLiteral("DELETE FROM outbox WHERE mid = ?"), {result.mid});
    return Sql(m_db).exec(QStringLiteral("UPDATE outbox SET state = ?, result_code = ?, result_message = ?, result_field = ? "
                                         "WHERE mid = ?"),
                          {result.status == QLatin1String("conflict") ? QStringLiteral("conflict") : QStringLiteral("rejected"),
                           result.code, result.message, result.field.isEmpty() ? QVariant() : QVariant(result.field), result.mid});
}

core::Status Outbox::rebaseLater(const QString &entity, const QString &rowId, qint64 mid, qint64 version) const
{
    return Sql(m_db).exec(QStringLiteral("UPDATE outbox SET base_version = ? WHERE entity = ? AND row_id = ? AND mid > ? "
                                         "AND state = 'pending'"),
                          {version, entity, rowId, mid});
}

core::Result<qint64> Outbox::count(const QString &state) const
{
    auto n = Sql(m_db).scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE state = ?"), {state});
    if (!n)
        return n.error();
    return n.value().toLongLong();
}

core::Status Outbox::resend(qint64 mid) const
{
    // The server answers a mid exactly once and repeats that answer; a second try needs a new mid.
    const Sql sql(m_db);
    return sql.transaction([&]() -> core::Status {
        auto refused = read(m_db, QStringLiteral(" WHERE mid = ? AND state = 'rejected'"), {mid});
        if (!refused)
            return refused.error();
        if (refused.value().empty())
            return {};
        if (auto removed = sql.exec(QStringLiteral("DELETE FROM outbox WHERE mid = ?"), {mid}); !removed)
            return removed;
        auto appended = append(refused.value().front().mutation);
        return appended ? core::Status() : core::Status(appended.error());
    });
}

core::Status Outbox::settleConflict(qint64 mid) const
{
    return Sql(m_db).exec(QStringLiteral("DELETE FROM outbox WHERE mid = ? AND state = 'conflict'"), {mid});
}

} // namespace vantage::sync
