#include "syncengine.h"

#include "changeapplier.h"
#include "outbox.h"
#include "syncstate.h"

#include "domain/clock.h"
#include "protocol/entitycatalog.h"
#include "protocol/syncmessages.h"
#include "storage/sql.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSysInfo>
#include <QUrlQuery>

#include <future>

namespace vantage::sync {
namespace {

using core::Error;
using core::ErrorCode;
using core::Status;

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::sync::SyncEngine)
};

QJsonObject objectOf(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

QString serverCode(const QByteArray &body)
{
    return objectOf(body).value(QStringLiteral("code")).toString();
}

bool isDocument(const core::Mutation &m)
{
    const core::EntityDescriptor *entity = core::EntityCatalog::instance().find(m.entity());
    return entity && entity->policy == core::ConflictPolicy::Document;
}

// The next request's mutations, in mid order, with at most one change per document: a document's
// next change must name the version the server gave the previous one, which only its answer tells.
core::PushRequest nextBatch(const QString &clientId, const std::vector<OutboxEntry> &pending)
{
    core::PushRequest request{clientId, {}};
    QSet<QString> documents;
    for (const OutboxEntry &entry : pending) {
        if (isDocument(entry.mutation)) {
            if (documents.contains(entry.mutation.id))
                break;
            documents.insert(entry.mutation.id);
        }
        request.mutations.push_back(entry.mutation);
    }
    return request;
}

// Records the server's answer to one mutation (inside the transaction of its batch). When the
// server took a document change as version N, the laptop's later changes of that document (made on
// top of it) and its copy build on N; otherwise two saves of one quote made offline would conflict
// with each other. A refused change leaves no row behind that the server never had (the pull that
// follows brings the server's copy).
core::Status settle(const QSqlDatabase &db, const core::Mutation &m, const core::MutationResult &result)
{
    if (auto acknowledged = Outbox(db).acknowledge(result); !acknowledged)
        return acknowledged;
    if (result.status == QLatin1String("rejected") || result.status == QLatin1String("conflict"))
        return ChangeApplier(db).dropUnsynced(m);
    if (!isDocument(m) || result.status != QLatin1String("applied") || result.version <= 0)
        return {};
    if (auto rebased = Outbox(db).rebaseLater(m.entity(), m.id, m.mid, result.version); !rebased)
        return rebased;
    return ChangeApplier(db).confirmVersion(m.entity(), m.id, result.version);
}

// The answers to one upload, recorded in one transaction: a crash half-way leaves them all
// unrecorded, and the next push gets the same answers again from the server (mid <= lastMid).
Status settleAll(const QSqlDatabase &db, const core::PushRequest &request, const core::PushResponse &response)
{
    const size_t answered = std::min(response.results.size(), request.mutations.size());
    for (size_t i = 0; i < answered; ++i)
        if (response.results[i].mid != request.mutations[i].mid)
            return Error{ErrorCode::Protocol, Tr::tr("The server's answer to the upload is not in order."), QString()};
    return core::Sql(db).transaction([&]() -> core::Status {
        for (size_t i = 0; i < answered; ++i)
            if (auto settled = settle(db, request.mutations[i], response.results[i]); !settled)
                return settled;
        return {};
    });
}

// No answer: the network, or a server certificate this computer does not trust (nothing was sent).
Error unreachable(const HttpReply &reply, const QString &server)
{
    if (reply.untrustedCertificate)
        return Error{ErrorCode::Network,
                     Tr::tr("The certificate of the server %1 is not trusted (%2), so nothing was sent; your changes stay on "
                            "this computer. If your company uses its own certificate authority, ask your administrator for "
                            "its CA certificate file.").arg(server, reply.error),
                     reply.error};
    return Error{ErrorCode::Network,
                 Tr::tr("The server %1 cannot be reached (%2). Your changes stay on this computer and are sent at the "
                        "next sync.").arg(server, reply.error),
                 reply.error};
}

QString snapshotPath(const QString &entity, const QString &after)
{
    QUrlQuery query{{QStringLiteral("entity"), entity}, {QStringLiteral("limit"), QString::number(SyncEngine::kPullLimit * 2)}};
    if (!after.isEmpty())
        query.addQueryItem(QStringLiteral("after"), after);
    return QStringLiteral("/v1/snapshot?") + query.toString(QUrl::FullyEncoded);
}

} // namespace

SyncEngine::SyncEngine(QSqlDatabase db, SyncTransport &transport, TokenSaver saveRefreshToken)
    : m_db(std::move(db)), m_transport(transport), m_saveRefreshToken(std::move(saveRefreshToken))
{
}

core::Result<QByteArray> SyncEngine::interpret(const HttpReply &reply, bool retried,
                                                const std::function<core::Result<QByteArray>()> &again)
{
    const QString server = m_transport.baseUrl();
    if (!reply.reached())
        return unreachable(reply, server);
    if (reply.status == 200)
        return reply.body;
    const QString code = serverCode(reply.body);
    if (reply.status == 401 && code == QLatin1String("revoked")) {
        // An administrator ended this user's or device's access: the company data leaves the laptop.
        (void)ChangeApplier(m_db).wipe();
        m_session = {};
        return Error{ErrorCode::Revoked,
                     Tr::tr("Your access to %1 was revoked by an administrator; the company data on this computer was "
                            "removed.").arg(server),
                     code};
    }
    if (reply.status == 401 && code == QLatin1String("token_expired") && !retried && !m_session.refreshToken.isEmpty()) {
        m_session.accessExpiresMs = 0;
        if (auto refreshed = ensureAccess(); !refreshed)
            return refreshed.error();
        return again();
    }
    if (reply.status == 401)
        return Error{ErrorCode::Unauthorized, Tr::tr("Sign in to %1 again.").arg(server), code};
    if (reply.status == 426)
        return Error{ErrorCode::ClientTooOld,
                     Tr::tr("This version of Vantage is too old for the server %1; install the update. Your changes are "
                            "kept.").arg(server),
                     code};
    if (reply.status == 429)
        return Error{ErrorCode::Throttled, Tr::tr("Too many attempts; wait %n seconds and try again.", nullptr,
                                                  std::max(1, reply.retryAfterSeconds)), code};
    if (reply.status == 409 && code == QLatin1String("stale"))
        return Error{ErrorCode::Protocol,
                     Tr::tr("Someone saved the document on the server again while you were choosing; open the conflict "
                            "again to choose from the new version. Nothing was changed."),
                     code};
    if (reply.status >= 500)
        return Error{ErrorCode::ServerBusy,
                     Tr::tr("The server %1 is busy or failing (HTTP %2); sync will try again.").arg(server).arg(reply.status),
                     QString::fromUtf8(reply.body.left(300))};
    return Error{ErrorCode::Protocol,
                 Tr::tr("The server %1 refused the request (HTTP %2: %3).")
                     .arg(server).arg(reply.status).arg(objectOf(reply.body).value(QStringLiteral("message")).toString()),
                 QString::fromUtf8(reply.body.left(300))};
}

core::Result<QByteArray> SyncEngine::call(const QString &path, const QByteArray &body, bool retried)
{
    m_transport.setAccessToken(m_session.accessToken);
    const HttpReply reply = m_transport.post(path, body);
    return interpret(reply, retried, [&] { return call(path, body, true); });
}

core::Result<QByteArray> SyncEngine::fetch(const QString &pathAndQuery, bool retried)
{
    m_transport.setAccessToken(m_session.accessToken);
    const HttpReply reply = m_transport.get(pathAndQuery);
    return interpret(reply, retried, [&] { return fetch(pathAndQuery, true); });
}

core::Status SyncEngine::storeSession(const QJsonObject &answer)
{
    const QJsonObject user = answer.value(QStringLiteral("user")).toObject();
    m_session.accessToken = answer.value(QStringLiteral("accessToken")).toString();
    m_session.refreshToken = answer.value(QStringLiteral("refreshToken")).toString();
    m_session.accessExpiresMs = core::Clock::nowMs() + answer.value(QStringLiteral("expiresInMs")).toInteger() - 30000;
    m_session.userId = user.value(QStringLiteral("id")).toString();
    m_session.login = user.value(QStringLiteral("login")).toString();
    m_session.role = user.value(QStringLiteral("role")).toString();
    if (m_session.accessToken.isEmpty() || m_session.refreshToken.isEmpty())
        return Error{ErrorCode::Protocol, Tr::tr("The server's sign-in answer is incomplete."), QString()};
    if (m_saveRefreshToken)
        m_saveRefreshToken(m_session.refreshToken);
    const SyncState state(m_db);
    if (auto s = state.set(SyncState::kUserId, m_session.userId); !s)
        return s;
    return state.set(SyncState::kLogin, m_session.login);
}

core::Result<SyncSession> SyncEngine::login(const QString &login, const QString &password, const QString &deviceName)
{
    auto clientId = SyncState(m_db).clientId();
    if (!clientId)
        return clientId.error();
    const QJsonObject body{{QStringLiteral("login"), login}, {QStringLiteral("password"), password},
                           {QStringLiteral("clientId"), clientId.value()},
                           {QStringLiteral("deviceName"), deviceName.isEmpty() ? QSysInfo::machineHostName() : deviceName}};
    m_transport.setAccessToken(QString());
    const HttpReply reply = m_transport.post(QStringLiteral("/v1/auth/login"), QJsonDocument(body).toJson(QJsonDocument::Compact));
    if (reply.reached() && reply.status == 401)
        return Error{ErrorCode::Unauthorized, Tr::tr("The login or password is wrong."), serverCode(reply.body)};
    if (reply.reached() && reply.status == 403)
        return Error{ErrorCode::Revoked, Tr::tr("This computer may not sign in as %1; ask your administrator.").arg(login),
                     serverCode(reply.body)};
    auto answer = interpret(reply, true, {});
    if (!answer)
        return answer.error();
    const QJsonObject object = objectOf(answer.value());
    const SyncState state(m_db);
    const QString epoch = QString::number(object.value(QStringLiteral("scopeEpoch")).toInt());
    if (auto stored = state.set(SyncState::kScopeEpoch, epoch); !stored)
        return stored.error();
    if (auto stored = storeSession(object); !stored)
        return stored.error();
    return m_session;
}

core::Status SyncEngine::ensureAccess()
{
    if (!m_session.accessToken.isEmpty() && m_session.accessExpiresMs > core::Clock::nowMs())
        return {};
    if (m_session.refreshToken.isEmpty())
        return Error{ErrorCode::Unauthorized, Tr::tr("Sign in to %1 first.").arg(m_transport.baseUrl()), QStringLiteral("no session")};
    auto clientId = SyncState(m_db).clientId();
    if (!clientId)
        return clientId.error();
    m_transport.setAccessToken(QString());
    const QJsonObject body{{QStringLiteral("refreshToken"), m_session.refreshToken}, {QStringLiteral("clientId"), clientId.value()}};
    auto answer = interpret(m_transport.post(QStringLiteral("/v1/auth/refresh"), QJsonDocument(body).toJson(QJsonDocument::Compact)),
                            true, {});
    if (!answer)
        return answer.error();
    return storeSession(objectOf(answer.value()));
}

core::Status SyncEngine::logout()
{
    const QJsonObject body{{QStringLiteral("refreshToken"), m_session.refreshToken}};
    auto answer = call(QStringLiteral("/v1/auth/logout"), QJsonDocument(body).toJson(QJsonDocument::Compact));
    m_session = {};
    return answer ? core::Status() : core::Status(answer.error());
}

core::Status SyncEngine::push(SyncReport &report)
{
    auto clientId = SyncState(m_db).clientId();
    if (!clientId)
        return clientId.error();
    const Outbox outbox(m_db);
    for (;;) {
        auto pending = outbox.pending(kPushBatch);
        if (!pending)
            return pending.error();
        if (pending.value().empty())
            return {};
        const core::PushRequest request = nextBatch(clientId.value(), pending.value());
        auto answer = call(QStringLiteral("/v1/push"), core::toJson(request));
        if (!answer)
            return answer.error();
        auto response = core::parsePushResponse(answer.value());
        if (!response)
            return Error{ErrorCode::Protocol, Tr::tr("The server's answer to the upload is not valid: %1").arg(response.error().message),
                         response.error().detail};
        if (auto settled = settleAll(m_db, request, response.value()); !settled)
            return settled;
        for (size_t i = 0; i < response.value().results.size() && i < request.mutations.size(); ++i) {
            const QString &status = response.value().results[i].status;
            ++report.pushed;
            report.rejected += status == QLatin1String("rejected") ? 1 : 0;
            report.conflicts += status == QLatin1String("conflict") ? 1 : 0;
        }
        if (response.value().results.size() < request.mutations.size())
            return Error{ErrorCode::Protocol, Tr::tr("The server answered only part of the upload."), QString()};
    }
}

core::Status SyncEngine::pull(core::JobContext &context, SyncReport &report)
{
    auto clientId = SyncState(m_db).clientId();
    auto cursorText = SyncState(m_db).value(SyncState::kCursor);
    auto epochText = SyncState(m_db).value(SyncState::kScopeEpoch);
    if (!clientId || !cursorText || !epochText)
        return !clientId ? clientId.error() : !cursorText ? cursorText.error() : epochText.error();
    if (cursorText.value().toLongLong() == 0)
        if (auto loaded = loadSnapshots(context, report); !loaded)
            return loaded;
    for (;;) {
        if (context.isCanceled())
            return Error{ErrorCode::Cancelled, Tr::tr("Sync was cancelled; it continues where it stopped next time."), QString()};
        const core::PullRequest request{clientId.value(), SyncState(m_db).value(SyncState::kCursor).value().toLongLong(),
                                        kPullLimit, SyncState(m_db).value(SyncState::kScopeEpoch).value().toInt()};
        auto answer = call(QStringLiteral("/v1/pull"), core::toJson(request));
        if (!answer)
            return answer.error();
        auto page = core::parsePullResponse(answer.value());
        if (!page)
            return Error{ErrorCode::Protocol, Tr::tr("The server's changes are not valid: %1").arg(page.error().message),
                         page.error().detail};
        if (!page.value().reset.isEmpty()) {
            if (auto handled = handleReset(page.value(), context, report); !handled)
                return handled;
            continue;
        }
        if (auto applied = ChangeApplier(m_db).applyPage(page.value()); !applied)
            return applied;
        report.pulled += static_cast<int>(page.value().changes.size());
        context.setProgress(report.pulled, 0, Tr::tr("Receiving changes… %Ln records", nullptr, report.pulled));
        if (!page.value().more)
            return SyncState(m_db).set(SyncState::kLastSyncMs, QString::number(core::Clock::nowMs()));
    }
}

core::Status SyncEngine::loadSnapshots(core::JobContext &context, SyncReport &report)
{
    const SyncState state(m_db);
    auto saved = state.value(SyncState::kSnapshotProgress);
    if (!saved)
        return saved.error();
    // A download cut short (cancelled, offline, the app closed) goes on after its last page: each
    // page is stored together with the position after it.
    SnapshotProgress progress = SnapshotProgress::fromText(saved.value());
    const auto &entities = core::EntityCatalog::instance().entities();
    size_t e = progress.entityIndex();
    QString after = e < entities.size() && progress.entity == entities[e].name ? progress.after : QString();
    // The next page downloads while this one is written: only its HTTP request runs on the
    // worker thread; the answer is checked here, where an expired token is renewed.
    std::future<HttpReply> pending = e < entities.size() ? requestSnapshotPage(entities[e].name, after) : std::future<HttpReply>();
    while (e < entities.size()) {
        if (context.isCanceled())
            return Error{ErrorCode::Cancelled, Tr::tr("Sync was cancelled; the download goes on where it stopped next time."), QString()};
        auto page = receiveSnapshotPage(entities[e].name, after, pending);
        if (!page)
            return page.error();
        const size_t nextEntity = page.value().next.isEmpty() ? e + 1 : e;
        const QString nextAfter = page.value().next;
        if (nextEntity < entities.size())
            pending = requestSnapshotPage(entities[nextEntity].name, nextAfter);
        if (progress.at < 0) // the first page's position: later changes come through pull
            progress.at = page.value().at;
        progress.entity = nextEntity < entities.size() ? entities[nextEntity].name : QString();
        progress.after = nextAfter;
        const QString position = progress.toText();
        if (auto applied = ChangeApplier(m_db).applySnapshot(page.value(), [&] { return state.set(SyncState::kSnapshotProgress, position); });
            !applied)
            return applied;
        report.pulled += static_cast<int>(page.value().rows.size());
        context.setProgress(report.pulled, 0, Tr::tr("Downloading your regions' data… %Ln records", nullptr, report.pulled));
        e = nextEntity;
        after = nextAfter;
    }
    return core::Sql(m_db).transaction([&]() -> Status {
        if (auto cursor = state.set(SyncState::kCursor, QString::number(std::max<qint64>(progress.at, 0))); !cursor)
            return cursor;
        return state.set(SyncState::kSnapshotProgress, QStringLiteral(""));
    });
}

std::future<HttpReply> SyncEngine::requestSnapshotPage(const QString &entity, const QString &after)
{
    const QString path = snapshotPath(entity, after);
    m_transport.setAccessToken(m_session.accessToken);
    return std::async(std::launch::async, [this, path] { return m_transport.get(path); });
}

core::Result<core::SnapshotPage> SyncEngine::receiveSnapshotPage(const QString &entity, const QString &after, std::future<HttpReply> &reply)
{
    auto answer = interpret(reply.get(), false, [&] { return fetch(snapshotPath(entity, after), true); });
    if (!answer)
        return answer.error();
    auto page = core::parseSnapshotPage(answer.value(), entity);
    if (!page)
        return Error{ErrorCode::Protocol, Tr::tr("The server's data is not valid: %1").arg(page.error().message), page.error().detail};
    return page;
}

core::Status SyncEngine::handleReset(const core::PullResponse &page, core::JobContext &context, SyncReport &report)
{
    report.reset = page.reset;
    const ChangeApplier applier(m_db);
    const SyncState state(m_db);
    auto cursor = state.value(SyncState::kCursor);
    if (!cursor)
        return cursor.error();
    if (page.reset == QLatin1String("scope")) {
        // Regions taken away leave the laptop; the outbox stays (the server refuses what is out of scope).
        if (auto evicted = applier.evictRegions(page.regionsRemoved); !evicted)
            return evicted;
    } else if (page.reset == QLatin1String("horizon")) {
        // Too long offline for the change log: reload everything; the outbox was pushed already
        // and stays until answered.
        if (auto cleared = applier.clearSyncedRows(); !cleared)
            return cleared;
        // A download cut short before this reset built on rows that are gone now.
        if (auto forgotten = state.set(SyncState::kSnapshotProgress, QStringLiteral("")); !forgotten)
            return forgotten;
    } else {
        return Error{ErrorCode::ClientTooOld, Tr::tr("This version of Vantage is too old for the server; install the update."), page.reset};
    }
    if (auto loaded = loadSnapshots(context, report); !loaded)
        return loaded;
    // After a scope reset the pull goes on from the old cursor: the snapshot brought the added
    // regions' rows, but only the change log brings the deletes and moves since then in the regions
    // kept (jumping to the snapshot's position left them on the laptop as ghosts).
    if (page.reset == QLatin1String("scope"))
        if (auto kept = state.set(SyncState::kCursor, cursor.value()); !kept)
            return kept;
    // The new scope counts once its rows are here: an interrupted reload is a reset again next time
    // (stored first, it left the added regions' rows missing for good).
    return state.set(SyncState::kScopeEpoch, QString::number(page.scopeEpoch));
}

core::Result<QJsonArray> SyncEngine::conflicts()
{
    if (auto access = ensureAccess(); !access)
        return access.error();
    auto answer = fetch(QStringLiteral("/v1/conflicts"));
    if (!answer)
        return answer.error();
    return objectOf(answer.value()).value(QStringLiteral("conflicts")).toArray();
}

core::Status SyncEngine::resolveConflict(const QString &conflictId, qint64 mid, const QJsonObject &resolution)
{
    if (auto access = ensureAccess(); !access)
        return access;
    auto answer = call(QStringLiteral("/v1/conflicts/%1/resolve").arg(conflictId), QJsonDocument(resolution).toJson(QJsonDocument::Compact));
    if (!answer)
        return answer.error();
    return Outbox(m_db).settleConflict(mid);
}

core::Result<SyncReport> SyncEngine::sync(core::JobContext &context)
{
    SyncReport report;
    if (auto access = ensureAccess(); !access)
        return access.error();
    if (auto pushed = push(report); !pushed)
        return pushed.error();
    if (auto pulled = pull(context, report); !pulled)
        return pulled.error();
    return report;
}

} // namespace vantage::sync
