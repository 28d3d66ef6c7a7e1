#include "synccontroller.h"

#include "recordeditor.h"

#include "changeapplier.h"
#include "syncstate.h"

#include "domain/clock.h"
#include "domain/futurewatch.h"
#include "storage/store.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QSysInfo>

#include <atomic>

namespace vantage::sync {
namespace {

using core::Error;
using core::ErrorCode;

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::sync::SyncController)
};

// The store's context, with a cancel flag of our own: cancelling the QFuture would drop the result,
// and the result carries the rotated tokens and the outbox counts.
class CancellableContext : public core::JobContext
{
public:
    CancellableContext(core::JobContext &inner, const std::atomic_bool &cancelled) : m_inner(inner), m_cancelled(cancelled) {}
    core::Result<QSqlDatabase> connection() override { return m_inner.connection(); }
    bool isCanceled() const override { return m_cancelled || m_inner.isCanceled(); }
    void setProgress(int value, int maximum, const QString &text) override { m_inner.setProgress(value, maximum, text); }

private:
    core::JobContext &m_inner;
    const std::atomic_bool &m_cancelled;
};

bool isTransient(ErrorCode code)
{
    return code == ErrorCode::Network || code == ErrorCode::ServerBusy || code == ErrorCode::Throttled;
}

} // namespace

struct SyncController::Outcome
{
    core::Status status;
    SyncReport report;
    SyncSession session;
    QJsonArray serverConflicts;
    std::vector<OutboxEntry> refused;
    std::optional<RefusedChange> refusedChange;
    QString serverUrl;
    QString login;
    qint64 lastSyncMs = 0;
    qint64 pending = 0;
    qint64 rejected = 0;
    qint64 conflicts = 0;
};

SyncController::SyncController(QObject *parent) : QObject(parent), m_vault(this)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SyncController::syncNow);
}

// A job still running finishes on the store's writer thread (which the store joins when it
// closes); its result is dropped with its watcher.
SyncController::~SyncController()
{
    cancel();
}

void SyncController::finishForExit(int timeoutMs)
{
    cancel();
    m_timer.stop();
    const QDeadlineTimer deadline(timeoutMs);
    // A token rotated by the last request reaches us as a queued call, then goes to the keychain.
    while ((m_running || m_vault.pending() > 0) && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents, 20);
}

int SyncController::retryDelayMs(int failures)
{
    const int shift = std::clamp(failures - 1, 0, 16);
    return static_cast<int>(std::min<qint64>(qint64(kFirstRetryMs) << shift, kMaxRetryMs));
}

void SyncController::setStore(core::Store *store)
{
    cancel();
    m_running = nullptr; // a job on the previous store ends on its own; its answer is ignored
    m_cancel.reset();
    ++m_storeGeneration;
    m_store = store;
    m_session = std::make_shared<SharedSession>(); // jobs on the previous store keep theirs
    m_failures = 0;
    m_timer.stop();
    m_status = SyncStatus{};
    if (!m_store) {
        Q_EMIT statusChanged(m_status);
        return;
    }
    setConnection(SyncStatus::Connection::SignedOut); // until the keychain says otherwise
    restoreSession();
}

// Reads which server and user this database belongs to, then the refresh token from the keychain.
void SyncController::restoreSession()
{
    const quint64 generation = m_storeGeneration;
    run(QString(), [](SyncEngine &, core::JobContext &, Outcome &) { return core::Status(); }, [this, generation](const Outcome &read) {
        if (generation != m_storeGeneration)
            return;
        applyCounts(read);
        if (read.serverUrl.isEmpty() || read.login.isEmpty())
            return setConnection(SyncStatus::Connection::SignedOut);
        m_vault.load(TokenVault::account(read.serverUrl, read.login), [this, generation](const core::Result<QString> &token) {
            if (generation != m_storeGeneration)
                return;
            if (!token)
                return setConnection(SyncStatus::Connection::SignedOut, token.error().message);
            if (token.value().isEmpty())
                return setConnection(SyncStatus::Connection::SignedOut);
            SyncSession restored;
            restored.refreshToken = token.value();
            restored.login = m_status.login;
            setSession(restored, false);
            setConnection(SyncStatus::Connection::Idle);
            syncNow();
        });
    }, false);
}

// Runs job on the writer thread with an engine for this database's server (or serverUrl when
// signing in), then reads the outbox counts; then() gets the outcome on the GUI thread.
void SyncController::run(const QString &serverUrl, Job job, std::function<void(const Outcome &)> then, bool tracked)
{
    if (!m_store)
        return;
    auto cancelled = std::make_shared<std::atomic_bool>(false);
    const QPointer<SyncController> self(this);
    // Rotated refresh tokens are kept at once, whatever happens to the rest of the job: the old one
    // is dead on the server from that moment.
    SyncEngine::TokenSaver saver = [self](const QString &token) {
        QMetaObject::invokeMethod(self, [self, token] { if (self) self->keepRefreshToken(token); }, Qt::QueuedConnection);
    };
    auto work = [serverUrl, job = std::move(job), shared = m_session, ca = m_caBundle, cancelled,
                 saver = std::move(saver)](core::JobContext &context) {
        auto outcome = std::make_shared<Outcome>();
        auto db = context.connection();
        if (!db) {
            outcome->status = db.error();
            return outcome;
        }
        const SyncState state(db.value());
        outcome->serverUrl = serverUrl.isEmpty() ? state.value(SyncState::kServerUrl).value_or(QString()) : serverUrl;
        SyncTransport transport(outcome->serverUrl, ca);
        SyncEngine engine(db.value(), transport, saver);
        quint64 epoch = 0;
        {
            const QMutexLocker lock(&shared->mutex);
            engine.setSession(shared->session);
            epoch = shared->epoch;
        }
        CancellableContext cancellable(context, *cancelled);
        if (!outcome->serverUrl.isEmpty() || !serverUrl.isEmpty())
            outcome->status = job(engine, cancellable, *outcome);
        {
            const QMutexLocker lock(&shared->mutex);
            if (shared->epoch == epoch)
                shared->session = engine.session();
        }
        outcome->session = engine.session();
        readCounts(db.value(), *outcome);
        return outcome;
    };
    auto *watcher = new QFutureWatcher<std::shared_ptr<Outcome>>(this);
    const quint64 generation = m_storeGeneration;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, then = std::move(then), generation, tracked] {
        watcher->deleteLater();
        if (tracked && m_running == watcher) {
            m_running = nullptr;
            m_cancel.reset();
        }
        if (generation != m_storeGeneration || watcher->future().resultCount() == 0)
            return;
        then(*watcher->result());
    });
    if (tracked) {
        m_running = watcher;
        m_cancel = cancelled;
        connect(watcher, &QFutureWatcherBase::progressValueChanged, this, [this, watcher](int value) {
            Q_EMIT progressChanged(value, watcher->progressMaximum(), watcher->progressText());
        });
    }
    watcher->setFuture(m_store->submitWrite<std::shared_ptr<Outcome>>(std::move(work)));
}

void SyncController::readCounts(const QSqlDatabase &db, Outcome &outcome)
{
    const SyncState state(db);
    const Outbox outbox(db);
    outcome.login = state.value(SyncState::kLogin).value_or(QString());
    outcome.lastSyncMs = state.value(SyncState::kLastSyncMs).value_or(QString()).toLongLong();
    outcome.pending = outbox.count(QStringLiteral("pending")).value_or(0);
    outcome.rejected = outbox.count(QStringLiteral("rejected")).value_or(0);
    outcome.conflicts = outbox.count(QStringLiteral("conflict")).value_or(0);
}

void SyncController::applyCounts(const Outcome &outcome)
{
    m_status.serverUrl = outcome.serverUrl;
    m_status.login = outcome.login;
    m_status.lastSyncMs = outcome.lastSyncMs;
    m_status.pending = outcome.pending;
    m_status.rejected = outcome.rejected;
    m_status.conflicts = outcome.conflicts;
}

void SyncController::setConnection(SyncStatus::Connection connection, const QString &error)
{
    m_status.connection = connection;
    m_status.lastError = error;
    Q_EMIT statusChanged(m_status);
}

SyncSession SyncController::session() const
{
    const QMutexLocker lock(&m_session->mutex);
    return m_session->session;
}

void SyncController::setSession(const SyncSession &session, bool newEpoch)
{
    const QMutexLocker lock(&m_session->mutex);
    m_session->session = session;
    m_session->epoch += newEpoch ? 1 : 0;
}

// Called with every rotated refresh token (the shared session has it already).
void SyncController::keepRefreshToken(const QString &token)
{
    if (m_status.serverUrl.isEmpty() || m_status.login.isEmpty())
        return; // signing in: stored once the server and login are known (finishSignIn)
    m_vault.store(TokenVault::account(m_status.serverUrl, m_status.login), token, [this](const core::Status &stored) {
        if (m_status.sessionOnly != !stored) {
            m_status.sessionOnly = !stored;
            Q_EMIT statusChanged(m_status);
        }
        if (!stored)
            Q_EMIT actionFinished(false, stored.error().message);
    });
}

void SyncController::signIn(const QString &serverUrl, const QString &login, const QString &password)
{
    if (!m_store || m_running)
        return;
    const QString url = serverUrl.trimmed();
    m_status.serverUrl = url; // rotated tokens arriving meanwhile belong to this account
    m_status.login = login;
    setConnection(SyncStatus::Connection::Syncing);
    run(url, [url, login, password](SyncEngine &engine, core::JobContext &, Outcome &) -> core::Status {
        if (auto fresh = prepareForAccount(engine, url, login); !fresh)
            return fresh;
        auto session = engine.login(login, password, QSysInfo::machineHostName());
        if (!session)
            return session.error();
        return SyncState(engine.database()).set(SyncState::kServerUrl, url);
    }, [this](const Outcome &outcome) { finishSignIn(outcome); }, true);
}

// A company database holds one server's and one user's data. Signing in elsewhere starts from an
// empty copy, but never while changes wait to be sent: those would go to the wrong place or be lost.
core::Status SyncController::prepareForAccount(SyncEngine &engine, const QString &url, const QString &login)
{
    const SyncState state(engine.database());
    const QString oldUrl = state.value(SyncState::kServerUrl).value_or(QString());
    const QString oldLogin = state.value(SyncState::kLogin).value_or(QString());
    if ((oldUrl.isEmpty() || oldUrl == url) && (oldLogin.isEmpty() || oldLogin == login))
        return {};
    const qint64 unsent = Outbox(engine.database()).count(QStringLiteral("pending")).value_or(1)
                          + Outbox(engine.database()).count(QStringLiteral("rejected")).value_or(1)
                          + Outbox(engine.database()).count(QStringLiteral("conflict")).value_or(1);
    if (unsent > 0)
        return Error{ErrorCode::InvalidInput,
                     Tr::tr("This computer still has %n change(s) for %1 on %2. Sign in as %1 and sync them before "
                            "signing in as someone else or to another server.", nullptr, static_cast<int>(unsent))
                         .arg(oldLogin, oldUrl),
                     QStringLiteral("unsent changes")};
    return ChangeApplier(engine.database()).wipe();
}

void SyncController::finishSignIn(const Outcome &outcome)
{
    applyCounts(outcome);
    if (!outcome.status) {
        setConnection(SyncStatus::Connection::SignedOut, outcome.status.error().message);
        Q_EMIT signInFinished(false, outcome.status.error().message);
        return;
    }
    m_failures = 0;
    // Again under the login as the server spells it (what the next start reads back).
    keepRefreshToken(outcome.session.refreshToken);
    setConnection(SyncStatus::Connection::Idle);
    Q_EMIT signInFinished(true, QString());
    syncNow();
}

void SyncController::signOut()
{
    if (!m_store)
        return;
    cancel();
    m_timer.stop();
    const QString account = TokenVault::account(m_status.serverUrl, m_status.login);
    // Ends the session on the server too; offline, the token is still forgotten here.
    run(QString(), [ending = session()](SyncEngine &engine, core::JobContext &, Outcome &) {
        engine.setSession(ending);
        return engine.logout();
    }, [](const Outcome &) {}, false);
    setSession({}, true);
    m_vault.erase(account, [](const core::Status &) {});
    setConnection(SyncStatus::Connection::SignedOut);
}

void SyncController::syncNow()
{
    if (!m_store || m_running || session().refreshToken.isEmpty())
        return;
    m_timer.stop();
    setConnection(SyncStatus::Connection::Syncing);
    run(QString(), [](SyncEngine &engine, core::JobContext &context, Outcome &outcome) -> core::Status {
        auto report = engine.sync(context);
        if (!report)
            return report.error();
        outcome.report = report.value();
        return {};
    }, [this](const Outcome &outcome) { finishSync(outcome); }, true);
}

void SyncController::finishSync(const Outcome &outcome)
{
    applyCounts(outcome);
    const bool revoked = !outcome.status && outcome.status.error().code == ErrorCode::Revoked;
    if (outcome.report.pulled > 0 || !outcome.report.reset.isEmpty() || revoked)
        Q_EMIT dataChanged(); // what the pages show is out of date
    if (outcome.status) {
        m_failures = 0;
        setConnection(SyncStatus::Connection::Idle);
        return scheduleNext(kIntervalMs);
    }
    const core::Error &error = outcome.status.error();
    if (error.code == ErrorCode::Cancelled) {
        setConnection(SyncStatus::Connection::Idle, error.message);
        return scheduleNext(kIntervalMs);
    }
    if (isTransient(error.code)) {
        setConnection(SyncStatus::Connection::Offline, error.message);
        return scheduleNext(retryDelayMs(++m_failures));
    }
    if (error.code == ErrorCode::Unauthorized || error.code == ErrorCode::Revoked) {
        // The session is over (or the data was wiped): a new sign-in is needed.
        m_vault.erase(TokenVault::account(m_status.serverUrl, m_status.login), [](const core::Status &) {});
        setSession({}, true);
        return setConnection(SyncStatus::Connection::SignedOut, error.message);
    }
    // Too old a client, a refusal or a local database error: no automatic retries until the user acts.
    setConnection(SyncStatus::Connection::Failed, error.message);
}

void SyncController::scheduleNext(int delayMs)
{
    m_status.nextAttemptMs = core::Clock::nowMs() + delayMs;
    m_timer.start(delayMs);
    Q_EMIT statusChanged(m_status);
}

void SyncController::cancel()
{
    if (m_cancel)
        *m_cancel = true;
}

// The refused changes from the outbox; the open conflicts from the server when signed in (offline,
// the page still lists the refused changes and says why the conflicts are missing).
void SyncController::loadIssues()
{
    const bool signedIn = !session().refreshToken.isEmpty();
    run(QString(), [signedIn](SyncEngine &engine, core::JobContext &, Outcome &outcome) -> core::Status {
        const Outbox outbox(engine.database());
        for (const QString &state : {QStringLiteral("rejected"), QStringLiteral("conflict")}) {
            auto entries = outbox.entries(state);
            if (!entries)
                return entries.error();
            outcome.refused.insert(outcome.refused.end(), entries.value().begin(), entries.value().end());
        }
        if (!signedIn)
            return Error{ErrorCode::Unauthorized, Tr::tr("Sign in to see the conflicts waiting on the server."), QString()};
        auto conflicts = engine.conflicts();
        if (!conflicts)
            return conflicts.error();
        outcome.serverConflicts = conflicts.value();
        return {};
    }, [this](const Outcome &outcome) {
        Q_EMIT issuesLoaded(outcome.refused, outcome.serverConflicts, outcome.status ? QString() : outcome.status.error().message);
    }, false);
}

void SyncController::resend(qint64 mid)
{
    run(QString(), [mid](SyncEngine &engine, core::JobContext &, Outcome &) { return Outbox(engine.database()).resend(mid); },
        [this](const Outcome &outcome) { finishAction(outcome, Tr::tr("The change will be sent again at the next sync.")); }, false);
}

void SyncController::loadRefusedChange(qint64 mid)
{
    run(QString(), [mid](SyncEngine &engine, core::JobContext &, Outcome &outcome) -> core::Status {
        auto change = readRefusedChange(engine.database(), mid);
        if (!change)
            return change.error();
        outcome.refusedChange = std::move(change.value());
        return {};
    }, [this](const Outcome &outcome) {
        if (outcome.refusedChange)
            Q_EMIT refusedChangeLoaded(*outcome.refusedChange);
        else
            Q_EMIT actionFinished(false, outcome.status.error().message);
    }, false);
}

void SyncController::replaceRefused(qint64 mid, const QJsonObject &fields)
{
    run(QString(), [mid, fields](SyncEngine &engine, core::JobContext &, Outcome &) {
        return RecordEditor(engine.database()).replaceRefused(mid, fields);
    }, [this](const Outcome &outcome) { finishAction(outcome, Tr::tr("The corrected change will be sent at the next sync.")); }, false);
}

void SyncController::resolveConflict(const QString &conflictId, qint64 mid, const QJsonObject &resolution)
{
    run(QString(), [conflictId, mid, resolution](SyncEngine &engine, core::JobContext &, Outcome &) {
        return engine.resolveConflict(conflictId, mid, resolution);
    }, [this](const Outcome &outcome) { finishAction(outcome, Tr::tr("The conflict is resolved; the result arrives with the next sync.")); },
        false);
}

void SyncController::finishAction(const Outcome &outcome, const QString &doneMessage)
{
    applyCounts(outcome);
    Q_EMIT statusChanged(m_status);
    Q_EMIT actionFinished(bool(outcome.status), outcome.status ? doneMessage : outcome.status.error().message);
    if (outcome.status)
        syncNow();
}

} // namespace vantage::sync
