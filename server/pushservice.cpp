#include "pushservice.h"

#include "auditlog.h"
#include "mutationapplier.h"

#include "domain/clock.h"
#include "storage/sql.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace vantage::server {
namespace {

using core::MutationResult;
using core::Sql;

QString resultJson(const MutationResult &result)
{
    core::PushResponse single;
    single.results.push_back(result);
    const QJsonObject object = QJsonDocument::fromJson(core::toJson(single)).object();
    return QString::fromUtf8(QJsonDocument(object.value(QStringLiteral("results")).toArray().first().toObject())
                                 .toJson(QJsonDocument::Compact));
}

MutationResult resultFromJson(const QString &json)
{
    core::PushResponse wrapper;
    const QByteArray document = "{\"lastMid\":0,\"results\":[" + json.toUtf8() + "]}";
    auto parsed = core::parsePushResponse(document);
    return parsed && !parsed.value().results.empty() ? parsed.value().results.front() : MutationResult{};
}

core::Status storeConflicts(const QSqlDatabase &db, const Session &session, const core::Mutation &m,
                            const std::vector<ConflictRecord> &conflicts, qint64 now)
{
    for (const ConflictRecord &c : conflicts) {
        auto done = Sql(db).exec(QStringLiteral("INSERT INTO conflict (id, entity, row_id, region_id, client_id, user_id, mid, "
                                                "base, server, client, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                                 {c.id, c.entity, c.rowId, c.regionId.isEmpty() ? QVariant() : QVariant(c.regionId),
                                  session.clientId, session.userId, m.mid,
                                  m.base.isEmpty() ? QVariant() : QVariant(QString::fromUtf8(QJsonDocument(m.base).toJson(QJsonDocument::Compact))),
                                  QString::fromUtf8(QJsonDocument(c.server).toJson(QJsonDocument::Compact)),
                                  QString::fromUtf8(QJsonDocument(c.client).toJson(QJsonDocument::Compact)), c.status, now});
        if (!done)
            return done;
    }
    return {};
}

} // namespace

ApiResult<MutationResult> PushService::applyOne(const Session &session, const core::Mutation &m) const
{
    ApiResult<MutationResult> answer = MutationResult{};
    const core::Status done = m_database.transaction([&](QSqlDatabase &db) -> core::Status {
        const Sql sql(db);
        const qint64 now = core::Clock::nowMs();
        // The device row serializes one client's pushes across every server instance.
        auto device = sql.query(QStringLiteral("SELECT last_mid FROM device WHERE client_id = ?%1").arg(m_database.forUpdate()),
                                {session.clientId});
        if (!device)
            return device.error();
        const qint64 lastMid = device.value().next() ? device.value().value(0).toLongLong() : 0;
        if (m.mid <= lastMid) { // a retry: the stored answer, nothing applied twice
            auto stored = sql.scalar(QStringLiteral("SELECT body FROM mutation_result WHERE client_id = ? AND mid = ?"),
                                     {session.clientId, m.mid});
            if (!stored)
                return stored.error();
            answer = stored.value().isValid() ? resultFromJson(stored.value().toString())
                                              : rejected(m.mid, QStringLiteral("forgotten"), QStringLiteral("Result no longer kept."));
            return {};
        }
        if (m.mid > lastMid + 1) {
            answer = ApiError{409, QStringLiteral("mid_gap"), QStringLiteral("Resend from the mutation after lastMid."), 0, lastMid};
            return {};
        }
        const SyncStore store(db, m_database);
        auto outcome = MutationApplier(store, session, db, now).apply(m);
        if (!outcome)
            return outcome.error();
        if (auto conflicts = storeConflicts(db, session, m, outcome.value().conflicts, now); !conflicts)
            return conflicts;
        const MutationResult &result = outcome.value().result;
        if (auto stored = sql.exec(QStringLiteral("INSERT INTO mutation_result (client_id, mid, body) VALUES (?, ?, ?)"),
                                   {session.clientId, m.mid, resultJson(result)});
            !stored)
            return stored;
        if (auto advanced = sql.exec(QStringLiteral("UPDATE device SET last_mid = ?, last_seen = ? WHERE client_id = ?"),
                                     {m.mid, now, session.clientId});
            !advanced)
            return advanced;
        if (auto audited = writeAudit(db, {session.userId, session.clientId, QStringLiteral("push"), m.entity(), m.id,
                                           {{QStringLiteral("mid"), m.mid}, {QStringLiteral("status"), result.status},
                                            {QStringLiteral("code"), result.code}},
                                           session.address},
                                      now);
            !audited)
            return audited;
        answer = result;
        // Last: taking the next seq locks the global counter until this transaction commits, so
        // every other push waits for it. Nothing else belongs in that window.
        if (!outcome.value().writes.empty())
            if (auto seq = store.commit(outcome.value().writes, now); !seq)
                return seq.error();
        return {};
    });
    if (!done)
        return internalError(done.error());
    return answer;
}

ApiResult<core::PushResponse> PushService::push(const Session &session, const core::PushRequest &request) const
{
    if (request.clientId != session.clientId)
        return ApiError{403, QStringLiteral("foreign_client"), QStringLiteral("The clientId does not belong to this session.")};
    core::PushResponse response;
    for (const core::Mutation &m : request.mutations) {
        auto one = applyOne(session, m);
        if (const ApiError *error = std::get_if<ApiError>(&one))
            return *error; // a 409 gap can only be the first: the parser checked the mids are consecutive
        response.results.push_back(std::get<MutationResult>(one));
    }
    auto db = m_database.connection();
    if (!db)
        return internalError(db.error());
    auto last = Sql(db.value()).scalar(QStringLiteral("SELECT last_mid FROM device WHERE client_id = ?"), {session.clientId});
    if (!last)
        return internalError(last.error());
    response.lastMid = last.value().toLongLong();
    return response;
}

} // namespace vantage::server
