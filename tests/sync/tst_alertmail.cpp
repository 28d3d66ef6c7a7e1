// Funnel alert mails through real processes: a vantage-server on the demo company (SQLite and
// PostgreSQL), alert rules and an acknowledgement made on an administrator's laptop, and a real
// SMTP server (aiosmtpd, tests/support/smtpsink.py). Each recipient gets one message with the open
// alerts the laptop itself would raise for them (a regional manager only their region's), never
// the acknowledged one, each alert once however often it runs; a relay that is down loses nothing:
// the next run (here the background jobs of `serve`, in-process) delivers.
#include "smtpsink.h"
#include "syncfixture.h"

#include "analytics/funnelalertnotices.h"
#include "analytics/risksnapshot.h"
#include "backgroundjobs.h"
#include "serverdatabase.h"
#include "storage/funnelalertrepository.h"
#include "storage/riskrepository.h"
#include "sync/funnelalertrecorder.h"

using namespace vantage;
using test::TestClient;

class TestAlertMail : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void recipientsHearOfOpenAlertsOnce();

private:
    core::FunnelAlertNotices expectedNotices(TestClient &laptop) const;
    QString userId(TestClient &laptop, const QString &login) const;

    QTemporaryDir m_dir;
    QDate m_today;
};

void TestAlertMail::initTestCase()
{
    VANTAGE_SKIP_WITHOUT_POSTGRES();
    // The server writes the mails in its language: English here, as the sentences compared with.
    qputenv("LANG", "C.UTF-8");
    qputenv("LC_ALL", "C.UTF-8");
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_today = QDate::currentDate();
}

QString TestAlertMail::userId(TestClient &laptop, const QString &login) const
{
    return core::Sql(laptop.db()).scalar(QStringLiteral("SELECT id FROM app_user WHERE login = ?"), {login}).value().toString();
}

// What the laptop, with the same synced data, says each address should hear of.
core::FunnelAlertNotices TestAlertMail::expectedNotices(TestClient &laptop) const
{
    auto history = core::RiskRepository(laptop.db()).load();
    const core::FunnelAlertRepository repository(laptop.db());
    auto setup = repository.setup();
    auto readers = repository.readers();
    if (!history || !setup || !readers)
        qFatal("the laptop's copy cannot be read");
    // `region assign` reached the laptop as a synced user_region row: the East reader reads East.
    const QString east = core::Sql(laptop.db()).scalar(QStringLiteral("SELECT id FROM region WHERE code = 'east'")).value().toString();
    for (const core::FunnelAlertReader &reader : readers.value())
        if (reader.email == QLatin1String("east@example.cn") && reader.regions != QSet<QString>{east})
            qFatal("the laptop does not know that the East reader reads East");
    return core::funnelAlertNotices(history.value(), core::mondayOf(m_today), setup.value().rules, setup.value().states, m_today,
                                    readers.value());
}

void TestAlertMail::recipientsHearOfOpenAlertsOnce()
{
    test::ServerProcess server(test::newServerDatabase(m_dir));
    QString output;
    QCOMPARE(server.admin({QStringLiteral("import"), QStringLiteral("demo"), QStringLiteral("--as-of"), m_today.toString(Qt::ISODate)},
                          test::kTestPassword, &output), 0);
    QCOMPARE(server.admin({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("mail.user"), QStringLiteral("--name"),
                           QStringLiteral("邮件 用户"), QStringLiteral("--role"), QStringLiteral("director"),
                           QStringLiteral("--email"), QStringLiteral("Mail.User@Example.cn")},
                          test::kTestPassword, &output), 0);
    // A regional manager of the East, named by address: hears only of the East's alerts.
    QCOMPARE(server.admin({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("mail.east"), QStringLiteral("--role"),
                           QStringLiteral("regional_manager"), QStringLiteral("--email"), QStringLiteral("east@example.cn")},
                          test::kTestPassword, &output), 0);
    QCOMPARE(server.admin({QStringLiteral("region"), QStringLiteral("assign"), QStringLiteral("mail.east"), QStringLiteral("east")}, {}, &output), 0);
    QVERIFY(server.admin({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("bad.mail"), QStringLiteral("--email"),
                          QStringLiteral("not an address")}, test::kTestPassword, &output) != 0);
    QVERIFY2(output.contains(QStringLiteral("is not an e-mail address")), qPrintable(output));
    QVERIFY(server.start());
    TestClient admin(m_dir.filePath(QStringLiteral("admin.sqlite")), server.url());
    QVERIFY(admin.engine().login(QStringLiteral("demo.administrator"), QString::fromLatin1(test::kTestPassword),
                                 QStringLiteral("admin-laptop")).ok());
    QVERIFY(admin.sync());

    // A company-wide rule against the trailing weeks (the demo has alerts to mail then), naming an
    // address, a user with one, a user without and the East's manager by address.
    core::FunnelAlertRule rule;
    rule.name = QStringLiteral("全公司漏斗");
    rule.sigmaCenti = 250;
    rule.seasonalQuarters = 0;
    rule.recipients = {QStringLiteral("ops@example.cn"), userId(admin, QStringLiteral("mail.user")),
                       userId(admin, QStringLiteral("demo.director")), QStringLiteral("East@Example.cn")};
    QVERIFY(sync::FunnelAlertRecorder(admin.db()).saveRule(rule));
    core::FunnelAlertNotices expected = expectedNotices(admin);
    QCOMPARE(expected.mailings.size(), std::size_t(3));  // east@, mail.user@, ops@
    QVERIFY2(expected.mailings[1].alerts.size() >= 2, "the demo data should raise two alerts or more today");
    // One alert acknowledged before the server runs: nobody hears of it.
    const core::RaisedFunnelAlert acknowledged = expected.mailings[1].alerts.back();
    QVERIFY(sync::FunnelAlertRecorder(admin.db()).saveState({acknowledged.key, core::FunnelAlertStatus::Acknowledged, {}, {}},
                                                           acknowledged.alert.regionId));
    QVERIFY(admin.sync());
    expected = expectedNotices(admin);
    QCOMPARE(expected.unreachable, QStringList{userId(admin, QStringLiteral("demo.director"))});

    test::SmtpSink sink(m_dir.filePath(QStringLiteral("mail")));
    QVERIFY(sink.start());
    const QStringList mailArgs{QStringLiteral("funnel-alerts"), QStringLiteral("--as-of"), m_today.toString(Qt::ISODate),
                               QStringLiteral("--smtp"), sink.relay(), QStringLiteral("--mail-from"), QStringLiteral("vantage@example.cn")};
    QCOMPARE(server.admin(mailArgs, {}, &output), 0);
    const int alerts = int(expected.mailings[1].alerts.size());
    const QString east = core::Sql(admin.db()).scalar(QStringLiteral("SELECT id FROM region WHERE code = 'east'")).value().toString();
    const std::vector<core::RaisedFunnelAlert> &eastAlerts = expected.mailings[0].alerts;
    QVERIFY(!eastAlerts.empty() && int(eastAlerts.size()) < alerts);
    for (const core::RaisedFunnelAlert &raised : eastAlerts)
        QCOMPARE(raised.alert.regionId, east);
    const int sent = 2 * alerts + int(eastAlerts.size());
    QVERIFY2(output.contains(QStringLiteral("messages sent: 3 (%1 alerts)").arg(sent)), qPrintable(output));
    QVERIFY2(output.contains(QStringLiteral("recipients without an e-mail address: %1").arg(expected.unreachable.join(u','))),
             qPrintable(output));

    QList<test::ReceivedMail> mails = sink.messages();
    QCOMPARE(mails.size(), 3);
    QCOMPARE(mails[0].envelopeTo, QStringLiteral("east@example.cn"));
    QCOMPARE(mails[1].envelopeTo, QStringLiteral("mail.user@example.cn"));  // the user's address, lower case
    QCOMPARE(mails[2].envelopeTo, QStringLiteral("ops@example.cn"));
    auto history = core::RiskRepository(admin.db()).load();
    QVERIFY(history);
    const test::ReceivedMail eastMail = mails.takeFirst();
    for (const core::RaisedFunnelAlert &raised : expected.mailings[1].alerts) {
        const QString text = core::funnelAlertText(raised.alert, history.value().regionNames, history.value().productNames);
        QCOMPARE(eastMail.body.contains(text), raised.alert.regionId == east);
    }
    for (const test::ReceivedMail &mail : mails) {
        QCOMPARE(mail.subject, QStringLiteral("Vantage: %1 funnel alerts for the week of %2")
                                   .arg(alerts).arg(core::mondayOf(m_today).toString(Qt::ISODate)));
        QVERIFY(mail.raw.contains("From: Vantage <vantage@example.cn>"));
        for (const core::RaisedFunnelAlert &raised : expected.mailings[1].alerts)
            QVERIFY2(mail.body.contains(core::funnelAlertText(raised.alert, history.value().regionNames, history.value().productNames)),
                     qPrintable(mail.body));
        QVERIFY(!mail.body.contains(core::funnelAlertText(acknowledged.alert, history.value().regionNames, history.value().productNames)));
        QVERIFY(mail.body.contains(QStringLiteral("Rule: 全公司漏斗")));
        QVERIFY(mail.body.contains(QStringLiteral("Deals behind it: ")));
    }

    // Again: nothing new to tell. A notice of half a year ago is dropped on the way (its week
    // never comes back).
    auto spec = server::DatabaseSpec::parse(server.spec());
    QVERIFY(spec);
    const server::ServerDatabase database(spec.value());
    const auto notices = [&database](const QString &where) {
        return core::Sql(database.connection().value()).scalar(QStringLiteral("SELECT count(*) FROM alert_notice WHERE ") + where).value().toInt();
    };
    QVERIFY(core::Sql(database.connection().value())
                .exec(QStringLiteral("INSERT INTO alert_notice (address, alert_key, claimed_at, sent_at) VALUES (?, ?, ?, ?)"),
                      {QStringLiteral("ops@example.cn"), QStringLiteral("conversion_drop|engaging|||2026-04-06"), qint64(1775000000000),
                       qint64(1775000000000)})
                .ok());
    QCOMPARE(server.admin(mailArgs, {}, &output), 0);
    QCOMPARE(notices(QStringLiteral("alert_key LIKE '%2026-04-06'")), 0);
    QCOMPARE(notices(QStringLiteral("sent_at IS NOT NULL")), sent);
    QVERIFY2(output.contains(QStringLiteral("messages sent: 0 (0 alerts); already sent before: %1").arg(sent)), qPrintable(output));
    QCOMPARE(sink.messages().size(), 3);

    // A second rule names another address while the relay is down: a clear error, nothing marked
    // as sent; the background run delivers once the relay is back.
    core::FunnelAlertRule late = rule;
    late.name = QStringLiteral("Late reader");
    late.recipients = {QStringLiteral("late@example.cn")};
    QVERIFY(sync::FunnelAlertRecorder(admin.db()).saveRule(late));
    QVERIFY(admin.sync());
    const quint16 port = sink.port();
    sink.stop();
    QCOMPARE(server.admin(mailArgs, {}, &output), 1);
    QVERIFY2(output.contains(QStringLiteral("late@example.cn: The mail server 127.0.0.1:%1 cannot be reached").arg(port)),
             qPrintable(output));
    QVERIFY(sink.start(port));
    {
        server::SmtpSettings smtp;
        smtp.host = QStringLiteral("127.0.0.1");
        smtp.port = port;
        smtp.from = QStringLiteral("vantage@example.cn");
        server::BackgroundJobs jobs(database, {false, smtp});
        jobs.start(std::chrono::seconds(0), std::chrono::hours(1));
        QVERIFY(QTest::qWaitFor([&] { return sink.messages().size() == 4; }, 60000));
    }
    const test::ReceivedMail third = sink.messages().at(3);
    QCOMPARE(third.envelopeTo, QStringLiteral("late@example.cn"));
    for (const core::RaisedFunnelAlert &raised : expected.mailings[1].alerts)
        QVERIFY(third.body.contains(core::funnelAlertText(raised.alert, history.value().regionNames, history.value().productNames)));
    QVERIFY(third.body.contains(QStringLiteral("Rule: Late reader")));
}

QTEST_GUILESS_MAIN(TestAlertMail)
#include "tst_alertmail.moc"
