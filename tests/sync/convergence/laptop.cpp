#include "laptop.h"

#include "faultproxy.h"
#include "syncfixture.h"

#include "storage/migrator.h"
#include "sync/syncstate.h"
#include "sync/synctransport.h"

#include <chrono>
#include <thread>

namespace vantage::test {

Laptop::Laptop(QString name, QString login, QString path, UserScope scope, QStringList companyRegions, bool movesRows)
    : m_name(std::move(name)), m_login(std::move(login)), m_path(std::move(path)), m_scope(scope), m_knownScope(scope),
      m_companyRegions(std::move(companyRegions)), m_movesRows(movesRows)
{
}

QStringList Laptop::regions() const
{
    if (m_knownScope.allRegions)
        return m_companyRegions;
    QStringList regions(m_knownScope.regions.begin(), m_knownScope.regions.end());
    regions.sort(); // the same order every run
    return regions;
}

bool Laptop::signIn(const QString &proxyUrl, QString *error)
{
    m_connection = std::make_unique<core::ScopedConnection>(m_path, QStringLiteral("laptop"), core::ConnectionMode::ReadWrite);
    if (!m_connection->ok() || !core::Migrator(db()).migrate().ok()) {
        *error = QStringLiteral("cannot create %1").arg(m_path);
        return false;
    }
    sync::SyncTransport transport(proxyUrl);
    sync::SyncEngine engine(db(), transport);
    auto session = engine.login(m_login, QString::fromLatin1(kTestPassword), m_name);
    if (!session) {
        *error = session.error().message;
        return false;
    }
    m_session = session.value();
    m_userId = m_session.userId;
    auto clientId = sync::SyncState(db()).clientId();
    m_clientId = clientId ? clientId.value() : QString();
    return !m_clientId.isEmpty();
}

qint64 Laptop::unsyncedChange(const QString &rowId) const
{
    const auto it = m_unsyncedChanges.find(rowId);
    return it == m_unsyncedChanges.end() ? 0 : it->second;
}

TurnResult Laptop::syncTurn(const FaultProxy &proxy, const QString &proxyUrl, int maxAttempts)
{
    TurnResult turn;
    const core::ScopedConnection connection(m_path, QStringLiteral("sync-turn"), core::ConnectionMode::ReadWrite);
    if (!connection.ok()) {
        turn.lastError = connection.error().message;
        return turn;
    }
    core::DirectJobContext context(connection.database());
    sync::SyncTransport transport(proxyUrl);
    sync::SyncEngine engine(connection.database(), transport);
    engine.setSession(m_session);
    while (turn.attempts < maxAttempts) {
        ++turn.attempts;
        proxy.waitWhileServerDown(); // a restarting server: the app would wait for its next timer
        auto synced = engine.sync(context);
        if (synced) {
            turn.ok = true;
            turn.report = synced.value();
            break;
        }
        turn.lastError = synced.error().message + QStringLiteral(" [") + synced.error().detail + u']';
        const core::ErrorCode code = synced.error().code;
        if (code == core::ErrorCode::Revoked || code == core::ErrorCode::ClientTooOld || code == core::ErrorCode::Unauthorized)
            break; // nothing a retry can fix: the harness reports it
        std::this_thread::sleep_for(std::chrono::milliseconds(5 * std::min(turn.attempts, 10)));
    }
    m_session = engine.session(); // a refreshed token is kept for the next turn
    return turn;
}

} // namespace vantage::test
