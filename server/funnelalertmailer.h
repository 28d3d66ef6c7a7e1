#pragma once

#include "serverdatabase.h"
#include "smtpmailer.h"

#include "analytics/funnelalertnotices.h"

#include <QDate>
#include <QStringList>

#include <functional>

namespace vantage::server {

// Mails the recipients of the company's funnel alert rules the open alerts they have not been told
// of (issue 5 item 8, ADR 0013): one message per address with every new alert, in the server's
// language. What was mailed is kept in alert_notice, claimed before sending, so several instances
// running it at once mail each alert to each address once; a failed delivery is tried again at the
// next run.
class FunnelAlertMailer
{
public:
    struct Outcome
    {
        int mails = 0;          // messages delivered
        int alerts = 0;         // alerts in them
        int alreadySent = 0;    // (address, alert) pairs mailed before
        QStringList unreachable;  // user ids named as recipients without an e-mail address
        QStringList failures;     // one translated line per address that could not be mailed
    };

    FunnelAlertMailer(const ServerDatabase &database, SmtpSettings settings)
        : m_database(database), m_mailer(std::move(settings))
    {
    }

    // The alerts of the weeks before `monday`, mutes judged on `today`; `stopping` is asked
    // between messages.
    core::Result<Outcome> run(const QDate &monday, const QDate &today, qint64 nowMs,
                              const std::function<bool()> &stopping = {}) const;

private:
    core::Status pruneOld(qint64 nowMs) const;
    core::Status withServerScopes(std::vector<core::FunnelAlertReader> &readers) const;
    core::Result<QStringList> claim(const QString &address, const QStringList &alertKeys, qint64 nowMs) const;
    core::Status settle(const QString &address, const QStringList &alertKeys, bool sent, qint64 nowMs) const;

    const ServerDatabase &m_database;
    const SmtpMailer m_mailer;
};

} // namespace vantage::server
