#include "funnelalertmailer.h"

#include "funnelalertmessage.h"
#include "scratchcopy.h"

#include "storage/funnelalertrepository.h"
#include "storage/riskrepository.h"
#include "storage/sql.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace vantage::server {
namespace {

using core::Sql;

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::server::FunnelAlertMailer)
};

// A claim older than this whose mail never went out belongs to a run that died: it is freed.
constexpr qint64 kStaleClaimMs = 3600 * 1000;
// What was mailed is kept this long: an alert's key holds its week, so an older one never comes
// back (the longest comparison reaches 8 quarters back, but only the recent weeks alert).
constexpr qint64 kNoticeKeptMs = qint64(180) * 24 * 3600 * 1000;

QStringList keysOf(const std::vector<core::RaisedFunnelAlert> &alerts)
{
    QStringList keys;
    for (const core::RaisedFunnelAlert &alert : alerts)
        keys << alert.key;
    return keys;
}

} // namespace

// Who reads which regions is the server's to say (auth_user, auth_user_region: `region assign`,
// `user disable`), not the synced user rows: a user without a login, or disabled, reads nothing.
core::Status FunnelAlertMailer::withServerScopes(std::vector<core::FunnelAlertReader> &readers) const
{
    auto server = m_database.connection();
    if (!server)
        return server.error();
    const Sql sql(server.value());
    auto users = sql.query(QStringLiteral("SELECT user_id, role, disabled FROM auth_user"));
    if (!users)
        return users.error();
    QHash<QString, bool> allRegions;  // user id → sees every region; absent = no login or disabled
    while (users.value().next()) {
        const QString role = users.value().value(1).toString();
        if (users.value().value(2).toInt() == 0)
            allRegions.insert(users.value().value(0).toString(), role == QLatin1String("director") || role == QLatin1String("admin"));
    }
    auto regions = sql.query(QStringLiteral("SELECT user_id, region_id FROM auth_user_region"));
    if (!regions)
        return regions.error();
    QHash<QString, QSet<QString>> regionsOf;
    while (regions.value().next())
        regionsOf[regions.value().value(0).toString()].insert(regions.value().value(1).toString());
    for (core::FunnelAlertReader &reader : readers) {
        const bool active = allRegions.contains(reader.userId);
        reader.allRegions = active && allRegions.value(reader.userId);
        reader.regions = active ? regionsOf.value(reader.userId) : QSet<QString>();
    }
    return {};
}

core::Result<FunnelAlertMailer::Outcome> FunnelAlertMailer::run(const QDate &monday, const QDate &today, qint64 nowMs,
                                                                const std::function<bool()> &stopping) const
{
    auto scratch = ScratchCopy::make(m_database, QStringLiteral("alert-scratch"));
    if (!scratch)
        return scratch.error();
    const QSqlDatabase db = scratch.value()->database();
    auto history = core::RiskRepository(db).load();
    if (!history)
        return history.error();
    const core::FunnelAlertRepository repository(db);
    auto setup = repository.setup();
    if (!setup)
        return setup.error();
    auto readers = repository.readers();
    if (!readers)
        return readers.error();
    if (auto scoped = withServerScopes(readers.value()); !scoped)
        return scoped.error();
    const core::FunnelAlertNotices notices =
        core::funnelAlertNotices(history.value(), monday, setup.value().rules, setup.value().states, today, readers.value());

    Outcome outcome;
    outcome.unreachable = notices.unreachable;
    if (auto pruned = pruneOld(nowMs); !pruned)
        return pruned.error();
    for (std::size_t i = 0; i < notices.mailings.size(); ++i) {
        if (stopping && stopping())
            break;  // the server is shutting down: the rest at the next start
        core::FunnelAlertMailing mailing = notices.mailings[i];
        auto claimed = claim(mailing.address, keysOf(mailing.alerts), nowMs);
        if (!claimed)
            return claimed.error();
        outcome.alreadySent += int(mailing.alerts.size()) - int(claimed.value().size());
        std::erase_if(mailing.alerts, [&](const core::RaisedFunnelAlert &a) { return !claimed.value().contains(a.key); });
        if (mailing.alerts.empty())
            continue;
        const core::Status sent = m_mailer.send(funnelAlertMessage(mailing, history.value(), monday));
        // A recipient the relay refuses for good is not tried every hour: recorded as done.
        const bool recipientRefused = !sent && sent.error().code == core::ErrorCode::InvalidInput;
        if (auto settled = settle(mailing.address, claimed.value(), sent.ok() || recipientRefused, nowMs); !settled)
            outcome.failures << Tr::tr("%1: %2 (%3)").arg(mailing.address, settled.error().message, settled.error().detail);
        if (!sent) {
            outcome.failures << Tr::tr("%1: %2 (%3)").arg(mailing.address, sent.error().message, sent.error().detail);
            if (recipientRefused)
                continue;
            // The relay itself failed: the other addresses wait for the next run rather than each
            // waiting for the same timeout now.
            outcome.failures << Tr::tr("%1 more addresses wait for the next run.").arg(notices.mailings.size() - i - 1);
            break;
        }
        outcome.mails += 1;
        outcome.alerts += int(mailing.alerts.size());
    }
    return outcome;
}

core::Status FunnelAlertMailer::pruneOld(qint64 nowMs) const
{
    auto server = m_database.connection();
    if (!server)
        return server.error();
    return Sql(server.value()).exec(QStringLiteral("DELETE FROM alert_notice WHERE sent_at < ?"), {nowMs - kNoticeKeptMs});
}

// The keys of `alertKeys` this run may mail to `address`: those nobody mailed or is mailing.
core::Result<QStringList> FunnelAlertMailer::claim(const QString &address, const QStringList &alertKeys, qint64 nowMs) const
{
    QStringList claimed;
    const core::Status done = m_database.transaction([&](QSqlDatabase &db) -> core::Status {
        claimed.clear();
        const Sql sql(db);
        if (auto freed = sql.exec(QStringLiteral("DELETE FROM alert_notice WHERE address = ? AND sent_at IS NULL AND claimed_at < ?"),
                                  {address, nowMs - kStaleClaimMs});
            !freed)
            return freed;
        for (const QString &key : alertKeys) {
            auto inserted = sql.query(QStringLiteral("INSERT INTO alert_notice (address, alert_key, claimed_at) VALUES (?, ?, ?) "
                                                     "ON CONFLICT DO NOTHING"),
                                      {address, key, nowMs});
            if (!inserted)
                return inserted.error();
            if (inserted.value().numRowsAffected() == 1)
                claimed << key;
        }
        return {};
    });
    if (!done)
        return done.error();
    return claimed;
}

// Sent: the claims are kept as the record of it; not sent: they are freed for the next run.
core::Status FunnelAlertMailer::settle(const QString &address, const QStringList &alertKeys, bool sent, qint64 nowMs) const
{
    return m_database.transaction([&](QSqlDatabase &db) -> core::Status {
        const Sql sql(db);
        for (const QString &key : alertKeys) {
            const core::Status done = sent ? sql.exec(QStringLiteral("UPDATE alert_notice SET sent_at = ? WHERE address = ? AND alert_key = ?"),
                                                      {nowMs, address, key})
                                           : sql.exec(QStringLiteral("DELETE FROM alert_notice WHERE address = ? AND alert_key = ?"),
                                                      {address, key});
            if (!done)
                return done;
        }
        return {};
    });
}

} // namespace vantage::server
