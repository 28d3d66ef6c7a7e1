#pragma once

#include "recordedmutation.h"

#include "domain/result.h"
#include "storage/connection.h"
#include "sync/syncengine.h"

#include <QStringList>

#include <map>
#include <memory>

namespace vantage::test {

class FaultProxy;

// How one turn online went: the sync was retried until it went through (or gave up).
struct TurnResult
{
    bool ok = false;
    int attempts = 0;
    QString lastError;
    sync::SyncReport report;
};

// A user's laptop in the harness: its own company database (SQLite), edited offline on the test
// thread, synced through the fault proxy on a thread of its own (the engine gets a connection and
// a transport made on that thread, as in the app), retrying like the app's sync timer would.
class Laptop
{
public:
    // companyRegions: where a user of every region creates records.
    Laptop(QString name, QString login, QString path, UserScope scope, QStringList companyRegions, bool movesRows);

    bool signIn(const QString &proxyUrl, QString *error);
    // Runs on a worker thread; only it touches the laptop's sync state while it runs.
    TurnResult syncTurn(const FaultProxy &proxy, const QString &proxyUrl, int maxAttempts);
    // After a completed turn: every earlier change has its answer, the laptop shows the server's
    // versions and knows the user's regions.
    void markSynced()
    {
        m_unsyncedChanges.clear();
        m_knownScope = m_scope;
    }

    QSqlDatabase db() const { return m_connection->database(); }
    const QString &name() const { return m_name; }
    const QString &clientId() const { return m_clientId; }
    const QString &userId() const { return m_userId; }
    const QString &login() const { return m_login; }
    // The user's regions as the server has them now (an administrator may change them any time).
    const UserScope &scope() const { return m_scope; }
    void setScope(const UserScope &scope) { m_scope = scope; }
    // Where the user creates records: the regions this laptop knew at its last completed turn.
    QStringList regions() const;
    bool movesRows() const { return m_movesRows; }

    // This laptop's latest change of a row since its last completed turn (0: none).
    qint64 unsyncedChange(const QString &rowId) const;
    void noteChange(const QString &rowId, qint64 mid) { m_unsyncedChanges[rowId] = mid; }

private:
    QString m_name;
    QString m_login;
    QString m_path;
    UserScope m_scope;
    UserScope m_knownScope;
    QStringList m_companyRegions;
    bool m_movesRows = false;
    std::unique_ptr<core::ScopedConnection> m_connection;
    QString m_clientId;
    QString m_userId;
    sync::SyncSession m_session;
    std::map<QString, qint64> m_unsyncedChanges;
};

} // namespace vantage::test
