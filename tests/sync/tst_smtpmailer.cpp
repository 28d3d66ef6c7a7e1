// The SMTP client of vantage-server against a real SMTP server (aiosmtpd, tests/support/smtpsink.py):
// plain, STARTTLS and TLS with AUTH and a company CA; what a relay that refuses, a wrong password,
// an untrusted certificate and a relay that is down do; and the command-line options.
#include "smtpsink.h"
#include "testcertificates.h"

#include "smtpmailer.h"

#include <QCommandLineParser>
#include <QTemporaryDir>
#include <QTest>

using namespace vantage;
using server::SmtpSettings;

namespace {

const QString kSubject = QStringLiteral("Vantage：3 条漏斗预警 – week of 2026-11-23, a long subject that needs folding");
const QString kBody = QStringLiteral("第一行\n.a line that starts with a dot\n\n— Vantage server");

} // namespace

class TestSmtpMailer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void delivers_data();
    void delivers();
    void refusals_data();
    void refusals();
    void relayDown();
    void options_data();
    void options();

private:
    SmtpSettings settings(SmtpSettings::Security security, quint16 port) const;
    QStringList sinkOptions(const QString &mode) const;

    QTemporaryDir m_dir;
    std::unique_ptr<test::TestCertificates> m_certificates;
    int m_sinks = 0;
};

void TestSmtpMailer::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_certificates = std::make_unique<test::TestCertificates>(m_dir.path());
    QVERIFY2(m_certificates->make(), qPrintable(m_certificates->log()));
}

SmtpSettings TestSmtpMailer::settings(SmtpSettings::Security security, quint16 port) const
{
    SmtpSettings made;
    made.host = QStringLiteral("127.0.0.1");
    made.port = port;
    made.security = security;
    made.from = QStringLiteral("vantage@example.cn");
    made.extraCas = QSslCertificate::fromPath(m_certificates->caCertificate());
    return made;
}

QStringList TestSmtpMailer::sinkOptions(const QString &mode) const
{
    if (mode.isEmpty())
        return {};
    return {QStringLiteral("--") + mode, m_certificates->serverCertificate(), m_certificates->serverKey(),
            QStringLiteral("--auth"), QStringLiteral("mailer:s3cret-pass")};
}

void TestSmtpMailer::delivers_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<int>("security");
    QTest::newRow("plain") << QString() << int(SmtpSettings::Security::None);
    QTest::newRow("starttls, auth") << QStringLiteral("starttls") << int(SmtpSettings::Security::StartTls);
    QTest::newRow("tls, auth") << QStringLiteral("tls") << int(SmtpSettings::Security::Tls);
}

void TestSmtpMailer::delivers()
{
    QFETCH(QString, mode);
    QFETCH(int, security);
    test::SmtpSink sink(m_dir.filePath(QStringLiteral("sink-%1").arg(++m_sinks)));
    QVERIFY(sink.start(0, sinkOptions(mode)));
    SmtpSettings relay = settings(SmtpSettings::Security(security), sink.port());
    if (!mode.isEmpty()) {
        relay.user = QStringLiteral("mailer");
        relay.password = QStringLiteral("s3cret-pass");
    }
    const server::MailMessage message{QStringLiteral("mgr.east@example.cn"), kSubject, kBody};
    const core::Status sent = server::SmtpMailer(relay).send(message);
    QVERIFY2(sent, sent ? "" : qPrintable(sent.error().message + QStringLiteral(" / ") + sent.error().detail));
    const QList<test::ReceivedMail> mails = sink.messages();
    QCOMPARE(mails.size(), 1);
    QCOMPARE(mails[0].envelopeTo, message.to);
    QCOMPARE(mails[0].subject, kSubject);
    QCOMPARE(mails[0].body, kBody);
    QVERIFY(mails[0].raw.contains("Content-Type: text/plain; charset=UTF-8"));
    QVERIFY(mails[0].raw.contains("Auto-Submitted: auto-generated"));
    for (const QByteArray &line : mails[0].raw.split('\n'))
        QVERIFY2(line.size() <= 78, line.constData());  // RFC 5322's line length, subject folded
}

void TestSmtpMailer::refusals_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<int>("security");
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("trustCa");
    QTest::addColumn<QString>("expected");
    QTest::newRow("wrong password") << QStringLiteral("starttls") << int(SmtpSettings::Security::StartTls)
                                    << QStringLiteral("wrong") << true << QStringLiteral("refused the login of mailer: 535");
    QTest::newRow("certificate of an unknown CA") << QStringLiteral("starttls") << int(SmtpSettings::Security::StartTls)
                                                  << QStringLiteral("s3cret-pass") << false
                                                  << QStringLiteral("No encrypted connection with the mail server 127.0.0.1: ");
    QTest::newRow("relay wants STARTTLS") << QStringLiteral("starttls") << int(SmtpSettings::Security::None)
                                          << QString() << true << QStringLiteral("refused the sender vantage@example.cn: 530");
    QTest::newRow("no STARTTLS offered") << QString() << int(SmtpSettings::Security::StartTls)
                                         << QString() << true << QStringLiteral("does not offer STARTTLS");
}

void TestSmtpMailer::refusals()
{
    QFETCH(QString, mode);
    QFETCH(int, security);
    QFETCH(QString, password);
    QFETCH(bool, trustCa);
    QFETCH(QString, expected);
    test::SmtpSink sink(m_dir.filePath(QStringLiteral("sink-%1").arg(++m_sinks)));
    QVERIFY(sink.start(0, sinkOptions(mode)));
    SmtpSettings relay = settings(SmtpSettings::Security(security), sink.port());
    if (!password.isEmpty()) {
        relay.user = QStringLiteral("mailer");
        relay.password = password;
    }
    if (!trustCa)
        relay.extraCas = QSslCertificate::fromPath(m_certificates->otherCaCertificate());
    const core::Status sent = server::SmtpMailer(relay).send({QStringLiteral("a@example.cn"), QStringLiteral("x"), QStringLiteral("y")});
    QVERIFY(!sent);
    QCOMPARE(sent.error().code, core::ErrorCode::Network);
    QVERIFY2(sent.error().message.contains(expected), qPrintable(sent.error().message));
    QVERIFY(sink.messages().isEmpty());
}

void TestSmtpMailer::relayDown()
{
    test::SmtpSink sink(m_dir.filePath(QStringLiteral("sink-%1").arg(++m_sinks)));
    QVERIFY(sink.start());
    const quint16 port = sink.port();
    sink.stop();
    const core::Status sent = server::SmtpMailer(settings(SmtpSettings::Security::None, port)).send({QStringLiteral("a@example.cn"), {}, {}});
    QVERIFY(!sent);
    QCOMPARE(sent.error().message, QStringLiteral("The mail server 127.0.0.1:%1 cannot be reached.").arg(port));
}

void TestSmtpMailer::options_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("error");  // "" = accepted
    QTest::addColumn<int>("port");
    QTest::addColumn<int>("security");
    using S = SmtpSettings::Security;
    QTest::newRow("none") << QStringList{} << QString() << QString() << 25 << int(S::None);
    QTest::newRow("host only") << QStringList{QStringLiteral("--smtp"), QStringLiteral("relay.example.cn")} << QString() << QString() << 25 << int(S::None);
    QTest::newRow("587 is starttls") << QStringList{QStringLiteral("--smtp"), QStringLiteral("relay:587")} << QString() << QString() << 587 << int(S::StartTls);
    QTest::newRow("465 is tls") << QStringList{QStringLiteral("--smtp"), QStringLiteral("relay:465")} << QString() << QString() << 465 << int(S::Tls);
    QTest::newRow("explicit") << QStringList{QStringLiteral("--smtp"), QStringLiteral("relay:2525"), QStringLiteral("--smtp-security"), QStringLiteral("starttls"),
                                             QStringLiteral("--smtp-user"), QStringLiteral("u")}
                              << QStringLiteral("pw") << QString() << 2525 << int(S::StartTls);
    QTest::newRow("bad port") << QStringList{QStringLiteral("--smtp"), QStringLiteral("relay:70000")} << QString()
                              << QStringLiteral("the port must be a number from 1 to 65535") << 0 << 0;
    QTest::newRow("bad security") << QStringList{QStringLiteral("--smtp"), QStringLiteral("relay"), QStringLiteral("--smtp-security"), QStringLiteral("ssl")}
                                  << QString() << QStringLiteral("--smtp-security must be none, starttls or tls, not “ssl”") << 0 << 0;
    QTest::newRow("user without password") << QStringList{QStringLiteral("--smtp"), QStringLiteral("relay:587"), QStringLiteral("--smtp-user"), QStringLiteral("u")}
                                           << QString() << QStringLiteral("$VANTAGE_SMTP_PASSWORD") << 0 << 0;
    QTest::newRow("password in the clear") << QStringList{QStringLiteral("--smtp"), QStringLiteral("relay:25"), QStringLiteral("--smtp-user"), QStringLiteral("u")}
                                           << QStringLiteral("pw") << QStringLiteral("use --smtp-security starttls or tls") << 0 << 0;
    QTest::newRow("ca file without certificates") << QStringList{QStringLiteral("--smtp"), QStringLiteral("relay"), QStringLiteral("--smtp-ca"), QStringLiteral("/etc/hostname")}
                                                  << QString() << QStringLiteral("--smtp-ca /etc/hostname: no PEM certificate") << 0 << 0;
    QTest::newRow("bad sender") << QStringList{QStringLiteral("--smtp"), QStringLiteral("relay"), QStringLiteral("--mail-from"), QStringLiteral("vantage")}
                                << QString() << QStringLiteral("--mail-from vantage is not an e-mail address") << 0 << 0;
}

void TestSmtpMailer::options()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, password);
    QFETCH(QString, error);
    QFETCH(int, port);
    QFETCH(int, security);
    QCommandLineParser parser;
    for (const char *name : {"smtp", "smtp-security", "smtp-user", "smtp-ca", "mail-from"})
        parser.addOption({QString::fromLatin1(name), QString(), QStringLiteral("VALUE")});
    QVERIFY(parser.parse(QStringList{QStringLiteral("vantage-server")} + arguments));
    if (password.isEmpty())
        qunsetenv("VANTAGE_SMTP_PASSWORD");
    else
        qputenv("VANTAGE_SMTP_PASSWORD", password.toUtf8());
    const auto settings = SmtpSettings::fromOptions(parser);
    if (!error.isEmpty()) {
        QVERIFY(!settings);
        QVERIFY2(settings.error().message.contains(error), qPrintable(settings.error().message));
        return;
    }
    QVERIFY(settings);
    QCOMPARE(settings.value().configured(), !arguments.isEmpty());
    QCOMPARE(int(settings.value().port), port);
    QCOMPARE(int(settings.value().security), security);
    QCOMPARE(settings.value().password, password);
}

QTEST_GUILESS_MAIN(TestSmtpMailer)
#include "tst_smtpmailer.moc"
