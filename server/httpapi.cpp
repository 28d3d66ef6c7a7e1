#include "httpapi.h"

#include "serverschema.h"

#include "domain/uuid7.h"

#include <QJsonDocument>
#include <QUrlQuery>

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <cstdio>

#include <sys/socket.h>

namespace vantage::server {
namespace {

void sendJson(httplib::Response &response, int status, const QByteArray &body)
{
    response.status = status;
    response.set_content(body.constData(), static_cast<size_t>(body.size()), "application/json");
}

void sendJson(httplib::Response &response, int status, const QJsonObject &body)
{
    sendJson(response, status, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

void sendError(httplib::Response &response, const ApiError &error)
{
    QJsonObject body{{QStringLiteral("code"), error.code}, {QStringLiteral("message"), error.message}};
    if (error.lastMid >= 0)
        body.insert(QStringLiteral("lastMid"), error.lastMid);
    if (error.retryAfterSeconds > 0)
        response.set_header("Retry-After", std::to_string(error.retryAfterSeconds));
    sendJson(response, error.status, body);
}

template<typename T>
bool answer(httplib::Response &response, const ApiResult<T> &result)
{
    if (const ApiError *error = std::get_if<ApiError>(&result)) {
        sendError(response, *error);
        return false;
    }
    return true;
}

QJsonObject bodyObject(const httplib::Request &request, bool *ok)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(request.body), &error);
    *ok = error.error == QJsonParseError::NoError && document.isObject();
    return document.object();
}

} // namespace

// Behind nginx the peer is the proxy and the original client is in X-Forwarded-For (our nginx
// config sets it, never appends). Anyone else could write any address there and dodge the
// per-address sign-in throttle, so it is believed only from a trusted proxy.
QString HttpApi::address(const httplib::Request &request) const
{
    const QString peer = QString::fromStdString(request.remote_addr);
    const std::string forwarded = request.get_header_value("X-Forwarded-For");
    if (forwarded.empty() || !m_limits.trustedProxies.contains(peer))
        return peer.left(64);
    return QString::fromStdString(forwarded.substr(0, forwarded.find(','))).trimmed().left(64);
}

HttpApi::HttpApi(const ServerDatabase &database, Limits limits)
    : m_database(database), m_limits(limits), m_auth(database), m_push(database), m_pull(database),
      m_conflicts(database), m_server(std::make_unique<httplib::Server>())
{
    m_server->new_task_queue = [threads = m_limits.threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
    m_server->set_payload_max_length(m_limits.maxBodyBytes);
    m_server->set_read_timeout(m_limits.readTimeoutSeconds, 0);
    m_server->set_write_timeout(m_limits.writeTimeoutSeconds, 0);
    m_server->set_keep_alive_max_count(m_limits.keepAliveRequests);
    m_server->set_keep_alive_timeout(m_limits.keepAliveSeconds);
    // Without it Nagle's algorithm holds the body of an answer sent after its headers until the
    // client's delayed ACK: 40 ms added to every small request.
    m_server->set_tcp_nodelay(true);
    m_server->set_pre_routing_handler([](const httplib::Request &request, httplib::Response &response) {
        std::string id = request.get_header_value("X-Request-Id");
        if (id.empty() || id.size() > 64)
            id = core::Uuid7Generator::generate().toStdString();
        response.set_header("X-Request-Id", id);
        return httplib::Server::HandlerResponse::Unhandled;
    });
    m_server->set_exception_handler([](const httplib::Request &, httplib::Response &response, std::exception_ptr) {
        sendError(response, {500, QStringLiteral("internal"), QStringLiteral("The server could not complete the request.")});
    });
    m_server->set_error_handler([](const httplib::Request &, httplib::Response &response) {
        if (response.body.empty())
            sendError(response, {response.status, QStringLiteral("http_%1").arg(response.status), QStringLiteral("Request refused.")});
    });
    if (m_limits.logRequests)
        m_server->set_logger([](const httplib::Request &request, const httplib::Response &response) {
            std::fprintf(stderr, "%s %s %d %s\n", request.method.c_str(), request.path.c_str(), response.status,
                         response.get_header_value("X-Request-Id").c_str());
        });
    addRoutes();
}

HttpApi::~HttpApi() = default;

bool HttpApi::protocolAccepted(const httplib::Request &request, httplib::Response &response) const
{
    const std::string header = request.get_header_value("X-Vantage-Protocol");
    const int version = header.empty() ? kMinClientProtocol : std::atoi(header.c_str());
    if (version < kMinClientProtocol) {
        // The client keeps its outbox and asks the user to update.
        sendError(response, {426, QStringLiteral("client_too_old"), QStringLiteral("Update Vantage to sync with this server.")});
        return false;
    }
    // httplib limits the bytes on the wire; a small gzip body can inflate far beyond that.
    if (request.body.size() > m_limits.maxBodyBytes) {
        sendError(response, {413, QStringLiteral("too_large"), QStringLiteral("The request body is too large.")});
        return false;
    }
    return true;
}

template<typename Handler>
void HttpApi::withSession(const httplib::Request &request, httplib::Response &response, Handler handler) const
{
    if (!protocolAccepted(request, response))
        return;
    auto session = m_auth.authenticate(QString::fromStdString(request.get_header_value("Authorization")), address(request));
    if (!answer(response, session))
        return;
    handler(std::get<Session>(session));
}

void HttpApi::addRoutes()
{
    httplib::Server &s = *m_server;
    s.Get("/v1/version", [](const httplib::Request &, httplib::Response &response) {
        sendJson(response, 200, QJsonObject{{QStringLiteral("protocol"), core::kProtocolVersion},
                                            {QStringLiteral("minClientProtocol"), kMinClientProtocol},
                                            {QStringLiteral("schema"), ServerSchema::latestVersion()},
                                            {QStringLiteral("maxMutations"), core::kMaxMutationsPerPush},
                                            {QStringLiteral("maxPull"), core::kMaxPullLimit}});
    });
    const auto authRoute = [this](const char *path, auto method) {
        m_server->Post(path, [this, method](const httplib::Request &request, httplib::Response &response) {
            if (!protocolAccepted(request, response))
                return;
            bool ok = false;
            const QJsonObject body = bodyObject(request, &ok);
            if (!ok)
                return sendError(response, {400, QStringLiteral("malformed"), QStringLiteral("The body must be a JSON object.")});
            auto result = (m_auth.*method)(body, address(request));
            if (answer(response, result))
                sendJson(response, 200, std::get<QJsonObject>(result));
        });
    };
    authRoute("/v1/auth/login", &AuthService::login);
    authRoute("/v1/auth/refresh", &AuthService::refresh);
    authRoute("/v1/auth/logout", &AuthService::logout);
    s.Post("/v1/push", [this](const httplib::Request &request, httplib::Response &response) {
        withSession(request, response, [&](const Session &session) {
            auto parsed = core::parsePushRequest(QByteArray::fromStdString(request.body));
            if (!parsed)
                return sendError(response, {400, QStringLiteral("malformed"), parsed.error().detail});
            auto result = m_push.push(session, parsed.value());
            if (answer(response, result))
                sendJson(response, 200, core::toJson(std::get<core::PushResponse>(result)));
        });
    });
    s.Post("/v1/pull", [this](const httplib::Request &request, httplib::Response &response) {
        withSession(request, response, [&](const Session &session) {
            auto parsed = core::parsePullRequest(QByteArray::fromStdString(request.body));
            if (!parsed)
                return sendError(response, {400, QStringLiteral("malformed"), parsed.error().detail});
            auto result = m_pull.pull(session, parsed.value());
            if (answer(response, result))
                sendJson(response, 200, core::toJson(std::get<core::PullResponse>(result)));
        });
    });
    s.Get("/v1/snapshot", [this](const httplib::Request &request, httplib::Response &response) {
        withSession(request, response, [&](const Session &session) {
            QUrlQuery query;
            for (const auto &[key, value] : request.params)
                query.addQueryItem(QString::fromStdString(key), QString::fromStdString(value));
            auto result = m_pull.snapshot(session, query);
            if (answer(response, result))
                sendJson(response, 200, std::get<QJsonObject>(result));
        });
    });
    s.Get("/v1/conflicts", [this](const httplib::Request &request, httplib::Response &response) {
        withSession(request, response, [&](const Session &session) {
            auto result = m_conflicts.list(session);
            if (answer(response, result))
                sendJson(response, 200, std::get<QJsonObject>(result));
        });
    });
    s.Post(R"(/v1/conflicts/([0-9a-f-]{36})/resolve)", [this](const httplib::Request &request, httplib::Response &response) {
        withSession(request, response, [&](const Session &session) {
            bool ok = false;
            const QJsonObject body = bodyObject(request, &ok);
            if (!ok)
                return sendError(response, {400, QStringLiteral("malformed"), QStringLiteral("The body must be a JSON object.")});
            auto result = m_conflicts.resolve(session, QString::fromStdString(request.matches[1]), body);
            if (answer(response, result))
                sendJson(response, 200, std::get<QJsonObject>(result));
        });
    });
}

bool HttpApi::listen(const QString &host, int port)
{
    // cpp-httplib listens with a backlog of 5: hundreds of laptops connecting at once would overflow
    // it and wait for SYN retransmits (seconds). Listening again on the bound socket raises it.
    std::atomic<int> listeningSocket{-1};
    m_server->set_socket_options([&listeningSocket](int socket) {
        httplib::default_socket_options(socket);
        listeningSocket = socket;
    });
    const bool bound = m_server->bind_to_port(host.toStdString(), port);
    m_server->set_socket_options(httplib::default_socket_options);
    if (!bound)
        return false;
    if (listeningSocket >= 0)
        ::listen(listeningSocket, SOMAXCONN);
    return m_server->listen_after_bind();
}

void HttpApi::stop()
{
    m_server->stop();
}

} // namespace vantage::server
