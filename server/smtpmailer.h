#pragma once

#include "domain/result.h"

#include <QList>
#include <QSslCertificate>
#include <QString>

class QCommandLineParser;
class QSslSocket;

namespace vantage::server {

// The mail relay funnel alert notices go through (serve, funnel-alerts: --smtp and friends).
struct SmtpSettings
{
    enum class Security { None, StartTls, Tls };

    QString host;  // "" = no relay: nothing is mailed
    quint16 port = 25;
    Security security = Security::None;
    QString user;      // "" = no AUTH
    QString password;  // from $VANTAGE_SMTP_PASSWORD, never from the command line
    QString from;
    QList<QSslCertificate> extraCas;  // trusted besides the system's (--smtp-ca: a company CA)

    bool configured() const { return !host.isEmpty(); }
    // --smtp HOST[:PORT] (port 25; 587 implies STARTTLS and 465 TLS unless --smtp-security says
    // otherwise), --smtp-user, --smtp-ca, --mail-from. An invalid option is an error naming it.
    static core::Result<SmtpSettings> fromOptions(const QCommandLineParser &parser);
};

struct MailMessage
{
    QString to;
    QString subject;
    QString body;  // plain text, UTF-8
};

// A blocking SMTP client (RFC 5321) for one message per connection, with STARTTLS or TLS and
// AUTH PLAIN; every step waits at most 30 s. Used from the server's job thread only.
class SmtpMailer
{
public:
    explicit SmtpMailer(SmtpSettings settings) : m_settings(std::move(settings)) {}

    // The message as it goes on the wire after DATA (headers, base64 body), without the final dot.
    QByteArray compose(const MailMessage &message) const;
    core::Status send(const MailMessage &message) const;

private:
    const SmtpSettings m_settings;
};

} // namespace vantage::server
