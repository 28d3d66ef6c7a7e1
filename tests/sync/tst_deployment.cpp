// The production layout (ARCHITECTURE.md): several vantage-server instances over one PostgreSQL
// database, behind nginx with TLS. Real processes throughout: two servers, nginx running the
// packaged config (packaging/nginx/vantage-server.conf), openssl for a throw-away CA, laptops
// with their own SQLite files. Checks that tokens, refreshes and cursors work on either instance,
// that laptops alternating between them converge with every change applied once, and that the
// client verifies the proxy's certificate.
#include "nginxproxy.h"
#include "syncfixture.h"

#include "protocol/syncmessages.h"
#include "sync/outbox.h"
#include "sync/recordeditor.h"
#include "sync/syncstate.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>

#include <httplib.h>

using namespace vantage;
using test::ServerProcess;
using test::TestClient;

class TestDeployment : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    // Two instances, one database
    void instancesSettingUpOneDatabaseAtOnceAllStart();
    void accessTokensWorkOnEitherInstance();
    void refreshWorksThroughEitherInstance();
    void laptopsAlternatingBetweenInstancesConverge();
    // nginx with TLS in front of both
    void syncRunsThroughNginxOverVerifiedTls();
    void untrustedCertificatesAreRefused_data();
    void untrustedCertificatesAreRefused();
    void companyCaAddsToTheSystemAuthorities();
    void unusableCaFileIsReported();
    void proxyKeepsTheServerLimitsAndHeaders();
    void plainHttpIsRedirected();

private:
    std::unique_ptr<TestClient> laptop(const QString &login, const QString &url, const QString &caFile = {});
    bool nginxRunning();
    core::Result<QVariant> serverValue(const QString &sql, const QVariantList &values = {}) const;
    QStringList laptopRows(TestClient &laptop, const QString &region);
    QStringList serverRows(const QString &region) const;
    static QString newAccount(TestClient &owner, const QString &region, const QString &name);
    ServerProcess *instance(int turn) const { return turn % 2 == 0 ? m_a.get() : m_b.get(); }
    void takeTurn(TestClient &laptop, int turn, const QString &shared, const QString &label, bool resendThroughOther);
    void settle(const std::vector<std::unique_ptr<TestClient>> &laptops);
    static QString clientId(TestClient &laptop) { return sync::SyncState(laptop.db()).clientId().value(); }
    static qint64 cursor(TestClient &laptop) { return sync::SyncState(laptop.db()).value(sync::SyncState::kCursor).value().toLongLong(); }

    QTemporaryDir m_dir;
    QTemporaryDir m_nginxDir;
    std::unique_ptr<ServerProcess> m_a;
    std::unique_ptr<ServerProcess> m_b;
    std::unique_ptr<server::ServerDatabase> m_database;
    std::unique_ptr<test::NginxProxy> m_nginx;
    test::Company m_company;
    int m_laptops = 0;
};

std::unique_ptr<TestClient> TestDeployment::laptop(const QString &login, const QString &url, const QString &caFile)
{
    auto made = std::make_unique<TestClient>(m_dir.filePath(QStringLiteral("laptop-%1.sqlite").arg(++m_laptops)), url);
    if (auto trusted = made->transport().setCaCertificatePath(caFile); !trusted) {
        qWarning("%s", qPrintable(trusted.error().message));
        return nullptr;
    }
    auto session = made->engine().login(login, QString::fromLatin1(test::kTestPassword), QStringLiteral("laptop %1").arg(m_laptops));
    if (!session) {
        qWarning("sign-in of %s at %s failed: %s", qPrintable(login), qPrintable(url), qPrintable(session.error().message));
        return nullptr;
    }
    auto synced = made->sync();
    if (!synced) {
        qWarning("first sync of %s at %s failed: %s", qPrintable(login), qPrintable(url), qPrintable(synced.error().message));
        return nullptr;
    }
    return made;
}

core::Result<QVariant> TestDeployment::serverValue(const QString &sql, const QVariantList &values) const
{
    auto db = m_database->connection();
    if (!db)
        return db.error();
    return core::Sql(db.value()).scalar(sql, values);
}

QString TestDeployment::newAccount(TestClient &owner, const QString &region, const QString &name)
{
    auto id = sync::RecordEditor(owner.db()).create(QStringLiteral("account"), region,
        {{QStringLiteral("kind"), QStringLiteral("dealer")}, {QStringLiteral("name"), name}, {QStringLiteral("created_at"), qint64(1795000000000)}});
    return id ? id.value() : QString();
}

void TestDeployment::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("VANTAGE_TEST_POSTGRES"))
        QSKIP("VANTAGE_TEST_POSTGRES is not set: two instances need one PostgreSQL database "
              "(./scripts/test starts a throw-away cluster and sets it)");
    qputenv("VANTAGE_TEST_BACKEND", "postgres"); // newServerDatabase: a PostgreSQL database, even when run by hand
    const QString database = test::newServerDatabase(m_dir);
    m_database = std::make_unique<server::ServerDatabase>(server::DatabaseSpec::parse(database).value());
    m_a = std::make_unique<ServerProcess>(database);
    QVERIFY(test::setUpCompany(*m_a, m_dir.filePath(QStringLiteral("admin.sqlite")), m_company)); // starts A
    m_b = std::make_unique<ServerProcess>(database);
    QVERIFY(m_b->start());
}

void TestDeployment::cleanupTestCase()
{
    m_nginx.reset();
    m_b.reset();
    m_a.reset();
}

namespace {

// `vantage-server migrate` runs the same schema set-up as `serve` does before it listens.
std::vector<std::unique_ptr<QProcess>> startMigrations(const QString &spec, int count)
{
    std::vector<std::unique_ptr<QProcess>> processes;
    for (int i = 0; i < count; ++i) {
        processes.push_back(std::make_unique<QProcess>());
        processes.back()->setProcessChannelMode(QProcess::MergedChannels);
        processes.back()->start(ServerProcess::program(), {QStringLiteral("--database"), spec, QStringLiteral("migrate")});
    }
    return processes;
}

} // namespace

// Several instances set up an empty database at the same moment: a creation in flight (held open
// here, then rolled back) makes the others pile up behind it; all must still start.
void TestDeployment::instancesSettingUpOneDatabaseAtOnceAllStart()
{
    const QString spec = test::newServerDatabase(m_dir);
    const server::DatabaseSpec parsed = server::DatabaseSpec::parse(spec).value();
    QSqlDatabase competitor = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("competitor"));
    competitor.setHostName(parsed.host);
    competitor.setPort(parsed.port);
    competitor.setUserName(parsed.user);
    competitor.setDatabaseName(parsed.database);
    QVERIFY(competitor.open() && competitor.transaction());
    QVERIFY(core::Sql(competitor).exec(QStringLiteral("CREATE TABLE server_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")).ok());
    constexpr int kInstances = 4;
    const auto instances = startMigrations(spec, kInstances);
    const server::ServerDatabase watched(parsed);
    const auto waiting = [&] {
        return core::Sql(watched.connection().value())
            .scalar(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = ? AND wait_event_type = 'Lock'"), {parsed.database})
            .value().toInt();
    };
    QVERIFY2(QTest::qWaitFor([&] { return waiting() == kInstances; }, 60000), qPrintable(QString::number(waiting())));
    QVERIFY(competitor.rollback());
    competitor.close();
    competitor = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("competitor"));
    for (auto &instance : instances) {
        QVERIFY(instance->waitForFinished(60000));
        QVERIFY2(instance->exitStatus() == QProcess::NormalExit && instance->exitCode() == 0, instance->readAll().constData());
    }
    QCOMPARE(core::Sql(watched.connection().value()).scalar(QStringLiteral("SELECT count(*) FROM server_meta WHERE key = 'token_key'")).value().toInt(), 1);
}

// A token is signed with the key every instance reads from the database: B accepts A's and A B's.
void TestDeployment::accessTokensWorkOnEitherInstance()
{
    for (const auto &[signer, checker] : {std::pair{m_a.get(), m_b.get()}, std::pair{m_b.get(), m_a.get()}}) {
        auto rep = laptop(QStringLiteral("rep.east"), signer->url());
        QVERIFY(rep);
        const QString token = rep->engine().session().accessToken;
        rep->transport().setBaseUrl(checker->url());
        auto synced = rep->sync();
        QVERIFY2(synced.ok(), qPrintable(synced ? QString() : synced.error().message));
        QCOMPARE(rep->engine().session().accessToken, token); // accepted as it was, not refreshed
    }
}

// The refresh token rotates in the shared database: each instance honours the other's rotation.
void TestDeployment::refreshWorksThroughEitherInstance()
{
    auto manager = laptop(QStringLiteral("mgr.east"), m_a->url());
    QVERIFY(manager);
    const QString issuedByA = manager->engine().session().refreshToken;
    for (ServerProcess *instance : {m_b.get(), m_a.get(), m_b.get()}) {
        sync::SyncSession session = manager->engine().session();
        session.accessExpiresMs = 0; // as if a quarter of an hour went by: the next sync refreshes first
        manager->engine().setSession(session);
        manager->transport().setBaseUrl(instance->url());
        auto synced = manager->sync();
        QVERIFY2(synced.ok(), qPrintable(synced ? QString() : synced.error().message));
        QVERIFY(manager->engine().session().refreshToken != session.refreshToken);
        QVERIFY(manager->engine().session().accessToken != session.accessToken);
    }
    // A's first token, already rotated away on B, comes back to A: recognised as reused.
    sync::SyncTransport transport(m_a->url());
    const QJsonObject body{{QStringLiteral("refreshToken"), issuedByA}, {QStringLiteral("clientId"), clientId(*manager)}};
    const sync::HttpReply reused = transport.post(QStringLiteral("/v1/auth/refresh"), QJsonDocument(body).toJson());
    QCOMPARE(reused.status, 401);
    QCOMPARE(QJsonDocument::fromJson(reused.body).object().value(QStringLiteral("code")).toString(), QStringLiteral("refresh_reused"));
}

QStringList TestDeployment::laptopRows(TestClient &laptop, const QString &region)
{
    QStringList rows;
    auto query = core::Sql(laptop.db()).query(QStringLiteral("SELECT id, version, deleted, name FROM account WHERE region_id = ? "
                                                             "UNION ALL SELECT id, version, deleted, name FROM opportunity WHERE region_id = ? "
                                                             "ORDER BY 1"), {region, region});
    while (query && query.value().next())
        rows << QStringLiteral("%1 v%2 d%3 %4").arg(query.value().value(0).toString()).arg(query.value().value(1).toLongLong())
                    .arg(query.value().value(2).toInt()).arg(query.value().value(3).toString());
    return rows;
}

QStringList TestDeployment::serverRows(const QString &region) const
{
    QStringList rows;
    auto db = m_database->connection();
    auto query = core::Sql(db.value()).query(QStringLiteral("SELECT id, version, deleted, data FROM sync_row "
                                                            "WHERE entity IN ('account', 'opportunity') AND region_id = ? ORDER BY id"), {region});
    while (query && query.value().next())
        rows << QStringLiteral("%1 v%2 d%3 %4").arg(query.value().value(0).toString()).arg(query.value().value(1).toLongLong())
                    .arg(query.value().value(2).toInt())
                    .arg(QJsonDocument::fromJson(query.value().value(3).toByteArray()).object().value(QStringLiteral("name")).toString());
    return rows;
}

// One turn of a laptop through instance(turn): a new account and a rename of the shared one, synced.
// resendThroughOther: the same upload again through the other instance, as after a lost answer.
void TestDeployment::takeTurn(TestClient &laptop, int turn, const QString &shared, const QString &label, bool resendThroughOther)
{
    laptop.transport().setBaseUrl(instance(turn)->url());
    QVERIFY(!newAccount(laptop, m_company.east, label).isEmpty());
    QVERIFY(sync::RecordEditor(laptop.db()).update(QStringLiteral("account"), shared,
                                                   {{QStringLiteral("name"), QStringLiteral("Shared, renamed in %1").arg(label)}}).ok());
    const auto pending = sync::Outbox(laptop.db()).pending(100).value();
    const qint64 before = cursor(laptop);
    auto synced = laptop.sync();
    QVERIFY2(synced.ok(), qPrintable(synced ? QString() : synced.error().message));
    QCOMPARE(synced.value().rejected, 0);
    QVERIFY2(cursor(laptop) > before, "the cursor moves on from where the other instance left it");
    if (!resendThroughOther)
        return;
    core::PushRequest again{clientId(laptop), {}};
    for (const sync::OutboxEntry &entry : pending)
        again.mutations.push_back(entry.mutation);
    sync::SyncTransport other(instance(turn + 1)->url());
    other.setAccessToken(laptop.engine().session().accessToken);
    const sync::HttpReply answer = other.post(QStringLiteral("/v1/push"), core::toJson(again));
    QCOMPARE(answer.status, 200); // the stored answers, nothing applied again
    auto replayed = core::parsePushResponse(answer.body);
    QVERIFY(replayed.ok());
    QCOMPARE(replayed.value().results.size(), pending.size());
    for (const core::MutationResult &result : replayed.value().results)
        QVERIFY2(result.status == QLatin1String("applied") || result.status == QLatin1String("merged"), qPrintable(result.status));
}

// Quiet: one more sync each brings everything; a second one, through the other instance, finds
// nothing new and leaves the cursor where it was.
void TestDeployment::settle(const std::vector<std::unique_ptr<TestClient>> &laptops)
{
    for (size_t k = 0; k < laptops.size(); ++k) {
        laptops[k]->transport().setBaseUrl(instance(int(k))->url());
        QVERIFY(laptops[k]->sync().ok());
    }
    for (size_t k = 0; k < laptops.size(); ++k) {
        const qint64 before = cursor(*laptops[k]);
        laptops[k]->transport().setBaseUrl(instance(int(k) + 1)->url());
        auto synced = laptops[k]->sync();
        QVERIFY(synced.ok());
        QCOMPARE(synced.value().pulled, 0);
        QCOMPARE(cursor(*laptops[k]), before);
    }
}

// Four laptops take turns, each round through the other instance than the round before: each
// creates an account and renames one shared account (concurrent edits of one field). In round 1
// every upload is also sent again through the other instance.
void TestDeployment::laptopsAlternatingBetweenInstancesConverge()
{
    std::vector<std::unique_ptr<TestClient>> laptops;
    for (const char *login : {"rep.east", "rep.east", "mgr.east", "director"}) {
        laptops.push_back(laptop(QLatin1String(login), instance(int(laptops.size()))->url()));
        QVERIFY(laptops.back());
    }
    std::vector<int> mutations(laptops.size(), 0);
    const QString shared = newAccount(*laptops[0], m_company.east, QStringLiteral("Shared dealer"));
    QVERIFY(!shared.isEmpty());
    ++mutations[0];
    for (auto &laptop : laptops) // everyone has the shared account before the rounds
        QVERIFY(laptop->sync().ok());
    constexpr int kRounds = 4;
    for (int round = 0; round < kRounds; ++round)
        for (size_t k = 0; k < laptops.size(); ++k) {
            takeTurn(*laptops[k], round + int(k), shared, QStringLiteral("Round %1 laptop %2").arg(round).arg(k), round == 1);
            if (QTest::currentTestFailed())
                return;
            mutations[k] += 2;
        }
    settle(laptops);
    if (QTest::currentTestFailed())
        return;

    const QStringList expected = serverRows(m_company.east);
    QCOMPARE(expected.filter(QStringLiteral(" d0 Round ")).size(), kRounds * int(laptops.size()));
    for (auto &laptop : laptops)
        QCOMPARE(laptopRows(*laptop, m_company.east), expected);
    // Every rename applied exactly once: one version and one change-log entry each, the last one wins.
    const int renames = kRounds * int(laptops.size());
    QCOMPARE(serverValue(QStringLiteral("SELECT version FROM sync_row WHERE id = ?"), {shared}).value().toInt(), 1 + renames);
    QCOMPARE(serverValue(QStringLiteral("SELECT count(*) FROM change_log WHERE row_id = ?"), {shared}).value().toInt(), 1 + renames);
    QCOMPARE(laptops[1]->count(QStringLiteral("SELECT count(*) FROM account WHERE id = ? AND name = ?"),
                               {shared, QStringLiteral("Shared, renamed in Round %1 laptop 3").arg(kRounds - 1)}), 1);
    for (size_t k = 0; k < laptops.size(); ++k) {
        const QString id = clientId(*laptops[k]);
        QCOMPARE(serverValue(QStringLiteral("SELECT last_mid FROM device WHERE client_id = ?"), {id}).value().toInt(), mutations[k]);
        QCOMPARE(serverValue(QStringLiteral("SELECT count(*) FROM mutation_result WHERE client_id = ?"), {id}).value().toInt(), mutations[k]);
        QCOMPARE(sync::Outbox(laptops[k]->db()).count(QStringLiteral("pending")).value(), 0);
    }
}

bool TestDeployment::nginxRunning()
{
    if (m_nginx)
        return true;
    if (!QFile::exists(test::NginxProxy::program())) {
        qWarning("nginx is not installed (%s); ./scripts/test installs it", qPrintable(test::NginxProxy::program()));
        return false;
    }
    auto nginx = std::make_unique<test::NginxProxy>(m_nginxDir.path());
    const QStringList upstreams{QStringLiteral("127.0.0.1:%1").arg(m_a->port()), QStringLiteral("127.0.0.1:%1").arg(m_b->port())};
    if (!nginx->makeCertificates() || !nginx->start(upstreams)) {
        qWarning("nginx did not start: %s", qPrintable(nginx->log()));
        return false;
    }
    m_nginx = std::move(nginx);
    return true;
}

void TestDeployment::syncRunsThroughNginxOverVerifiedTls()
{
    QVERIFY(nginxRunning());
    auto rep = laptop(QStringLiteral("rep.west"), m_nginx->url(), m_nginx->caCertificate());
    QVERIFY(rep);
    const QString id = newAccount(*rep, m_company.west, QStringLiteral("Sent through nginx"));
    for (int i = 0; i < 3; ++i)
        QVERIFY(rep->sync().ok());
    // The same database behind both paths; and the certificate's host name works as well as its address.
    auto direct = laptop(QStringLiteral("director"), m_b->url());
    QVERIFY(direct);
    QCOMPARE(direct->count(QStringLiteral("SELECT count(*) FROM account WHERE id = ?"), {id}), 1);
    auto byName = laptop(QStringLiteral("rep.west"), m_nginx->url(QStringLiteral("localhost")), m_nginx->caCertificate());
    QVERIFY(byName);
    QCOMPARE(byName->count(QStringLiteral("SELECT count(*) FROM account WHERE id = ?"), {id}), 1);
    // nginx spread the requests over both instances.
    const QString log = m_nginx->accessLog();
    for (const ServerProcess *instance : {m_a.get(), m_b.get()})
        QVERIFY2(log.contains(QStringLiteral("upstream=127.0.0.1:%1 ").arg(instance->port())), qPrintable(log));
}

void TestDeployment::untrustedCertificatesAreRefused_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("caFile");
    QTest::addColumn<QString>("why");
    QVERIFY(nginxRunning());
    const QString unknownIssuer = QStringLiteral("unable to get local issuer certificate");
    QTest::newRow("no company CA") << QStringLiteral("127.0.0.1") << QString() << unknownIssuer;
    QTest::newRow("another CA") << QStringLiteral("127.0.0.1") << m_nginx->otherCaCertificate() << unknownIssuer;
    QTest::newRow("a host the certificate does not name") << QStringLiteral("127.0.0.2") << m_nginx->caCertificate()
                                                          << QStringLiteral("does not name this host");
}

void TestDeployment::untrustedCertificatesAreRefused()
{
    QFETCH(QString, host);
    QFETCH(QString, caFile);
    QFETCH(QString, why);
    TestClient untrusting(m_dir.filePath(QStringLiteral("untrusting-%1.sqlite").arg(++m_laptops)), m_nginx->url(host));
    QVERIFY(untrusting.transport().setCaCertificatePath(caFile).ok());
    auto session = untrusting.engine().login(QStringLiteral("rep.west"), QString::fromLatin1(test::kTestPassword), QString());
    QVERIFY(!session.ok());
    QCOMPARE(session.error().code, core::ErrorCode::Network);
    QVERIFY2(session.error().message.contains(QStringLiteral("certificate")), qPrintable(session.error().message));
    QVERIFY2(session.error().message.contains(m_nginx->url(host)), qPrintable(session.error().message));
    QVERIFY2(session.error().detail.contains(why), qPrintable(session.error().detail));
    // Refused before anything was sent: the password never left, no instance saw this laptop.
    QCOMPARE(serverValue(QStringLiteral("SELECT count(*) FROM device WHERE client_id = ?"), {clientId(untrusting)}).value().toInt(), 0);
}

// The company CA is trusted besides the system's authorities, not instead of them. OpenSSL reads
// the system's from SSL_CERT_FILE when it is set: here that "system" store holds the test CA.
void TestDeployment::companyCaAddsToTheSystemAuthorities()
{
    QVERIFY(nginxRunning());
    const QByteArray saved = qgetenv("SSL_CERT_FILE");
    const auto restore = qScopeGuard([&] { saved.isNull() ? qunsetenv("SSL_CERT_FILE") : qputenv("SSL_CERT_FILE", saved); });
    qputenv("SSL_CERT_FILE", QFile::encodeName(m_nginx->caCertificate()));
    auto laptopWithOtherCa = laptop(QStringLiteral("rep.west"), m_nginx->url(), m_nginx->otherCaCertificate());
    QVERIFY(laptopWithOtherCa);
}

void TestDeployment::unusableCaFileIsReported()
{
    sync::SyncTransport transport(QStringLiteral("https://127.0.0.1:1"));
    const QString missing = m_dir.filePath(QStringLiteral("missing-ca.pem"));
    const core::Status status = transport.setCaCertificatePath(missing);
    QVERIFY(!status.ok());
    QCOMPARE(status.error().code, core::ErrorCode::Io);
    QVERIFY2(status.error().message.contains(QDir::toNativeSeparators(missing)), qPrintable(status.error().message));
    QFile notACertificate(m_dir.filePath(QStringLiteral("not-a-ca.pem")));
    QVERIFY(notACertificate.open(QIODevice::WriteOnly) && notACertificate.write("just some text\n") > 0);
    notACertificate.close();
    QVERIFY(!transport.setCaCertificatePath(notACertificate.fileName()).ok());
    QVERIFY(transport.setCaCertificatePath(QString()).ok());
}

// Raw requests through nginx: gzip passes through, the 8 MiB limit matches the server's, and the
// client address the server records is the one nginx saw, whatever the client claims.
void TestDeployment::proxyKeepsTheServerLimitsAndHeaders()
{
    QVERIFY(nginxRunning());
    httplib::Client client(m_nginx->url().toStdString());
    client.set_ca_cert_path(m_nginx->caCertificate().toStdString());
    client.enable_server_certificate_verification(true);
    client.set_decompress(false);
    auto version = client.Get("/v1/version", {{"Accept-Encoding", "gzip"}});
    QVERIFY(version);
    QCOMPARE(version->status, 200);
    QCOMPARE(QString::fromStdString(version->get_header_value("Content-Encoding")), QStringLiteral("gzip"));

    auto underLimit = client.Post("/v1/push", std::string(2 * 1024 * 1024, 'x'), "application/json");
    QVERIFY(underLimit);
    QCOMPARE(underLimit->status, 401); // reached the server, which wants a token
    auto overLimit = client.Post("/v1/push", std::string(9 * 1024 * 1024, 'x'), "application/json");
    QVERIFY(overLimit);
    QCOMPARE(overLimit->status, 413); // refused by nginx before the server sees it

    const QJsonObject login{{QStringLiteral("login"), QStringLiteral("address.probe")}, {QStringLiteral("password"), QStringLiteral("wrong")},
                            {QStringLiteral("clientId"), core::Uuid7Generator::generate()}};
    auto refused = client.Post("/v1/auth/login", {{"X-Forwarded-For", "203.0.113.7"}},
                               QJsonDocument(login).toJson().toStdString(), "application/json");
    QVERIFY(refused);
    QCOMPARE(refused->status, 401);
    QCOMPARE(serverValue(QStringLiteral("SELECT address FROM login_attempt WHERE login = 'address.probe'")).value().toString(),
             QStringLiteral("127.0.0.1"));
}

void TestDeployment::plainHttpIsRedirected()
{
    QVERIFY(nginxRunning());
    httplib::Client client(m_nginx->plainUrl().toStdString());
    auto answer = client.Get("/v1/version");
    QVERIFY(answer);
    QCOMPARE(answer->status, 301);
    QVERIFY(QString::fromStdString(answer->get_header_value("Location")).startsWith(QLatin1String("https://127.0.0.1")));
}

QTEST_GUILESS_MAIN(TestDeployment)
#include "tst_deployment.moc"
