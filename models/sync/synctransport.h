#pragma once

#include <QByteArray>
#include <QString>

#include <memory>

namespace httplib {
class Client;
}

namespace vantage::sync {

// One HTTP answer, or why there was none (error non-empty: the server could not be reached).
struct HttpReply
{
    int status = 0;
    QByteArray body;
    int retryAfterSeconds = 0;
    QString error;

    bool reached() const { return error.isEmpty(); }
};

// HTTP(S) to the sync server: gzip both ways, the protocol version header, the bearer token,
// timeouts. Blocking by design: it runs on the sync thread, never on the GUI thread.
class SyncTransport
{
public:
    explicit SyncTransport(const QString &baseUrl, const QString &caBundlePath = {});
    ~SyncTransport();

    void setAccessToken(const QString &token) { m_accessToken = token; }
    const QString &baseUrl() const { return m_baseUrl; }

    HttpReply post(const QString &path, const QByteArray &json);
    HttpReply get(const QString &pathAndQuery);

private:
    QString m_baseUrl;
    QString m_accessToken;
    std::unique_ptr<httplib::Client> m_client;
};

} // namespace vantage::sync
