#pragma once

#include "outbox.h"
#include "refusedchange.h"
#include "syncengine.h"
#include "tokenvault.h"

#include <QFutureWatcher>
#include <QJsonArray>
#include <QMutex>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>

namespace vantage::core {
class Store;
}

namespace vantage::sync {

// What the status bar and the Sync page show.
struct SyncStatus
{
    enum class Connection { NotSynced, SignedOut, Idle, Syncing, Offline, Failed };
    Connection connection = Connection::NotSynced; // NotSynced: the demo or no database is open
    QString serverUrl;
    QString login;
    qint64 lastSyncMs = 0;
    qint64 pending = 0;
    qint64 rejected = 0;
    qint64 conflicts = 0;
    QString lastError;        // translated; empty when the last contact went well
    bool sessionOnly = false; // the keychain failed: the sign-in lasts until Vantage closes
    qint64 nextAttemptMs = 0; // automatic sync: when it tries next
};

// Runs sync for the app (issue 3, SYNC.md): on the store's writer thread, so a sync never races a
// local edit; automatically every few minutes while signed in, sooner after a change, with back-off
// while the server cannot be reached; "Sync now" and Cancel from the user; the refresh token in
// the keychain. Lives on the GUI thread; its signals carry plain values.
class SyncController : public QObject
{
    Q_OBJECT
public:
    static constexpr int kIntervalMs = 5 * 60 * 1000;
    static constexpr int kFirstRetryMs = 15 * 1000;
    static constexpr int kMaxRetryMs = 10 * 60 * 1000;

    explicit SyncController(QObject *parent = nullptr);
    ~SyncController() override;

    // The company database (sync runs on it) or nullptr (the demo, or nothing open).
    void setStore(core::Store *store);
    void setCaBundle(const QString &path) { m_caBundle = path; }
    const SyncStatus &status() const { return m_status; }
    bool isRunning() const { return m_running != nullptr; }

    void signIn(const QString &serverUrl, const QString &login, const QString &password);
    void signOut();
    void syncNow();
    void cancel();
    void loadIssues();
    // At exit: stops a running sync and lets the newest refresh token reach the keychain, so the
    // next start needs no password. Waits at most timeoutMs (the window is closed by then).
    void finishForExit(int timeoutMs);
    void resend(qint64 mid);
    // The refused change with the row as it is now, for the Fix dialog (refusedChangeLoaded).
    void loadRefusedChange(qint64 mid);
    // The user's corrected fields sent in place of the refused change (RecordEditor::replaceRefused).
    void replaceRefused(qint64 mid, const QJsonObject &fields);
    void resolveConflict(const QString &conflictId, qint64 mid, const QJsonObject &resolution);

    // The back-off after the n-th failure in a row (n >= 1).
    static int retryDelayMs(int failures);

Q_SIGNALS:
    void statusChanged(const vantage::sync::SyncStatus &status);
    void progressChanged(int value, int maximum, const QString &text);
    void signInFinished(bool ok, const QString &message);
    void issuesLoaded(const std::vector<vantage::sync::OutboxEntry> &refused, const QJsonArray &serverConflicts,
                      const QString &problem);
    void actionFinished(bool ok, const QString &message);
    void refusedChangeLoaded(const vantage::sync::RefusedChange &change);
    // A sync brought changes (or wiped the data): pages reload.
    void dataChanged();

private:
    struct Outcome;
    using Job = std::function<core::Status(SyncEngine &, core::JobContext &, Outcome &)>;

    void restoreSession();
    void run(const QString &serverUrl, Job job, std::function<void(const Outcome &)> then, bool tracked);
    static void readCounts(const QSqlDatabase &db, Outcome &outcome);
    static core::Status prepareForAccount(SyncEngine &engine, const QString &url, const QString &login);
    void finishSignIn(const Outcome &outcome);
    void finishSync(const Outcome &outcome);
    void finishAction(const Outcome &outcome, const QString &doneMessage);
    void applyCounts(const Outcome &outcome);
    void scheduleNext(int delayMs);
    void setConnection(SyncStatus::Connection connection, const QString &error = {});
    void keepRefreshToken(const QString &token);

    core::Store *m_store = nullptr;
    TokenVault m_vault;
    // The session of the signed-in user, shared by every job: jobs run one after another on the
    // writer thread, each starts from the tokens the previous one left. (A copy per job would send
    // an already rotated refresh token, which the server treats as stolen.)
    struct SharedSession
    {
        mutable QMutex mutex;
        SyncSession session;
        quint64 epoch = 0; // bumped by sign-out: a job still running must not bring the session back
    };
    std::shared_ptr<SharedSession> m_session = std::make_shared<SharedSession>();
    SyncSession session() const;
    void setSession(const SyncSession &session, bool newEpoch);
    SyncStatus m_status;
    QString m_caBundle;
    QTimer m_timer;
    int m_failures = 0;
    QFutureWatcher<std::shared_ptr<Outcome>> *m_running = nullptr; // the sign-in or sync under way
    std::shared_ptr<std::atomic_bool> m_cancel;                      // its cancel flag
    quint64 m_storeGeneration = 0; // answers about an earlier store are ignored
};

} // namespace vantage::sync
