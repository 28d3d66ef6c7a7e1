#pragma once

#include "apierror.h"
#include "serverdatabase.h"
#include "session.h"
#include "tokenservice.h"

#include <QJsonObject>

#include <variant>

namespace vantage::server {

template<typename T>
using ApiResult = std::variant<T, ApiError>;

// Login, token refresh with rotation, logout, and the check behind every authenticated request:
// the token's signature and expiry, then the user and device as they are in the database now (so
// disabling a user or revoking a device takes effect at the next request).
// A refresh_token row as AuthService::refresh reads it.
struct StoredRefreshToken
{
    QString userId;
    QString clientId;
    QString family;
    qint64 expiresAt = 0;
    bool used = false;
    bool revoked = false;
    qint64 usedAt = 0;
    bool superseded = false;
};

class AuthService
{
public:
    static constexpr int kMaxFailuresPerLogin = 5;
    // How long after a refresh its old token may come back as a retry of a lost answer.
    static constexpr qint64 kLostAnswerGraceMs = 60 * 1000;
    static constexpr int kMaxFailuresPerAddress = 30;
    static constexpr qint64 kThrottleWindowMs = 15 * 60 * 1000;

    explicit AuthService(const ServerDatabase &database) : m_database(database) {}

    ApiResult<QJsonObject> login(const QJsonObject &body, const QString &address) const;
    ApiResult<QJsonObject> refresh(const QJsonObject &body, const QString &address) const;
    ApiResult<QJsonObject> logout(const QJsonObject &body, const QString &address) const;
    ApiResult<Session> authenticate(const QString &authorization, const QString &address) const;

private:
    core::Result<TokenService> tokens() const;
    core::Result<Session> loadSession(const QSqlDatabase &db, const QString &userId, const QString &clientId) const;
    ApiResult<QJsonObject> issue(const QSqlDatabase &db, const Session &session, const QString &family) const;
    bool retriesLostAnswer(const QSqlDatabase &tx, const StoredRefreshToken &stored, const QString &clientId, qint64 now) const;

    const ServerDatabase &m_database;
};

ApiError internalError(const core::Error &error);

} // namespace vantage::server
