#include "tokenservice.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>

#include <sodium.h>

namespace vantage::server {
namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::server::TokenService)
};

using core::Error;
using core::ErrorCode;

constexpr auto kBase64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

Error invalidToken(const QString &why)
{
    return {ErrorCode::InvalidInput, Tr::tr("The access token is not valid; sign in again."), why};
}

} // namespace

QByteArray TokenService::sign(const QByteArray &payload) const
{
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char *>(m_key.constData()),
                                static_cast<size_t>(m_key.size()));
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char *>(payload.constData()),
                                  static_cast<unsigned long long>(payload.size()));
    crypto_auth_hmacsha256_final(&state, mac);
    return QByteArray(reinterpret_cast<const char *>(mac), sizeof mac);
}

QString TokenService::issueAccess(const AccessClaims &claims) const
{
    const QJsonObject body{{QStringLiteral("v"), 1}, {QStringLiteral("sub"), claims.userId},
                           {QStringLiteral("cid"), claims.clientId}, {QStringLiteral("iat"), claims.issuedAtMs},
                           {QStringLiteral("exp"), claims.expiresAtMs}};
    const QByteArray payload = QJsonDocument(body).toJson(QJsonDocument::Compact).toBase64(kBase64);
    return QString::fromLatin1(payload + '.' + sign(payload).toBase64(kBase64));
}

core::Result<AccessClaims> TokenService::verifyAccess(const QString &token, qint64 nowMs) const
{
    const QByteArray raw = token.toLatin1();
    const qsizetype dot = raw.indexOf('.');
    if (dot <= 0 || raw.size() > 4096)
        return invalidToken(QStringLiteral("malformed token"));
    const QByteArray payload = raw.left(dot);
    const QByteArray mac = QByteArray::fromBase64(raw.mid(dot + 1), kBase64);
    const QByteArray expected = sign(payload);
    // Constant-time comparison: no timing oracle on the signature.
    if (mac.size() != expected.size()
        || sodium_memcmp(mac.constData(), expected.constData(), static_cast<size_t>(expected.size())) != 0)
        return invalidToken(QStringLiteral("bad signature"));
    const QJsonObject body = QJsonDocument::fromJson(QByteArray::fromBase64(payload, kBase64)).object();
    AccessClaims claims{body.value(QStringLiteral("sub")).toString(), body.value(QStringLiteral("cid")).toString(),
                        body.value(QStringLiteral("iat")).toInteger(), body.value(QStringLiteral("exp")).toInteger()};
    if (body.value(QStringLiteral("v")).toInt() != 1 || claims.userId.isEmpty() || claims.clientId.isEmpty())
        return invalidToken(QStringLiteral("bad claims"));
    if (claims.expiresAtMs <= nowMs)
        return Error{ErrorCode::InvalidInput, Tr::tr("The session has expired; sign in again."), QStringLiteral("expired")};
    return claims;
}

QString TokenService::newRefreshToken()
{
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(bytes), sizeof bytes).toBase64(kBase64));
}

QString TokenService::hashRefreshToken(const QString &token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token.toLatin1(), QCryptographicHash::Sha256).toHex());
}

} // namespace vantage::server
