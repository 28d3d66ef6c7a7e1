#include "serverstate.h"

#include "serverdatabase.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace vantage::test {
namespace {

QJsonObject objectOf(const QVariant &text)
{
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

bool run(QSqlQuery &q, const QString &sql, QString *error)
{
    if (q.exec(sql))
        return true;
    *error = QStringLiteral("%1: %2").arg(sql, q.lastError().text());
    return false;
}

bool readRows(QSqlQuery &q, ServerState &state, QString *error)
{
    if (!run(q, QStringLiteral("SELECT entity, id, region_id, version, deleted, data FROM sync_row"), error))
        return false;
    while (q.next())
        state.rows[{q.value(0).toString(), q.value(1).toString()}] =
            ServerRow{q.value(2).toString(), q.value(3).toLongLong(), q.value(4).toInt() != 0, objectOf(q.value(5))};
    return true;
}

bool readHistory(QSqlQuery &q, ServerState &state, QString *error)
{
    if (!run(q, QStringLiteral("SELECT id, action, client_id, entity_id, detail FROM audit_log "
                               "WHERE action IN ('push', 'region_assigned', 'region_unassigned')"),
             error))
        return false;
    std::vector<std::pair<QString, AuditedEvent>> byId;
    while (q.next()) {
        const QJsonObject detail = objectOf(q.value(4));
        byId.push_back({q.value(0).toString(),
                        {q.value(1).toString(), q.value(2).toString(), detail.value(QStringLiteral("mid")).toInteger(),
                         detail.value(QStringLiteral("status")).toString(), detail.value(QStringLiteral("code")).toString(),
                         q.value(3).toString(), detail.value(QStringLiteral("region")).toString()}});
    }
    std::sort(byId.begin(), byId.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    for (auto &entry : byId)
        state.history.push_back(std::move(entry.second));
    return true;
}

bool readAnswers(QSqlQuery &q, ServerState &state, QString *error)
{
    if (!run(q, QStringLiteral("SELECT client_id, mid, body FROM mutation_result"), error))
        return false;
    while (q.next()) {
        const QJsonObject body = objectOf(q.value(2));
        state.answers[{q.value(0).toString(), q.value(1).toLongLong()}] =
            MutationOutcome{body.value(QStringLiteral("status")).toString(), body.value(QStringLiteral("code")).toString(),
                            body.value(QStringLiteral("version")).toInteger()};
    }
    if (!run(q, QStringLiteral("SELECT client_id, mid, status, entity, row_id FROM conflict"), error))
        return false;
    while (q.next())
        state.conflicts[{q.value(0).toString(), q.value(1).toLongLong()}] =
            ServerConflict{q.value(2).toString(), q.value(3).toString(), q.value(4).toString()};
    return true;
}

} // namespace

std::optional<ServerState> ServerState::read(const QString &databaseSpec, QString *error)
{
    auto spec = server::DatabaseSpec::parse(databaseSpec);
    if (!spec) {
        *error = spec.error().message;
        return std::nullopt;
    }
    const server::ServerDatabase database(spec.value());
    auto db = database.connection();
    if (!db) {
        *error = db.error().message;
        return std::nullopt;
    }
    ServerState state;
    QSqlQuery q(db.value());
    if (!readRows(q, state, error) || !readHistory(q, state, error) || !readAnswers(q, state, error))
        return std::nullopt;
    return state;
}

} // namespace vantage::test
