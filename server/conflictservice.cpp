#include "conflictservice.h"

#include "auditlog.h"
#include "mutationapplier.h"

#include "domain/clock.h"
#include "protocol/entitycatalog.h"
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

// A document and its lines (quote lines, contract clauses) as the server has them now.
struct ServerCopy
{
    StoredRow row;
    std::vector<core::ChildRow> lines;
};

core::Result<ServerCopy> loadServerCopy(const SyncStore &store, const QString &entity, const QString &rowId)
{
    auto row = store.load(entity, rowId, false);
    if (!row)
        return row.error();
    ServerCopy copy{row.value(), {}};
    for (const core::EntityDescriptor *child : core::EntityCatalog::instance().childrenOf(entity)) {
        auto lines = store.children(child->name, rowId, false);
        if (!lines)
            return lines.error();
        for (const StoredRow &line : lines.value())
            copy.lines.push_back({child->name, line.id, line.data, false});
    }
    return copy;
}

// The server's side of a listed conflict: the document as it is now, lines included, so the person
// resolving it compares against what a resolution will replace (the record keeps the copy of the
// moment of the conflict). nullopt: the document is now in a region the caller does not see.
core::Result<std::optional<QJsonObject>> currentServerSide(const SyncStore &store, const Session &session, const QString &entity,
                                                           const QString &rowId, const QJsonObject &recorded)
{
    auto copy = loadServerCopy(store, entity, rowId);
    if (!copy)
        return copy.error();
    const StoredRow &row = copy.value().row;
    if (!row.exists || row.deleted) // gone since: the recorded copy, without lines
        return std::optional<QJsonObject>(recorded);
    if (!session.scope.canSee(row.regionId))
        return std::optional<QJsonObject>();
    return std::optional<QJsonObject>(QJsonObject{{QStringLiteral("row"), row.data}, {QStringLiteral("version"), row.version},
                                                  {QStringLiteral("children"), core::childrenJson(copy.value().lines)}});
}

// The lines the resolved document gets: the complete set the body names (a merge of both sides,
// lines left out are deleted), or, when it names none, the server's lines as they are. Without that
// a merge that kept the server's lines deleted them all.
core::Result<std::vector<core::ChildRow>> resolvedLines(const SyncStore &store, const QString &entity, const QString &rowId,
                                                        const QJsonObject &body)
{
    if (body.contains(QStringLiteral("children")))
        return core::parseChildren(body, entity);
    auto copy = loadServerCopy(store, entity, rowId);
    if (!copy)
        return copy.error();
    return copy.value().lines;
}

// The chosen content becomes the next version of the document, lines included: its new version, or
// why the server cannot take it (nothing written then).
core::Result<ApiResult<qint64>> saveResolution(const SyncStore &store, const Session &session, QSqlDatabase &db, qint64 now,
                                               const QString &entity, const QString &rowId, const QJsonObject &body)
{
    auto current = store.load(entity, rowId, true);
    if (!current)
        return current.error();
    // The version the person chose from (the list's server copy): saved over since, the choice
    // would overwrite what they never saw.
    if (body.contains(QStringLiteral("serverVersion")) && body.value(QStringLiteral("serverVersion")).toInteger() != current.value().version)
        return ApiResult<qint64>(ApiError{409, QStringLiteral("stale"),
                                          QStringLiteral("The document was saved on the server again after the conflict was listed.")});
    core::Mutation m;
    m.name = entity + QStringLiteral(".save@1");
    m.id = rowId;
    m.baseVersion = current.value().version;
    m.set = body.value(QStringLiteral("row")).toObject();
    auto lines = resolvedLines(store, entity, rowId, body);
    if (!lines && lines.error().code != core::ErrorCode::InvalidInput)
        return lines.error();
    if (!lines)
        return ApiResult<qint64>(ApiError{400, QStringLiteral("invalid"), lines.error().detail});
    m.children = lines.value();
    if (auto valid = core::validateFields(entity, m.set, false, QStringLiteral("row")); !valid)
        return ApiResult<qint64>(ApiError{400, QStringLiteral("invalid"), valid.error().detail});
    auto applied = MutationApplier(store, session, db, now).apply(m);
    if (!applied)
        return applied.error();
    const core::MutationResult &result = applied.value().result;
    if (result.status != QLatin1String("applied"))
        return ApiResult<qint64>(ApiError{409, result.code, result.message});
    if (auto seq = store.commit(applied.value().writes, now); !seq)
        return seq.error();
    return ApiResult<qint64>(result.version);
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
    std::vector<QJsonObject> open;
    while (rows.value().next()) {
        const QSqlQuery &r = rows.value();
        if (!session.scope.canSee(r.value(3).toString()))
            continue;
        open.push_back({{QStringLiteral("id"), r.value(0).toString()}, {QStringLiteral("entity"), r.value(1).toString()},
                        {QStringLiteral("rowId"), r.value(2).toString()}, {QStringLiteral("server"), parseObject(r.value(4))},
                        {QStringLiteral("client"), parseObject(r.value(5))}, {QStringLiteral("createdAt"), r.value(6).toLongLong()},
                        {QStringLiteral("by"), r.value(7).toString()}, {QStringLiteral("base"), parseObject(r.value(8))},
                        {QStringLiteral("clientId"), r.value(9).toString()}, {QStringLiteral("mid"), r.value(10).toLongLong()}});
    }
    rows.value().finish();
    // The base's lines are not listed: the server keeps only the current copy of a row (ADR 0007).
    const SyncStore store(db.value(), m_database);
    QJsonArray conflicts;
    for (QJsonObject &conflict : open) {
        auto server = currentServerSide(store, session, conflict.value(QStringLiteral("entity")).toString(),
                                        conflict.value(QStringLiteral("rowId")).toString(), conflict.value(QStringLiteral("server")).toObject());
        if (!server)
            return internalError(server.error());
        if (!server.value())
            continue;
        conflict.insert(QStringLiteral("server"), *server.value());
        conflicts.append(conflict);
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
            auto version = saveResolution(SyncStore(db, m_database), session, db, now, entity, rowId, body);
            if (!version)
                return version.error();
            if (const ApiError *refused = std::get_if<ApiError>(&version.value())) {
                answer = *refused;
                return {};
            }
            outcome.insert(QStringLiteral("version"), std::get<qint64>(version.value()));
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
