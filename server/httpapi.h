#pragma once

#include "authservice.h"
#include "conflictservice.h"
#include "pullservice.h"
#include "pushservice.h"

#include <memory>

namespace httplib {
class Server;
struct Request;
struct Response;
} // namespace httplib

namespace vantage::server {

// The HTTP/JSON API of SYNC.md on cpp-httplib: routes, limits, gzip, request ids, the protocol
// version check and the mapping of every failure to a status code with a JSON body.
class HttpApi
{
public:
    struct Limits
    {
        size_t maxBodyBytes = 8 * 1024 * 1024;
        int readTimeoutSeconds = 30;
        int writeTimeoutSeconds = 30;
        // Each serves one connection at a time and holds one database connection: a slow client
        // occupies its thread, so there are many (a PostgreSQL server's max_connections must
        // cover instances × threads).
        int threads = 32;
        size_t keepAliveRequests = 1000;
        // A worker thread serves one connection at a time and waits this long for its next
        // request: a sync's requests follow each other at once, a laptop syncs every few minutes.
        int keepAliveSeconds = 2;
        // Peers whose X-Forwarded-For names the client (nginx on this host by default).
        QStringList trustedProxies{QStringLiteral("127.0.0.1"), QStringLiteral("::1")};
        bool logRequests = false;
    };
    static constexpr int kMinClientProtocol = 1;

    HttpApi(const ServerDatabase &database, Limits limits);
    ~HttpApi();

    // Binds and serves until stop(); false when the address cannot be bound.
    bool listen(const QString &host, int port);
    void stop();

private:
    void addRoutes();
    QString address(const httplib::Request &request) const;
    bool protocolAccepted(const httplib::Request &request, httplib::Response &response) const;
    template<typename Handler>
    void withSession(const httplib::Request &request, httplib::Response &response, Handler handler) const;

    const ServerDatabase &m_database;
    Limits m_limits;
    AuthService m_auth;
    PushService m_push;
    PullService m_pull;
    ConflictService m_conflicts;
    std::unique_ptr<httplib::Server> m_server;
};

} // namespace vantage::server
