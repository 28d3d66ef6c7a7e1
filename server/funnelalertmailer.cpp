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

core::Result<QHash<QString, QString>> userEmails(const QSqlDatabase &scratch)
{
    auto rows = Sql(scratch).query(QStringLiteral("SELECT id, email FROM app_user WHERE deleted = 0 AND active = 1 "
                                                  "AND email IS NOT NULL AND email <> ''"));
    if (!rows)
        return rows.error();
    QHash<QString, QString> emails;
    while (rows.value().next())
        emails.insert(rows.value().value(0).toString(), rows.value().value(1).toString());
    return emails;
}

QStringList keysOf(const std::vector<core::RaisedFunnelAlert> &alerts)
{
    QStringList keys;
    for (const core::RaisedFunnelAlert &alert : alerts)
        keys << alert.key;
    return keys;
}

} // namespace

core::Result<FunnelAlertMailer::Outcome> FunnelAlertMailer::run(const QDate &monday, const QDate &today, qint64 nowMs) const
{
    auto scratch = ScratchCopy::make(m_database, QStringLiteral("alert-scratch"));
    if (!scratch)
        return scratch.error();
    const QSqlDatabase db = scratch.value()->database();
    auto history = core::RiskRepository(db).load();
    if (!history)
        return history.error();
    auto setup = core::FunnelAlertRepository(db).setup();
    if (!setup)
        return setup.error();
    auto emails = userEmails(db);
    if (!emails)
        return emails.error();
    const core::FunnelAlertNotices notices =
        core::funnelAlertNotices(history.value(), monday, setup.value().rules, setup.value().states, today, emails.value());

    Outcome outcome;
    outcome.unreachable = notices.unreachable;
    for (core::FunnelAlertMailing mailing : notices.mailings) {
        auto claimed = claim(mailing.address, keysOf(mailing.alerts), nowMs);
        if (!claimed)
            return claimed.error();
        outcome.alreadySent += int(mailing.alerts.size()) - int(claimed.value().size());
        std::erase_if(mailing.alerts, [&](const core::RaisedFunnelAlert &a) { return !claimed.value().contains(a.key); });
        if (mailing.alerts.empty())
            continue;
        const core::Status sent = m_mailer.send(funnelAlertMessage(mailing, history.value(), monday));
        if (auto settled = settle(mailing.address, claimed.value(), sent.ok(), nowMs); !settled)
            return settled.error();
        if (!sent) {
            outcome.failures << Tr::tr("%1: %2 (%3)").arg(mailing.address, sent.error().message, sent.error().detail);
            continue;
        }
        outcome.mails += 1;
        outcome.alerts += int(mailing.alerts.size());
    }
    return outcome;
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
