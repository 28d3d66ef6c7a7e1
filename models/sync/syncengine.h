#pragma once

#include "synctransport.h"

#include "domain/result.h"
#include "protocol/syncmessages.h"
#include "storage/jobcontext.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>

#include <functional>
#include <future>

namespace vantage::sync {

// The tokens of a signed-in session. The refresh token is the only secret kept between runs (in the
// OS keychain, by the caller); the access token lives in memory only.
struct SyncSession
{
    QString accessToken;
    QString refreshToken;
    qint64 accessExpiresMs = 0;
    QString userId;
    QString login;
    QString role;
};

struct SyncReport
{
    int pushed = 0;
    int rejected = 0;
    int conflicts = 0;
    int pulled = 0;
    QString reset; // the kind of reset handled, if any
};

// One sync of the company database with the server (SYNC.md): push the outbox in mid order, then
// pull pages until the cursor is current, each page applied with its cursor in one transaction; an
// empty database starts from snapshots; resets (scope, horizon) keep the outbox. Runs on the sync
// thread over that thread's connection; cancellable between requests.
class SyncEngine
{
public:
    using TokenSaver = std::function<void(const QString &refreshToken)>;
    static constexpr int kPushBatch = 200;
    static constexpr int kPullLimit = 1000;

    SyncEngine(QSqlDatabase db, SyncTransport &transport, TokenSaver saveRefreshToken = {});

    core::Result<SyncSession> login(const QString &login, const QString &password, const QString &deviceName);
    core::Status logout();
    void setSession(const SyncSession &session) { m_session = session; }
    const SyncSession &session() const { return m_session; }
    const QSqlDatabase &database() const { return m_db; }

    core::Result<SyncReport> sync(core::JobContext &context);
    core::Status push(SyncReport &report);
    core::Status pull(core::JobContext &context, SyncReport &report);

    // Open document conflicts this user may see, as the server lists them (GET /v1/conflicts).
    core::Result<QJsonArray> conflicts();
    // Settles a conflict (choice "server", "client" or "merged" with its row); the outbox entry it
    // came from (mid) is answered by that and leaves.
    core::Status resolveConflict(const QString &conflictId, qint64 mid, const QJsonObject &resolution);

private:
    core::Status ensureAccess();
    core::Result<QByteArray> call(const QString &path, const QByteArray &body, bool retried = false);
    core::Result<QByteArray> fetch(const QString &pathAndQuery, bool retried = false);
    core::Result<QByteArray> interpret(const HttpReply &reply, bool retried, const std::function<core::Result<QByteArray>()> &again);
    core::Status loadSnapshots(core::JobContext &context, SyncReport &report);
    std::future<HttpReply> requestSnapshotPage(const QString &entity, const QString &after);
    core::Result<core::SnapshotPage> receiveSnapshotPage(const QString &entity, const QString &after, std::future<HttpReply> &reply);
    core::Status handleReset(const core::PullResponse &page, core::JobContext &context, SyncReport &report);
    core::Status storeSession(const QJsonObject &answer);

    QSqlDatabase m_db;
    SyncTransport &m_transport;
    TokenSaver m_saveRefreshToken;
    SyncSession m_session;
};

} // namespace vantage::sync
