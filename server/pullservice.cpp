#include "pullservice.h"

#include "syncstore.h"

#include "domain/clock.h"
#include "protocol/entitycatalog.h"
#include "protocol/jsonreader.h"
#include "storage/sql.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace vantage::server {
namespace {

using core::Sql;

QStringList sorted(const QSet<QString> &set)
{
    QStringList list(set.begin(), set.end());
    list.sort();
    return list;
}

} // namespace

core::Result<core::PullResponse> PullService::scopeReset(const QSqlDatabase &db, const Session &session) const
{
    // The client's last known regions are kept per device, so the reset can say what to drop.
    auto known = Sql(db).scalar(QStringLiteral("SELECT scope_regions FROM device WHERE client_id = ?"), {session.clientId});
    if (!known)
        return known.error();
    const QStringList before = known.value().toString().split(u',', Qt::SkipEmptyParts);
    core::PullResponse response;
    response.reset = QStringLiteral("scope");
    response.scopeEpoch = session.scopeEpoch;
    for (const QString &region : before)
        if (!session.scope.contains(region))
            response.regionsRemoved << region;
    for (const QString &region : sorted(session.scope.regions))
        if (!before.contains(region))
            response.regionsAdded << region;
    return response;
}

ApiResult<core::PullResponse> PullService::pull(const Session &session, const core::PullRequest &request) const
{
    if (request.clientId != session.clientId)
        return ApiError{403, QStringLiteral("foreign_client"), QStringLiteral("The clientId does not belong to this session.")};
    auto db = m_database.connection();
    if (!db)
        return internalError(db.error());
    const Sql sql(db.value());
    auto state = sql.query(QStringLiteral("SELECT d.last_mid, d.scope_epoch, (SELECT value FROM server_meta WHERE key = ?) "
                                          "FROM device d WHERE d.client_id = ?"),
                           {QString::fromLatin1(kHorizonKey), session.clientId});
    if (!state || !state.value().next())
        return internalError(state ? core::Error{} : state.error());
    const qint64 lastMid = state.value().value(0).toLongLong();
    const qint64 horizon = state.value().value(2).toString().toLongLong();
    if (request.scopeEpoch != 0 && request.scopeEpoch != session.scopeEpoch) {
        auto reset = scopeReset(db.value(), session);
        if (!reset)
            return internalError(reset.error());
        reset.value().lastMid = lastMid;
        return reset.value();
    }
    if (request.cursor > 0 && request.cursor < horizon) {
        core::PullResponse reset;
        reset.reset = QStringLiteral("horizon");
        reset.lastMid = lastMid;
        reset.scopeEpoch = session.scopeEpoch;
        return reset;
    }
    // A page ends at a whole seq: find the last seq of the page first, then take every change up to it.
    auto last = sql.scalar(QStringLiteral("SELECT max(seq) FROM (SELECT seq FROM change_log WHERE seq > ? ORDER BY seq LIMIT ?) p"),
                           {request.cursor, request.limit});
    if (!last)
        return internalError(last.error());
    core::PullResponse response;
    response.lastMid = lastMid;
    response.scopeEpoch = session.scopeEpoch;
    response.cursor = last.value().isNull() ? request.cursor : last.value().toLongLong();
    auto changes = sql.query(QStringLiteral("SELECT c.seq, c.entity, c.row_id, c.region_old, c.region_new, r.region_id, "
                                            "r.version, r.deleted, r.data FROM change_log c LEFT JOIN sync_row r "
                                            "ON r.entity = c.entity AND r.id = c.row_id WHERE c.seq > ? AND c.seq <= ? "
                                            "ORDER BY c.seq"),
                             {request.cursor, response.cursor});
    if (!changes)
        return internalError(changes.error());
    int count = 0;
    while (changes.value().next()) {
        const QSqlQuery &c = changes.value();
        ++count;
        const QString regionOld = c.value(3).toString();
        const QString regionNew = c.value(4).toString();
        const QString currentRegion = c.value(5).toString();
        core::Change change{c.value(0).toLongLong(), c.value(1).toString(), c.value(2).toString(), QString(),
                            c.value(6).toLongLong(), currentRegion, {}};
        // Decide on the row as it is now, so a row that has since left the caller's regions is
        // never sent with its data (the later change that moved it evicts it).
        if (session.scope.canSee(currentRegion)) {
            if (c.value(7).toInt() != 0) {
                change.op = QStringLiteral("del");
            } else {
                change.op = QStringLiteral("put");
                change.row = QJsonDocument::fromJson(c.value(8).toString().toUtf8()).object();
            }
        } else if ((!regionOld.isEmpty() && session.scope.contains(regionOld))
                   || (!regionNew.isEmpty() && session.scope.contains(regionNew))) {
            // It was in the caller's regions at that change and is not now: drop it from the laptop.
            change.op = QStringLiteral("evict");
        } else {
            continue;
        }
        response.changes.push_back(std::move(change));
    }
    response.more = !last.value().isNull() && count >= request.limit;
    (void)sql.exec(QStringLiteral("UPDATE device SET scope_epoch = ?, scope_regions = ?, last_seen = ? WHERE client_id = ?"),
                   {session.scopeEpoch, sorted(session.scope.regions).join(u','), core::Clock::nowMs(), session.clientId});
    return response;
}

ApiResult<QJsonObject> PullService::snapshot(const Session &session, const QUrlQuery &query) const
{
    const QString entity = query.queryItemValue(QStringLiteral("entity"));
    const QString after = query.queryItemValue(QStringLiteral("after"));
    bool limitOk = true;
    const int limit = query.hasQueryItem(QStringLiteral("limit")) ? query.queryItemValue(QStringLiteral("limit")).toInt(&limitOk) : 1000;
    if (!core::EntityCatalog::instance().find(entity) || !limitOk || limit < 1 || limit > core::kMaxPullLimit
        || (!after.isEmpty() && !core::JsonReader::isUuid(after)))
        return ApiError{400, QStringLiteral("malformed"), QStringLiteral("entity, after and limit are not valid")};
    auto db = m_database.connection();
    if (!db)
        return internalError(db.error());
    const Sql sql(db.value());
    auto at = SyncStore(db.value(), m_database).currentSeq();
    if (!at)
        return internalError(at.error());
    QString scope;
    QVariantList values{entity, after.isEmpty() ? QStringLiteral("") : after}; // a null string would bind NULL
    if (!session.scope.allRegions) {
        QStringList marks;
        for (const QString &region : sorted(session.scope.regions)) {
            marks << QStringLiteral("?");
            values << region;
        }
        scope = QStringLiteral(" AND (region_id IS NULL%1)")
                    .arg(marks.isEmpty() ? QString() : QStringLiteral(" OR region_id IN (%1)").arg(marks.join(u',')));
    }
    values << limit;
    auto rows = sql.query(QStringLiteral("SELECT id, version, region_id, data FROM sync_row WHERE entity = ? AND id > ? "
                                         "AND deleted = 0%1 ORDER BY id LIMIT ?").arg(scope),
                          values);
    if (!rows)
        return internalError(rows.error());
    QJsonArray list;
    QString lastId;
    while (rows.value().next()) {
        lastId = rows.value().value(0).toString();
        list.append(QJsonObject{{QStringLiteral("id"), lastId}, {QStringLiteral("version"), rows.value().value(1).toLongLong()},
                                {QStringLiteral("region"), rows.value().value(2).toString()},
                                {QStringLiteral("row"), QJsonDocument::fromJson(rows.value().value(3).toString().toUtf8()).object()}});
    }
    return QJsonObject{{QStringLiteral("entity"), entity}, {QStringLiteral("rows"), list},
                       {QStringLiteral("next"), list.size() == limit ? QJsonValue(lastId) : QJsonValue()},
                       {QStringLiteral("at"), at.value()}};
}

} // namespace vantage::server
