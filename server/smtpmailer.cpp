#include "smtpmailer.h"

#include "analytics/funnelalertrule.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QHostInfo>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QUuid>

#include <algorithm>

namespace vantage::server {
namespace {

using core::Error;
using core::Status;

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::server::SmtpMailer)
};

constexpr int kStepTimeoutMs = 30000;
// A relay that answers a byte at a time must not hold the server's job thread: the whole message
// has this long.
constexpr qint64 kMessageTimeoutMs = 120000;

Error mailError(const QString &message, const QString &detail = {})
{
    return Error{core::ErrorCode::Network, message, detail};
}

// "=?UTF-8?B?…?=" words of at most 39 bytes of text (64 characters, so "Subject: " and a word fit
// the 78 of RFC 5322), split between characters.
QByteArray encodedHeader(const QString &text)
{
    bool ascii = true;
    for (const QChar c : text)
        ascii = ascii && c.unicode() >= 0x20 && c.unicode() < 0x7f;
    if (ascii)
        return text.toLatin1();
    QList<QByteArray> words;
    QString chunk;
    for (const QChar c : text) {
        if ((chunk + c).toUtf8().size() > 39 && !c.isLowSurrogate()) {
            words << "=?UTF-8?B?" + chunk.toUtf8().toBase64() + "?=";
            chunk.clear();
        }
        chunk += c;
    }
    if (!chunk.isEmpty())
        words << "=?UTF-8?B?" + chunk.toUtf8().toBase64() + "?=";
    return words.join("\r\n ");
}

// One SMTP conversation: commands out, replies (multi-line "250-…" up to "250 …") in.
class Conversation
{
public:
    explicit Conversation(const SmtpSettings &settings) : m_settings(settings), m_deadline(kMessageTimeoutMs) {}

    Status open()
    {
        if (!m_settings.extraCas.isEmpty()) {
            QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
            tls.setCaCertificates(tls.caCertificates() + m_settings.extraCas);
            m_socket.setSslConfiguration(tls);
        }
        if (m_settings.security == SmtpSettings::Security::Tls) {
            m_socket.connectToHostEncrypted(m_settings.host, m_settings.port);
            if (!m_socket.waitForEncrypted(stepTimeout()))
                return m_socket.state() == QAbstractSocket::ConnectedState ? notEncrypted() : unreachable();
        } else {
            m_socket.connectToHost(m_settings.host, m_settings.port);
            if (!m_socket.waitForConnected(stepTimeout()))
                return unreachable();
        }
        if (auto greeting = expect(QByteArray(), 220); !greeting)
            return greeting;
        if (auto hello = ehlo(); !hello)
            return hello;
        if (m_settings.security == SmtpSettings::Security::StartTls) {
            if (!m_extensions.contains("STARTTLS"))
                return mailError(Tr::tr("The mail server %1 does not offer STARTTLS; use --smtp-security none or tls.")
                                     .arg(m_settings.host));
            if (auto started = expect("STARTTLS", 220); !started)
                return started;
            // Anything already buffered came in the clear and must not pass for an encrypted answer.
            if (m_socket.bytesAvailable() > 0)
                return mailError(Tr::tr("The mail server %1 sent data before encryption started; nothing was sent.").arg(m_settings.host));
            m_socket.startClientEncryption();
            if (!m_socket.waitForEncrypted(stepTimeout()))
                return notEncrypted();
            if (auto hello = ehlo(); !hello)
                return hello;
        }
        if (m_settings.user.isEmpty())
            return {};
        const QByteArray plain = QByteArray(1, '\0') + m_settings.user.toUtf8() + QByteArray(1, '\0') + m_settings.password.toUtf8();
        return expect("AUTH PLAIN " + plain.toBase64(), 235, Tr::tr("the login of %1").arg(m_settings.user));
    }

    Status deliver(const QString &to, const QByteArray &content)
    {
        if (auto from = expect("MAIL FROM:<" + m_settings.from.toUtf8() + '>', 250, Tr::tr("the sender %1").arg(m_settings.from)); !from)
            return from;
        if (auto rcpt = expect("RCPT TO:<" + to.toUtf8() + '>', 250, Tr::tr("the recipient %1").arg(to)); !rcpt) {
            if (m_lastReply.startsWith('5'))  // this address for good, not the relay: InvalidInput
                return Error{core::ErrorCode::InvalidInput, rcpt.error().message, rcpt.error().detail};
            return rcpt;
        }
        if (auto data = expect("DATA", 354); !data)
            return data;
        QByteArray stuffed;  // a line starting with "." gets another one (RFC 5321 4.5.2)
        for (const QByteArray &line : content.split('\n'))
            stuffed += (line.startsWith('.') ? "." + line : line) + '\n';
        stuffed.chop(1);
        return expect(stuffed + "\r\n.", 250, Tr::tr("the message to %1").arg(to));
    }

    void close()
    {
        if (m_socket.state() == QAbstractSocket::ConnectedState)
            (void)expect("QUIT", 221);
        m_socket.disconnectFromHost();
    }

private:
    Error unreachable()
    {
        return mailError(Tr::tr("The mail server %1:%2 cannot be reached.").arg(m_settings.host).arg(m_settings.port),
                         m_socket.errorString());
    }

    // A certificate nobody trusted, a name it does not carry, no common protocol: the reason named.
    Error notEncrypted()
    {
        QStringList reasons;
        for (const QSslError &error : m_socket.sslHandshakeErrors())
            reasons << error.errorString();
        if (reasons.isEmpty())
            reasons << m_socket.errorString();
        return mailError(Tr::tr("No encrypted connection with the mail server %1: %2").arg(m_settings.host, reasons.join(QStringLiteral("; "))));
    }

    Status ehlo()
    {
        QString name = QHostInfo::localHostName();
        if (name.isEmpty())
            name = QStringLiteral("localhost");
        auto hello = expect("EHLO " + name.toUtf8(), 250);
        if (!hello)
            return hello;
        m_extensions.clear();
        for (const QByteArray &line : m_lastReply.split('\n'))
            m_extensions << line.mid(4).trimmed().split(' ').value(0).toUpper();
        return {};
    }

    // Sends `command` (none: only reads) and wants the reply code `want`; what names the step in
    // the error ("the recipient a@b.cn").
    Status expect(const QByteArray &command, int want, const QString &what = {})
    {
        if (!command.isEmpty()) {
            m_socket.write(command + "\r\n");
            if (!m_socket.waitForBytesWritten(stepTimeout()))
                return lost();
        }
        m_lastReply.clear();
        for (;;) {
            while (!m_socket.canReadLine())
                if (!m_socket.waitForReadyRead(stepTimeout()))
                    return lost();
            const QByteArray line = m_socket.readLine().trimmed();
            m_lastReply += line + '\n';
            if (line.size() < 4 || line.at(3) != '-')
                break;
        }
        const int code = m_lastReply.left(3).toInt();
        if (code == want || (want == 250 && code == 251))
            return {};
        const QString step = what.isEmpty() ? QString::fromLatin1(command.split(' ').value(0)) : what;
        return mailError(Tr::tr("The mail server %1 refused %2: %3").arg(m_settings.host, step, QString::fromUtf8(m_lastReply.trimmed())));
    }

    int stepTimeout() const { return int(std::min<qint64>(kStepTimeoutMs, std::max<qint64>(m_deadline.remainingTime(), 1))); }

    Error lost()
    {
        return mailError(Tr::tr("The mail server %1 did not answer.").arg(m_settings.host), m_socket.errorString());
    }

    const SmtpSettings &m_settings;
    const QDeadlineTimer m_deadline;
    QSslSocket m_socket;
    QByteArrayList m_extensions;
    QByteArray m_lastReply;
};

} // namespace

core::Result<SmtpSettings> SmtpSettings::fromOptions(const QCommandLineParser &parser)
{
    SmtpSettings settings;
    const QString relay = parser.value(QStringLiteral("smtp"));
    if (relay.isEmpty())
        return settings;
    const qsizetype colon = relay.lastIndexOf(QLatin1Char(':'));
    settings.host = colon > 0 ? relay.left(colon) : relay;
    if (colon > 0) {
        bool ok = false;
        const uint port = relay.mid(colon + 1).toUInt(&ok);
        if (!ok || port == 0 || port > 65535)
            return core::Error{core::ErrorCode::InvalidInput, Tr::tr("--smtp %1: the port must be a number from 1 to 65535.").arg(relay), {}};
        settings.port = quint16(port);
    }
    const QString security = parser.value(QStringLiteral("smtp-security"));
    if (security.isEmpty())
        settings.security = settings.port == 465 ? Security::Tls : settings.port == 587 ? Security::StartTls : Security::None;
    else if (security == QLatin1String("none"))
        settings.security = Security::None;
    else if (security == QLatin1String("starttls"))
        settings.security = Security::StartTls;
    else if (security == QLatin1String("tls"))
        settings.security = Security::Tls;
    else
        return core::Error{core::ErrorCode::InvalidInput, Tr::tr("--smtp-security must be none, starttls or tls, not “%1”.").arg(security), {}};
    settings.user = parser.value(QStringLiteral("smtp-user"));
    settings.password = qEnvironmentVariable("VANTAGE_SMTP_PASSWORD");
    if (!settings.user.isEmpty() && settings.password.isEmpty())
        return core::Error{core::ErrorCode::InvalidInput, Tr::tr("--smtp-user needs the password in $VANTAGE_SMTP_PASSWORD."), {}};
    if (!settings.user.isEmpty() && settings.security == Security::None)
        return core::Error{core::ErrorCode::InvalidInput,
                           Tr::tr("--smtp-user sends a password: use --smtp-security starttls or tls."), {}};
    if (const QString ca = parser.value(QStringLiteral("smtp-ca")); !ca.isEmpty()) {
        settings.extraCas = QSslCertificate::fromPath(ca, QSsl::Pem);
        if (settings.extraCas.isEmpty())
            return core::Error{core::ErrorCode::InvalidInput, Tr::tr("--smtp-ca %1: no PEM certificate in that file.").arg(ca), {}};
    }
    settings.from = parser.value(QStringLiteral("mail-from"));
    if (settings.from.isEmpty()) {  // vantage@host, made a full name when the host name is a bare one
        const QString host = QHostInfo::localHostName();
        settings.from = QStringLiteral("vantage@%1").arg(host.contains(QLatin1Char('.')) ? host : host + QStringLiteral(".localdomain"));
    }
    if (!core::isEmailAddress(settings.from))
        return core::Error{core::ErrorCode::InvalidInput, Tr::tr("--mail-from %1 is not an e-mail address.").arg(settings.from), {}};
    return settings;
}

QByteArray SmtpMailer::compose(const MailMessage &message) const
{
    QByteArray wire;
    const auto header = [&wire](const QByteArray &name, const QByteArray &value) { wire += name + ": " + value + "\r\n"; };
    header("From", encodedHeader(Tr::tr("Vantage")) + " <" + m_settings.from.toUtf8() + '>');
    header("To", '<' + message.to.toUtf8() + '>');
    header("Subject", encodedHeader(message.subject));
    header("Date", QDateTime::currentDateTimeUtc().toString(Qt::RFC2822Date).toLatin1());
    header("Message-ID", '<' + QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1() + '@'
                             + m_settings.from.section(QLatin1Char('@'), 1).toUtf8() + '>');
    header("Auto-Submitted", "auto-generated");
    header("MIME-Version", "1.0");
    header("Content-Type", "text/plain; charset=UTF-8");
    header("Content-Transfer-Encoding", "base64");
    wire += "\r\n";
    QString body = message.body;
    body.replace(QStringLiteral("\r\n"), QStringLiteral("\n")).replace(QLatin1Char('\n'), QStringLiteral("\r\n"));
    const QByteArray encoded = body.toUtf8().toBase64();
    for (qsizetype at = 0; at < encoded.size(); at += 76)
        wire += encoded.mid(at, 76) + "\r\n";
    wire.chop(2);
    return wire;
}

core::Status SmtpMailer::send(const MailMessage &message) const
{
    // Nothing unchecked reaches an SMTP command or a header: no line breaks, brackets or spaces.
    if (!core::isEmailAddress(message.to))
        return mailError(Tr::tr("“%1” is not an e-mail address; nothing was sent to it.").arg(message.to));
    Conversation conversation(m_settings);
    core::Status sent = conversation.open();
    if (sent)
        sent = conversation.deliver(message.to, compose(message));
    conversation.close();
    return sent;
}

} // namespace vantage::server
