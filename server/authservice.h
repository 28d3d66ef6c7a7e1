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
class AuthService
{
public:
    static constexpr int kMaxFailuresPerLogin = 5;
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

    const ServerDatabase &m_database;
};

ApiError internalError(const core::Error &error);

} // namespace vantage::server
