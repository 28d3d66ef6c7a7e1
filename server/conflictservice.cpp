#include "conflictservice.h"

#include "auditlog.h"
#include "mutationapplier.h"

#include "domain/clock.h"
#include "protocol/jsonreader.h"
#include "storage/sql.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace vantage::server {
namespace {

using core::Sql;

QJsonObject parseObject(const QVariant &text)
{
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

} // namespace

ApiResult<QJsonObject> ConflictService::list(const Session &session) const
{
    auto db = m_database.connection();
    if (!db)
        return internalError(db.error());
    auto rows = Sql(db.value()).query(QStringLiteral("SELECT id, entity, row_id, region_id, server, client, created_at, user_id, base, client_id, mid "
                                                     "FROM conflict WHERE status = 'open' ORDER BY created_at"));
    if (!rows)
        return internalError(rows.error());
    QJsonArray conflicts;
    while (rows.value().next()) {
        const QSqlQuery &r = rows.value();
        if (!session.scope.canSee(r.value(3).toString()))
            continue;
        conflicts.append(QJsonObject{{QStringLiteral("id"), r.value(0).toString()}, {QStringLiteral("entity"), r.value(1).toString()},
                                     {QStringLiteral("rowId"), r.value(2).toString()}, {QStringLiteral("server"), parseObject(r.value(4))},
                                     {QStringLiteral("client"), parseObject(r.value(5))},
                                     {QStringLiteral("createdAt"), r.value(6).toLongLong()},
                                     {QStringLiteral("by"), r.value(7).toString()}, {QStringLiteral("base"), parseObject(r.value(8))},
                                     {QStringLiteral("clientId"), r.value(9).toString()}, {QStringLiteral("mid"), r.value(10).toLongLong()}});
    }
    return QJsonObject{{QStringLiteral("conflicts"), conflicts}};
}

ApiResult<QJsonObject> ConflictService::resolve(const Session &session, const QString &conflictId, const QJsonObject &body) const
{
    const QString choice = body.value(QStringLiteral("choice")).toString();
    if (!core::JsonReader::isUuid(conflictId) || (choice != QLatin1String("server") && choice != QLatin1String("client")
                                                  && choice != QLatin1String("merged")))
        return ApiError{400, QStringLiteral("malformed"), QStringLiteral("choice must be server, client or merged")};
    ApiResult<QJsonObject> answer = ApiError{404, QStringLiteral("not_found"), QStringLiteral("No open conflict with that id.")};
    const qint64 now = core::Clock::nowMs();
    const core::Status done = m_database.transaction([&](QSqlDatabase &db) -> core::Status {
        const Sql sql(db);
        auto conflict = sql.query(QStringLiteral("SELECT entity, row_id, region_id FROM conflict WHERE id = ? AND status = 'open'%1")
                                      .arg(m_database.forUpdate()),
                                  {conflictId});
        if (!conflict)
            return conflict.error();
        if (!conflict.value().next() || !session.scope.canSee(conflict.value().value(2).toString()))
            return {};
        const QString entity = conflict.value().value(0).toString();
        const QString rowId = conflict.value().value(1).toString();
        QJsonObject outcome{{QStringLiteral("resolved"), conflictId}};
        if (choice != QLatin1String("server")) {
            // The chosen content becomes the next version of the document, lines included.
            const SyncStore store(db, m_database);
            auto current = store.load(entity, rowId, true);
            if (!current)
                return current.error();
            core::Mutation m;
            m.name = entity + QStringLiteral(".save@1");
            m.id = rowId;
            m.baseVersion = current.value().version;
            m.set = body.value(QStringLiteral("row")).toObject();
            for (const QJsonValue &child : body.value(QStringLiteral("children")).toArray())
                m.children.push_back({child[QStringLiteral("entity")].toString(), child[QStringLiteral("id")].toString(),
                                      child[QStringLiteral("fields")].toObject(), child[QStringLiteral("deleted")].toBool()});
            if (auto valid = core::validateFields(entity, m.set, false, QStringLiteral("row")); !valid) {
                answer = ApiError{400, QStringLiteral("invalid"), valid.error().detail};
                return {};
            }
            auto applied = MutationApplier(store, session, db, now).apply(m);
            if (!applied)
                return applied.error();
            if (applied.value().result.status != QLatin1String("applied")) {
                answer = ApiError{409, applied.value().result.code, applied.value().result.message};
                return {};
            }
            if (auto seq = store.commit(applied.value().writes, now); !seq)
                return seq.error();
            outcome.insert(QStringLiteral("version"), applied.value().result.version);
        }
        if (auto marked = sql.exec(QStringLiteral("UPDATE conflict SET status = 'resolved', resolved_by = ?, resolved_at = ? WHERE id = ?"),
                                   {session.userId, now, conflictId});
            !marked)
            return marked;
        answer = outcome;
        return writeAudit(db, {session.userId, session.clientId, QStringLiteral("conflict_resolved"), entity, rowId,
                               {{QStringLiteral("conflict"), conflictId}, {QStringLiteral("choice"), choice}}, session.address},
                          now);
    });
    if (!done)
        return internalError(done.error());
    return answer;
}

} // namespace vantage::server
