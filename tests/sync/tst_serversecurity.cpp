// The server against hostile or careless requests: missing, forged, expired and revoked tokens,
// another user's client id, other regions' ids in push and pull, oversized and malformed bodies,
// SQL metacharacters in every text field, password guessing and refresh-token theft. Each answer
// is the right 4xx and nothing changes on the server.
#include "syncfixture.h"

#include "authservice.h"
#include "tokenservice.h"

#include "domain/clock.h"
#include "protocol/syncmessages.h"
#include "sync/recordeditor.h"
#include "sync/syncstate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

#include <httplib.h>

using namespace vantage;
using sync::HttpReply;
using test::TestClient;

class TestServerSecurity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void requestsWithoutAValidTokenAreRefused();
    void anotherUsersClientIdIsRefused();
    void otherRegionsStayInvisibleAndUntouchable();
    void malformedAndOversizedBodiesAreRefused_data();
    void malformedAndOversizedBodiesAreRefused();
    void sqlMetacharactersAreJustText();
    void passwordGuessingIsThrottled();
    void aStolenRefreshTokenEndsTheSession();
    void aLostRefreshAnswerIsRetried();
    void aForgedForwardedForDoesNotDodgeTheThrottle();
    void disablingAUserStopsItsTokensAtOnce();

private:
    std::unique_ptr<TestClient> client(const QString &login);
    HttpReply post(const QString &path, const QByteArray &body, const QString &token);
    QJsonObject pushOne(TestClient &laptop, const core::Mutation &mutation);
    qint64 serverRows(const QString &entity);

    QTemporaryDir m_dir;
    std::unique_ptr<test::ServerProcess> m_server;
    test::Company m_company;
    QString m_westAccount;
    int m_clients = 0;
};

std::unique_ptr<TestClient> TestServerSecurity::client(const QString &login)
{
    auto made = std::make_unique<TestClient>(m_dir.filePath(QStringLiteral("c%1.sqlite").arg(++m_clients)), m_server->url());
    if (!made->engine().login(login, QString::fromLatin1(test::kTestPassword), QString()).ok() || !made->sync().ok())
        qFatal("client %s could not sign in and sync", qPrintable(login));
    return made;
}

HttpReply TestServerSecurity::post(const QString &path, const QByteArray &body, const QString &token)
{
    sync::SyncTransport transport(m_server->url());
    transport.setAccessToken(token);
    return transport.post(path, body);
}

QJsonObject TestServerSecurity::pushOne(TestClient &laptop, const core::Mutation &mutation)
{
    const core::PushRequest request{sync::SyncState(laptop.db()).clientId().value(), {mutation}};
    const HttpReply reply = post(QStringLiteral("/v1/push"), core::toJson(request), laptop.engine().session().accessToken);
    return QJsonDocument::fromJson(reply.body).object();
}

qint64 TestServerSecurity::serverRows(const QString &entity)
{
    auto director = client(QStringLiteral("director"));
    return director->count(QStringLiteral("SELECT count(*) FROM %1").arg(entity));
}

void TestServerSecurity::initTestCase()
{
    VANTAGE_SKIP_WITHOUT_POSTGRES();
    m_server = std::make_unique<test::ServerProcess>(test::newServerDatabase(m_dir));
    QVERIFY(test::setUpCompany(*m_server, m_dir.filePath(QStringLiteral("admin.sqlite")), m_company));
    auto west = client(QStringLiteral("rep.west"));
    auto id = sync::RecordEditor(west->db()).create(QStringLiteral("account"), m_company.west,
        {{QStringLiteral("kind"), QStringLiteral("dealer")}, {QStringLiteral("name"), QStringLiteral("West secret")},
         {QStringLiteral("created_at"), qint64(1795000000000)}});
    QVERIFY(id.ok());
    QVERIFY(west->sync().ok());
    m_westAccount = id.value();
}

void TestServerSecurity::requestsWithoutAValidTokenAreRefused()
{
    auto rep = client(QStringLiteral("rep.east"));
    const QByteArray pull = core::toJson(core::PullRequest{sync::SyncState(rep->db()).clientId().value(), 0, 10, 0});
    QCOMPARE(post(QStringLiteral("/v1/pull"), pull, QString()).status, 401);
    QCOMPARE(post(QStringLiteral("/v1/pull"), pull, QStringLiteral("not.a-token")).status, 401);
    // A real token with its payload changed (say, another user id): the signature no longer fits.
    const QString token = rep->engine().session().accessToken;
    QByteArray payload = QByteArray::fromBase64(token.section(u'.', 0, 0).toLatin1(), QByteArray::Base64UrlEncoding);
    payload.replace(rep->engine().session().userId.toLatin1(), QByteArray("01a00000-0000-7000-8000-000000000000"));
    const QString forged = QString::fromLatin1(payload.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals))
        + u'.' + token.section(u'.', 1);
    const HttpReply refused = post(QStringLiteral("/v1/pull"), pull, forged);
    QCOMPARE(refused.status, 401);
    QCOMPARE(QJsonDocument::fromJson(refused.body).object().value(QStringLiteral("code")).toString(), QStringLiteral("bad_token"));
    // Signed with the wrong key, and expired.
    const server::TokenService other(QByteArray(32, 'k'));
    const qint64 now = core::Clock::nowMs();
    QCOMPARE(post(QStringLiteral("/v1/pull"), pull, other.issueAccess({rep->engine().session().userId,
                                                                       sync::SyncState(rep->db()).clientId().value(), now, now + 60000})).status, 401);
    QCOMPARE(post(QStringLiteral("/v1/pull"), pull, token).status, 200);
}

void TestServerSecurity::anotherUsersClientIdIsRefused()
{
    auto east = client(QStringLiteral("rep.east"));
    auto west = client(QStringLiteral("rep.west"));
    const QString westClient = sync::SyncState(west->db()).clientId().value();
    const QByteArray pull = core::toJson(core::PullRequest{westClient, 0, 10, 0});
    QCOMPARE(post(QStringLiteral("/v1/pull"), pull, east->engine().session().accessToken).status, 403);
    core::Mutation m;
    m.mid = 1;
    m.name = QStringLiteral("account.save@1");
    m.id = m_westAccount;
    m.set = {{QStringLiteral("name"), QStringLiteral("hijacked")}};
    QCOMPARE(post(QStringLiteral("/v1/push"), core::toJson(core::PushRequest{westClient, {m}}), east->engine().session().accessToken).status, 403);
    // Signing in with another user's installation id is refused as well.
    TestClient thief(m_dir.filePath(QStringLiteral("thief.sqlite")), m_server->url());
    QVERIFY(sync::SyncState(thief.db()).set(sync::SyncState::kClientId, westClient).ok());
    auto session = thief.engine().login(QStringLiteral("rep.east"), QString::fromLatin1(test::kTestPassword), QString());
    QVERIFY(!session.ok());
    QCOMPARE(session.error().code, core::ErrorCode::Revoked);
}

void TestServerSecurity::otherRegionsStayInvisibleAndUntouchable()
{
    auto east = client(QStringLiteral("rep.east"));
    QCOMPARE(east->count(QStringLiteral("SELECT count(*) FROM account WHERE id = ?"), {m_westAccount}), 0);
    // Pull from the start: not one row of another region, not even as an id.
    const HttpReply pulled = post(QStringLiteral("/v1/pull"),
                                  core::toJson(core::PullRequest{sync::SyncState(east->db()).clientId().value(), 0, 5000, 0}),
                                  east->engine().session().accessToken);
    QVERIFY(!pulled.body.contains(m_westAccount.toLatin1()));
    QVERIFY(!pulled.body.contains("West secret"));
    const HttpReply snapshot = [&] {
        sync::SyncTransport transport(m_server->url());
        transport.setAccessToken(east->engine().session().accessToken);
        return transport.get(QStringLiteral("/v1/snapshot?entity=account"));
    }();
    QVERIFY(!snapshot.body.contains("West secret"));
    // Writing to the west account by its id, or moving an east row into the west, is refused.
    core::Mutation edit;
    edit.mid = 1;
    edit.name = QStringLiteral("account.save@1");
    edit.id = m_westAccount;
    edit.set = {{QStringLiteral("name"), QStringLiteral("hijacked")}, {QStringLiteral("region_id"), m_company.east}};
    const QJsonObject answer = pushOne(*east, edit);
    QCOMPARE(answer[QStringLiteral("results")][0][QStringLiteral("code")].toString(), QStringLiteral("out_of_scope"));
    auto west = client(QStringLiteral("rep.west"));
    QCOMPARE(core::Sql(west->db()).scalar(QStringLiteral("SELECT name FROM account WHERE id = ?"), {m_westAccount}).value().toString(),
             QStringLiteral("West secret"));
}

void TestServerSecurity::malformedAndOversizedBodiesAreRefused_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::newRow("not json") << "/v1/push" << QByteArray("{\"clientId\": ") << 400;
    QTest::newRow("array") << "/v1/pull" << QByteArray("[1, 2, 3]") << 400;
    QTest::newRow("text mid") << "/v1/push" << QByteArray(R"({"clientId":"%C","mutations":[{"mid":"1","name":"account.save@1","id":"%I"}]})") << 400;
    QTest::newRow("fraction cursor") << "/v1/pull" << QByteArray(R"({"clientId":"%C","cursor":1.5})") << 400;
    QTest::newRow("unknown field") << "/v1/push" << QByteArray(R"({"clientId":"%C","mutations":[{"mid":1,"name":"account.save@1","id":"%I","set":{"password_hash":"x"}}]})") << 400;
    QTest::newRow("unknown entity") << "/v1/push" << QByteArray(R"({"clientId":"%C","mutations":[{"mid":1,"name":"auth_user.save@1","id":"%I"}]})") << 400;
    QTest::newRow("bad id") << "/v1/push" << QByteArray(R"({"clientId":"%C","mutations":[{"mid":1,"name":"account.save@1","id":"1 OR 1=1"}]})") << 400;
    QTest::newRow("too big") << "/v1/push" << QByteArray(9 * 1024 * 1024, ' ') << 413;
}

void TestServerSecurity::malformedAndOversizedBodiesAreRefused()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    auto rep = client(QStringLiteral("rep.east"));
    body.replace("%C", sync::SyncState(rep->db()).clientId().value().toLatin1()).replace("%I", m_westAccount.toLatin1());
    const qint64 before = serverRows(QStringLiteral("account"));
    const HttpReply reply = post(path, body, rep->engine().session().accessToken);
    QVERIFY2(reply.status == status, qPrintable(QStringLiteral("%1: %2").arg(reply.status).arg(QString::fromUtf8(reply.body.left(300)))));
    if (status == 400)
        QVERIFY2(!QJsonDocument::fromJson(reply.body).object().value(QStringLiteral("message")).toString().isEmpty(), reply.body.constData());
    QCOMPARE(serverRows(QStringLiteral("account")), before);
}

void TestServerSecurity::sqlMetacharactersAreJustText()
{
    auto rep = client(QStringLiteral("rep.east"));
    const QString nasty = QStringLiteral("Robert'); DROP TABLE sync_row; -- \" \\ %_ ; SELECT * FROM auth_user; 数据");
    QJsonObject fields{{QStringLiteral("kind"), QStringLiteral("customer")}, {QStringLiteral("created_at"), qint64(1795000000000)}};
    for (const char *field : {"name", "segment", "sector", "country", "state", "city", "postal_code", "legal_status", "tax_id", "source_ref"})
        fields.insert(QLatin1String(field), nasty);
    auto id = sync::RecordEditor(rep->db()).create(QStringLiteral("account"), m_company.east, fields);
    QVERIFY2(id.ok(), qPrintable(id.ok() ? QString() : id.error().message));
    auto pushed = rep->sync();
    QVERIFY(pushed.ok());
    QCOMPARE(pushed.value().rejected, 0);
    auto other = client(QStringLiteral("mgr.east"));
    for (const char *field : {"name", "city", "tax_id", "source_ref"})
        QCOMPARE(core::Sql(other->db()).scalar(QStringLiteral("SELECT %1 FROM account WHERE id = ?").arg(QLatin1String(field)), {id.value()})
                     .value().toString(), nasty);
    QVERIFY(other->count(QStringLiteral("SELECT count(*) FROM region")) > 0); // sync_row is still there
}

void TestServerSecurity::passwordGuessingIsThrottled()
{
    // A user of its own: a locked-out login would spoil the other tests.
    QCOMPARE(m_server->admin({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("rep.target"), QStringLiteral("--role"), QStringLiteral("rep")},
                             test::kTestPassword),
             0);
    TestClient laptop(m_dir.filePath(QStringLiteral("guess.sqlite")), m_server->url());
    for (int i = 0; i < server::AuthService::kMaxFailuresPerLogin; ++i)
        QCOMPARE(laptop.engine().login(QStringLiteral("rep.target"), QStringLiteral("guess %1").arg(i), QString()).error().code,
                 core::ErrorCode::Unauthorized);
    // Even the right password waits now.
    auto blocked = laptop.engine().login(QStringLiteral("rep.target"), QString::fromLatin1(test::kTestPassword), QString());
    QVERIFY(!blocked.ok());
    QCOMPARE(blocked.error().code, core::ErrorCode::Throttled);
}

void TestServerSecurity::aStolenRefreshTokenEndsTheSession()
{
    auto rep = client(QStringLiteral("rep.east"));
    const QString clientId = sync::SyncState(rep->db()).clientId().value();
    const QString stolen = rep->engine().session().refreshToken;
    const auto refresh = [&](const QString &token) {
        const QJsonObject body{{QStringLiteral("refreshToken"), token}, {QStringLiteral("clientId"), clientId}};
        return post(QStringLiteral("/v1/auth/refresh"), QJsonDocument(body).toJson(), QString());
    };
    const auto tokenOf = [](const HttpReply &reply) {
        return QJsonDocument::fromJson(reply.body).object().value(QStringLiteral("refreshToken")).toString();
    };
    const HttpReply first = refresh(stolen);
    QCOMPARE(first.status, 200);
    const QString rotated = tokenOf(first);
    QVERIFY(!rotated.isEmpty() && rotated != stolen);
    // The laptop goes on with its new token ...
    const HttpReply second = refresh(rotated);
    QCOMPARE(second.status, 200);
    // ... and the old one comes back (a copy someone took): the whole chain ends, the newest token too.
    const HttpReply reused = refresh(stolen);
    QCOMPARE(reused.status, 401);
    QCOMPARE(QJsonDocument::fromJson(reused.body).object().value(QStringLiteral("code")).toString(), QStringLiteral("refresh_reused"));
    QCOMPARE(refresh(tokenOf(second)).status, 401);
}

void TestServerSecurity::aLostRefreshAnswerIsRetried()
{
    auto rep = client(QStringLiteral("rep.west"));
    const QString clientId = sync::SyncState(rep->db()).clientId().value();
    const QString current = rep->engine().session().refreshToken;
    const auto refresh = [&](const QString &token, const QString &client) {
        const QJsonObject body{{QStringLiteral("refreshToken"), token}, {QStringLiteral("clientId"), client}};
        return post(QStringLiteral("/v1/auth/refresh"), QJsonDocument(body).toJson(), QString());
    };
    const auto tokenOf = [](const HttpReply &reply) {
        return QJsonDocument::fromJson(reply.body).object().value(QStringLiteral("refreshToken")).toString();
    };
    // The server rotates, the answer never reaches the laptop, which tries its token again.
    const HttpReply lost = refresh(current, clientId);
    QCOMPARE(lost.status, 200);
    const HttpReply retried = refresh(current, clientId);
    QCOMPARE(retried.status, 200);
    QVERIFY(tokenOf(retried) != tokenOf(lost));
    // Not from another device: that is a copy.
    QCOMPARE(refresh(current, QUuid::createUuid().toString(QUuid::WithoutBraces)).status, 401);
    // The chain ended with it; a fresh sign-in starts a new one, and the retry works again ...
    auto again = client(QStringLiteral("rep.west"));
    const QString next = again->engine().session().refreshToken;
    const QString nextClient = sync::SyncState(again->db()).clientId().value();
    const HttpReply lostAgain = refresh(next, nextClient);
    QCOMPARE(refresh(next, nextClient).status, 200);
    // ... while the answer that was lost, should it turn up somewhere, ends the chain.
    const HttpReply forked = refresh(tokenOf(lostAgain), nextClient);
    QCOMPARE(forked.status, 401);
    QCOMPARE(QJsonDocument::fromJson(forked.body).object().value(QStringLiteral("code")).toString(), QStringLiteral("refresh_reused"));
}

void TestServerSecurity::disablingAUserStopsItsTokensAtOnce()
{
    auto manager = client(QStringLiteral("mgr.east"));
    QVERIFY(manager->sync().ok());
    QCOMPARE(m_server->admin({QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("mgr.east")}), 0);
    auto refused = manager->sync(); // the access token has 15 minutes left; it still stops now
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, core::ErrorCode::Revoked);
    QCOMPARE(manager->count(QStringLiteral("SELECT count(*) FROM account")), 0);
    QCOMPARE(m_server->admin({QStringLiteral("user"), QStringLiteral("enable"), QStringLiteral("mgr.east")}), 0);
}

// The per-address sign-in throttle counts the real peer: an X-Forwarded-For header is believed
// only from a trusted proxy (here a made-up one, so the test's loopback peer is not trusted).
void TestServerSecurity::aForgedForwardedForDoesNotDodgeTheThrottle()
{
    test::ServerProcess direct(test::newServerDatabase(m_dir));
    QVERIFY(direct.start({QStringLiteral("--trusted-proxy"), QStringLiteral("192.0.2.1")}));
    httplib::Client http("127.0.0.1", direct.port());
    const auto attempt = [&](int i) {
        const QJsonObject body{{QStringLiteral("login"), QStringLiteral("guess%1").arg(i)}, {QStringLiteral("password"), QStringLiteral("x")},
                               {QStringLiteral("clientId"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                               {QStringLiteral("deviceName"), QStringLiteral("probe")}};
        const httplib::Headers headers{{"X-Vantage-Protocol", std::to_string(core::kProtocolVersion)},
                                       {"X-Forwarded-For", "198.51.100." + std::to_string(i % 250 + 1)}};
        auto result = http.Post("/v1/auth/login", headers, QJsonDocument(body).toJson().toStdString(), "application/json");
        return result ? result->status : 0;
    };
    for (int i = 0; i < server::AuthService::kMaxFailuresPerAddress; ++i)
        QCOMPARE(attempt(i), 401);
    QCOMPARE(attempt(server::AuthService::kMaxFailuresPerAddress), 429);
}

QTEST_GUILESS_MAIN(TestServerSecurity)
#include "tst_serversecurity.moc"
