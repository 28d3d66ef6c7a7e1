#pragma once

#include "domain/result.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace httplib {
class Client;
class Result;
}

namespace vantage::sync {

// One HTTP answer, or why there was none (error non-empty: the server could not be reached).
struct HttpReply
{
    int status = 0;
    QByteArray body;
    int retryAfterSeconds = 0;
    QString error;
    bool untrustedCertificate = false; // https: the server's certificate did not pass verification

    bool reached() const { return error.isEmpty(); }
};

// HTTP(S) to the sync server: gzip both ways, the protocol version header, the bearer token,
// timeouts, and for https a verified server certificate (system authorities plus an optional
// company CA). Blocking by design: it runs on the sync thread, never on the GUI thread.
class SyncTransport
{
public:
    // caCertificatePath: as setCaCertificatePath, unchecked (an unusable file trusts nothing extra).
    explicit SyncTransport(const QString &baseUrl, const QString &caCertificatePath = {});
    ~SyncTransport();

    void setAccessToken(const QString &token) { m_accessToken = token; }
    const QString &baseUrl() const { return m_baseUrl; }
    const QString &caCertificatePath() const { return m_caCertificatePath; }

    // Both reconnect: call them between requests, never while one runs on another thread.
    void setBaseUrl(const QString &baseUrl);
    // A PEM file of CA certificates trusted for https besides the system's, for a server whose
    // certificate a company CA signed. An empty path trusts the system's authorities only.
    [[nodiscard]] core::Status setCaCertificatePath(const QString &path);

    HttpReply post(const QString &path, const QByteArray &json);
    HttpReply get(const QString &pathAndQuery);

private:
    void connect();
    HttpReply replyFrom(const httplib::Result &result) const;

    QString m_baseUrl;
    QString m_caCertificatePath;
    QString m_accessToken;
    std::unique_ptr<httplib::Client> m_client;
};

} // namespace vantage::sync
