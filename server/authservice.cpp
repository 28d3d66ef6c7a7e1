#include "authservice.h"

#include "auditlog.h"
#include "passwordhasher.h"

#include "domain/clock.h"
#include "domain/uuid7.h"
#include "protocol/jsonreader.h"
#include "storage/sql.h"

#include <QJsonArray>

namespace vantage::server {
namespace {

using core::Sql;

ApiError unauthorized(const QString &code, const QString &message)
{
    return {401, code, message};
}

// A throw-away hash to verify against when the login is unknown, so both cases cost the same time.
const QString &dummyHash()
{
    static const QString hash = PasswordHasher::hash(QStringLiteral("no such user"));
    return hash;
}

} // namespace

ApiError internalError(const core::Error &error)
{
    if (isRetryable(error))
        return {503, QStringLiteral("busy"), QStringLiteral("The server is busy; try again."), 1};
    return {500, QStringLiteral("internal"), QStringLiteral("The server could not complete the request.")};
}

core::Result<TokenService> AuthService::tokens() const
{
    auto db = m_database.connection();
    if (!db)
        return db.error();
    auto key = Sql(db.value()).scalar(QStringLiteral("SELECT value FROM server_meta WHERE key = 'token_key'"));
    if (!key)
        return key.error();
    return TokenService(QByteArray::fromHex(key.value().toString().toLatin1()));
}

core::Result<Session> AuthService::loadSession(const QSqlDatabase &db, const QString &userId, const QString &clientId) const
{
    const Sql sql(db);
    auto user = sql.query(QStringLiteral("SELECT u.login, u.role, u.disabled, u.scope_epoch, d.user_id, d.revoked "
                                         "FROM auth_user u LEFT JOIN device d ON d.client_id = ? WHERE u.user_id = ?"),
                          {clientId, userId});
    if (!user)
        return user.error();
    Session session;
    if (!user.value().next())
        return core::Error{core::ErrorCode::NotFound, QStringLiteral("unknown user"), QStringLiteral("revoked")};
    const QSqlQuery &u = user.value();
    if (u.value(2).toInt() != 0 || u.value(5).toInt() != 0 || u.value(4).toString() != userId)
        return core::Error{core::ErrorCode::NotFound, QStringLiteral("user disabled or device revoked"), QStringLiteral("revoked")};
    session.userId = userId;
    session.clientId = clientId;
    session.login = u.value(0).toString();
    session.role = u.value(1).toString();
    session.scopeEpoch = u.value(3).toInt();
    session.scope.allRegions = session.role == QLatin1String("director") || session.role == QLatin1String("admin");
    auto regions = sql.query(QStringLiteral("SELECT region_id FROM auth_user_region WHERE user_id = ?"), {userId});
    if (!regions)
        return regions.error();
    while (regions.value().next())
        session.scope.regions.insert(regions.value().value(0).toString());
    return session;
}

ApiResult<QJsonObject> AuthService::issue(const QSqlDatabase &db, const Session &session, const QString &family) const
{
    auto signer = tokens();
    if (!signer)
        return internalError(signer.error());
    const qint64 now = core::Clock::nowMs();
    const QString refreshToken = TokenService::newRefreshToken();
    if (auto stored = Sql(db).exec(QStringLiteral("INSERT INTO refresh_token (token_hash, user_id, client_id, family, "
                                                  "expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?)"),
                                   {TokenService::hashRefreshToken(refreshToken), session.userId, session.clientId, family,
                                    now + TokenService::kRefreshLifetimeMs, now});
        !stored)
        return internalError(stored.error());
    QJsonArray regions;
    for (const QString &region : session.scope.regions)
        regions.append(region);
    const QString access = signer.value().issueAccess({session.userId, session.clientId, now,
                                                       now + TokenService::kAccessLifetimeMs});
    return QJsonObject{{QStringLiteral("accessToken"), access},
                       {QStringLiteral("refreshToken"), refreshToken},
                       {QStringLiteral("expiresInMs"), TokenService::kAccessLifetimeMs},
                       {QStringLiteral("scopeEpoch"), session.scopeEpoch},
                       {QStringLiteral("user"),
                        QJsonObject{{QStringLiteral("id"), session.userId}, {QStringLiteral("login"), session.login},
                                    {QStringLiteral("role"), session.role}, {QStringLiteral("regions"), regions},
                                    {QStringLiteral("allRegions"), session.scope.allRegions}}}};
}

ApiResult<QJsonObject> AuthService::login(const QJsonObject &body, const QString &address) const
{
    core::JsonReader reader;
    const QString login = reader.string(body, QStringLiteral("login"), QString(), true, 200);
    const QString password = reader.string(body, QStringLiteral("password"), QString(), true, 1000);
    const QString clientId = reader.string(body, QStringLiteral("clientId"), QString(), true, 36);
    const QString deviceName = reader.string(body, QStringLiteral("deviceName"), QString(), false, 200);
    if (reader.ok() && !core::JsonReader::isUuid(clientId))
        reader.fail(QStringLiteral("clientId"), QStringLiteral("must be an id (a lower-case UUID)"));
    if (!reader.ok())
        return ApiError{400, QStringLiteral("malformed"), reader.error().detail};
    auto db = m_database.connection();
    if (!db)
        return internalError(db.error());
    const Sql sql(db.value());
    const qint64 now = core::Clock::nowMs();
    auto recent = sql.query(QStringLiteral("SELECT (SELECT count(*) FROM login_attempt WHERE login = ? AND ok = 0 AND at > ?), "
                                           "(SELECT count(*) FROM login_attempt WHERE address = ? AND ok = 0 AND at > ?)"),
                            {login, now - kThrottleWindowMs, address, now - kThrottleWindowMs});
    if (!recent || !recent.value().next())
        return internalError(recent ? core::Error{} : recent.error());
    if (recent.value().value(0).toInt() >= kMaxFailuresPerLogin || recent.value().value(1).toInt() >= kMaxFailuresPerAddress)
        return ApiError{429, QStringLiteral("throttled"), QStringLiteral("Too many failed sign-ins; wait and try again."), 60};

    auto user = sql.query(QStringLiteral("SELECT user_id, password_hash, disabled FROM auth_user WHERE login = ?"), {login});
    if (!user)
        return internalError(user.error());
    const bool known = user.value().next();
    const QString hash = known ? user.value().value(1).toString() : dummyHash();
    const bool passwordOk = PasswordHasher::verify(hash, password);
    if (!known || !passwordOk || user.value().value(2).toInt() != 0) {
        (void)sql.exec(QStringLiteral("INSERT INTO login_attempt (login, address, at, ok) VALUES (?, ?, ?, 0)"), {login, address, now});
        (void)writeAudit(db.value(), {known ? user.value().value(0).toString() : QString(), clientId,
                                      QStringLiteral("login_failed"), {}, {}, {{QStringLiteral("login"), login}}, address}, now);
        return unauthorized(QStringLiteral("bad_credentials"), QStringLiteral("The login or password is wrong."));
    }
    const QString userId = user.value().value(0).toString();
    ApiResult<QJsonObject> answer = ApiError{500, QStringLiteral("internal"), QString()};
    const core::Status done = m_database.transaction([&](QSqlDatabase &tx) -> core::Status {
        const Sql s(tx);
        auto device = s.query(QStringLiteral("SELECT user_id, revoked FROM device WHERE client_id = ?%1").arg(m_database.forUpdate()),
                              {clientId});
        if (!device)
            return device.error();
        if (device.value().next()) {
            if (device.value().value(0).toString() != userId || device.value().value(1).toInt() != 0) {
                answer = ApiError{403, QStringLiteral("client_refused"),
                                  QStringLiteral("This installation is registered to another user or was revoked.")};
                return {};
            }
        } else if (auto added = s.exec(QStringLiteral("INSERT INTO device (client_id, user_id, name, created_at) VALUES (?, ?, ?, ?)"),
                                       {clientId, userId, deviceName, now});
                   !added) {
            return added;
        }
        auto session = loadSession(tx, userId, clientId);
        if (!session)
            return session.error();
        answer = issue(tx, session.value(), core::Uuid7Generator::generate());
        if (auto ok = s.exec(QStringLiteral("INSERT INTO login_attempt (login, address, at, ok) VALUES (?, ?, ?, 1)"), {login, address, now}); !ok)
            return ok;
        return writeAudit(tx, {userId, clientId, QStringLiteral("login"), {}, {}, {{QStringLiteral("device"), deviceName}}, address}, now);
    });
    if (!done)
        return internalError(done.error());
    return answer;
}

ApiResult<QJsonObject> AuthService::refresh(const QJsonObject &body, const QString &address) const
{
    const QString token = body.value(QStringLiteral("refreshToken")).toString();
    const QString clientId = body.value(QStringLiteral("clientId")).toString();
    if (token.isEmpty() || token.size() > 200 || !core::JsonReader::isUuid(clientId))
        return ApiError{400, QStringLiteral("malformed"), QStringLiteral("refreshToken and clientId are required")};
    const qint64 now = core::Clock::nowMs();
    ApiResult<QJsonObject> answer = unauthorized(QStringLiteral("bad_refresh"), QStringLiteral("Sign in again."));
    const core::Status done = m_database.transaction([&](QSqlDatabase &tx) -> core::Status {
        const Sql s(tx);
        const QString hash = TokenService::hashRefreshToken(token);
        auto row = s.query(QStringLiteral("SELECT user_id, client_id, family, expires_at, used, revoked, used_at, superseded "
                                          "FROM refresh_token WHERE token_hash = ?%1").arg(m_database.forUpdate()),
                           {hash});
        if (!row)
            return row.error();
        if (!row.value().next())
            return {};
        const QSqlQuery &r = row.value();
        const StoredRefreshToken stored{r.value(0).toString(), r.value(1).toString(), r.value(2).toString(), r.value(3).toLongLong(),
                                        r.value(4).toInt() != 0, r.value(5).toInt() != 0, r.value(6).toLongLong(), r.value(7).toInt() != 0};
        if (stored.superseded || (stored.used && !retriesLostAnswer(tx, stored, clientId, now))) {
            // A rotated token came back, or one a retry replaced: someone copied it. End the whole chain.
            answer = unauthorized(QStringLiteral("refresh_reused"), QStringLiteral("Sign in again."));
            if (auto revoked = s.exec(QStringLiteral("UPDATE refresh_token SET revoked = 1 WHERE family = ?"), {stored.family}); !revoked)
                return revoked;
            return writeAudit(tx, {stored.userId, clientId, QStringLiteral("refresh_reused"), {}, {}, {}, address}, now);
        }
        if (stored.revoked || stored.expiresAt <= now || stored.clientId != clientId)
            return {};
        auto session = loadSession(tx, stored.userId, clientId);
        if (!session) {
            answer = unauthorized(QStringLiteral("revoked"), QStringLiteral("Access was revoked by an administrator."));
            return {};
        }
        if (!stored.used)
            if (auto used = s.exec(QStringLiteral("UPDATE refresh_token SET used = 1, used_at = ? WHERE token_hash = ?"), {now, hash}); !used)
                return used;
        answer = issue(tx, session.value(), stored.family);
        return {};
    });
    if (!done)
        return internalError(done.error());
    return answer;
}

// The answer to a refresh can be lost after the server committed it (a dropped connection): the
// laptop then sends its old token again. That is a retry, not a thief, when it comes from the same
// device within kLostAnswerGraceMs and the token that replaced it was never used: that successor is
// superseded (presented later, it ends the chain) and the retry gets a new pair.
bool AuthService::retriesLostAnswer(const QSqlDatabase &tx, const StoredRefreshToken &stored, const QString &clientId, qint64 now) const
{
    if (stored.clientId != clientId || stored.revoked || now - stored.usedAt > kLostAnswerGraceMs)
        return false;
    const Sql s(tx);
    // Any token issued since this one was used, and used itself, means the laptop got its answer.
    auto usedSince = s.scalar(QStringLiteral("SELECT count(*) FROM refresh_token WHERE family = ? AND created_at >= ? AND used = 1"),
                              {stored.family, stored.usedAt});
    if (!usedSince || usedSince.value().toLongLong() > 0)
        return false;
    auto successor = s.scalar(QStringLiteral("SELECT token_hash FROM refresh_token WHERE family = ? AND used = 0 AND revoked = 0 "
                                             "AND superseded = 0 AND created_at >= ?"),
                              {stored.family, stored.usedAt});
    if (!successor || !successor.value().isValid())
        return false;
    return s.exec(QStringLiteral("UPDATE refresh_token SET superseded = 1, revoked = 1 WHERE token_hash = ?"), {successor.value()}).ok();
}

ApiResult<QJsonObject> AuthService::logout(const QJsonObject &body, const QString &address) const
{
    const QString token = body.value(QStringLiteral("refreshToken")).toString();
    const qint64 now = core::Clock::nowMs();
    const core::Status done = m_database.transaction([&](QSqlDatabase &tx) -> core::Status {
        const Sql s(tx);
        auto family = s.scalar(QStringLiteral("SELECT family FROM refresh_token WHERE token_hash = ?"),
                               {TokenService::hashRefreshToken(token)});
        if (!family)
            return family.error();
        if (!family.value().isValid())
            return {};
        if (auto revoked = s.exec(QStringLiteral("UPDATE refresh_token SET revoked = 1 WHERE family = ?"), {family.value()}); !revoked)
            return revoked;
        return writeAudit(tx, {{}, {}, QStringLiteral("logout"), {}, {}, {}, address}, now);
    });
    if (!done)
        return internalError(done.error());
    return QJsonObject{{QStringLiteral("ok"), true}};
}

ApiResult<Session> AuthService::authenticate(const QString &authorization, const QString &address) const
{
    if (!authorization.startsWith(QLatin1String("Bearer ")))
        return unauthorized(QStringLiteral("no_token"), QStringLiteral("Sign in first."));
    auto signer = tokens();
    if (!signer)
        return internalError(signer.error());
    auto claims = signer.value().verifyAccess(authorization.mid(7), core::Clock::nowMs());
    if (!claims)
        return unauthorized(claims.error().detail == QLatin1String("expired") ? QStringLiteral("token_expired")
                                                                               : QStringLiteral("bad_token"),
                            QStringLiteral("Sign in again."));
    auto db = m_database.connection();
    if (!db)
        return internalError(db.error());
    auto session = loadSession(db.value(), claims.value().userId, claims.value().clientId);
    if (!session) {
        if (session.error().detail == QLatin1String("revoked"))
            return unauthorized(QStringLiteral("revoked"), QStringLiteral("Access was revoked by an administrator."));
        return internalError(session.error());
    }
    session.value().address = address;
    return session.value();
}

} // namespace vantage::server
