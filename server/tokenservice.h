#pragma once

#include "domain/result.h"

#include <QByteArray>
#include <QString>

namespace vantage::server {

// Claims of an access token: who, on which device, until when.
struct AccessClaims
{
    QString userId;
    QString clientId;
    qint64 issuedAtMs = 0;
    qint64 expiresAtMs = 0;
};

// Short-lived access tokens signed with HMAC-SHA-256 under a key every instance reads from the
// database (so any instance can verify any token), and opaque refresh tokens stored only as hashes.
class TokenService
{
public:
    static constexpr qint64 kAccessLifetimeMs = 15 * 60 * 1000;
    static constexpr qint64 kRefreshLifetimeMs = 30LL * 24 * 3600 * 1000;

    explicit TokenService(QByteArray key) : m_key(std::move(key)) {}

    QString issueAccess(const AccessClaims &claims) const;
    // Checks the signature and the expiry against nowMs.
    core::Result<AccessClaims> verifyAccess(const QString &token, qint64 nowMs) const;

    static QString newRefreshToken();
    static QString hashRefreshToken(const QString &token);

private:
    QByteArray sign(const QByteArray &payload) const;
    QByteArray m_key;
};

} // namespace vantage::server
