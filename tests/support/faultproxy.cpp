#include "faultproxy.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>

#include <chrono>

namespace vantage::test {

namespace {

constexpr int kPollMs = 50;
constexpr int kUpstreamTimeoutMs = 90000;
constexpr int kMaxCrashDelayMs = 12; // long enough for the server to commit part of a batch

bool isSyncPath(const QByteArray &path)
{
    return path.startsWith("/v1/push") || path.startsWith("/v1/pull") || path.startsWith("/v1/snapshot");
}

QByteArray pathOf(const QByteArray &request)
{
    const QList<QByteArray> words = request.left(request.indexOf("\r\n")).split(' ');
    return words.size() >= 2 ? words[1] : QByteArray();
}

QByteArray busyAnswer()
{
    const QByteArray body = R"({"code":"busy","message":"The server is busy; try again."})";
    return "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nRetry-After: 1\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

} // namespace

// One side of a proxied connection: whole HTTP/1.1 messages in, bytes out, blocking.
class HttpStream
{
public:
    HttpStream(QTcpSocket &socket, const std::atomic<bool> &stopping, int timeoutMs)
        : m_socket(socket), m_stopping(stopping), m_timeoutMs(timeoutMs)
    {
    }

    // The next whole message; empty when the peer closed, the proxy stops or time ran out.
    // *unframed is set for a message this proxy cannot delimit (chunked transfer encoding).
    QByteArray next(bool answer, bool *unframed)
    {
        int waitedMs = 0;
        for (;;) {
            const qsizetype length = messageLength(answer, unframed);
            if (*unframed)
                return {};
            if (length >= 0) {
                const QByteArray message = m_buffer.left(length);
                m_buffer.remove(0, length);
                return message;
            }
            if (m_stopping || (m_timeoutMs > 0 && waitedMs >= m_timeoutMs))
                return {};
            if (m_socket.waitForReadyRead(kPollMs)) {
                m_buffer += m_socket.readAll();
                continue;
            }
            waitedMs += kPollMs;
            if (m_socket.state() != QAbstractSocket::ConnectedState) {
                m_buffer += m_socket.readAll();
                // An answer without Content-Length ends when the server closes the connection.
                if (answer && m_headersEnd > 0 && m_contentLength < 0 && !m_buffer.isEmpty())
                    return std::exchange(m_buffer, {});
                return {};
            }
        }
    }

    bool send(const QByteArray &bytes)
    {
        if (m_socket.write(bytes) != bytes.size())
            return false;
        while (m_socket.bytesToWrite() > 0)
            if (!m_socket.waitForBytesWritten(5000))
                return false;
        return true;
    }

    void close()
    {
        m_socket.disconnectFromHost();
        if (m_socket.state() != QAbstractSocket::UnconnectedState)
            m_socket.waitForDisconnected(1000);
    }

private:
    // Where the first buffered message ends: its headers plus Content-Length bytes; -1 while
    // incomplete (or, for an answer without a length, until the server closes).
    qsizetype messageLength(bool answer, bool *unframed)
    {
        *unframed = false;
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return -1;
        m_headersEnd = end + 4;
        m_contentLength = answer ? -1 : 0;
        for (const QByteArray &line : m_buffer.left(end).split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon < 0)
                continue;
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "content-length")
                m_contentLength = value.toLongLong();
            else if (name == "transfer-encoding" && value.toLower().contains("chunked"))
                *unframed = true;
        }
        if (m_contentLength < 0)
            return -1;
        return m_buffer.size() >= m_headersEnd + m_contentLength ? m_headersEnd + m_contentLength : -1;
    }

    QTcpSocket &m_socket;
    const std::atomic<bool> &m_stopping;
    const int m_timeoutMs;
    QByteArray m_buffer;
    qsizetype m_headersEnd = -1;
    qint64 m_contentLength = -1;
};

// Hands each accepted socket descriptor to a connection thread of the proxy.
class AcceptingServer : public QTcpServer
{
public:
    explicit AcceptingServer(FaultProxy &proxy) : m_proxy(proxy) {}

protected:
    void incomingConnection(qintptr descriptor) override { m_proxy.startConnection(descriptor); }

private:
    FaultProxy &m_proxy;
};

QString faultName(Fault fault)
{
    static const char *const names[] = {"none", "drop-request", "drop-response", "duplicate", "reorder",
                                        "truncate", "503", "kill-9-mid-push"};
    return QString::fromLatin1(names[static_cast<int>(fault)]);
}

FaultProxy::FaultProxy(int upstreamPort, quint64 seed, FaultRates rates)
    : m_upstreamPort(upstreamPort), m_rates(rates), m_random(seed ^ 0x9e3779b97f4a7c15ULL)
{
}

FaultProxy::~FaultProxy()
{
    stop();
}

bool FaultProxy::start()
{
    m_acceptor = std::thread([this] { acceptLoop(); });
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_port != 0; });
    return m_port > 0;
}

void FaultProxy::acceptLoop()
{
    AcceptingServer server(*this);
    {
        std::lock_guard lock(m_mutex);
        m_port = server.listen(QHostAddress::LocalHost, 0) ? server.serverPort() : -1;
    }
    m_changed.notify_all();
    while (m_port > 0 && !m_stopping)
        server.waitForNewConnection(kPollMs);
}

void FaultProxy::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    if (m_acceptor.joinable())
        m_acceptor.join();
    std::lock_guard lock(m_workersMutex);
    for (Worker &worker : m_workers)
        worker.thread.join();
    m_workers.clear();
}

QString FaultProxy::url() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_port.load());
}

std::array<int, static_cast<size_t>(Fault::Count)> FaultProxy::counts() const
{
    std::lock_guard lock(m_mutex);
    return m_counts;
}

void FaultProxy::startConnection(qintptr descriptor)
{
    reapFinishedWorkers();
    auto finished = std::make_shared<std::atomic<bool>>(false);
    std::lock_guard lock(m_workersMutex);
    m_workers.push_back({std::thread([this, descriptor, finished] {
                             serveConnection(descriptor);
                             *finished = true;
                         }),
                         finished});
}

void FaultProxy::reapFinishedWorkers()
{
    std::lock_guard lock(m_workersMutex);
    for (auto it = m_workers.begin(); it != m_workers.end();) {
        if (*it->finished) {
            it->thread.join();
            it = m_workers.erase(it);
        } else {
            ++it;
        }
    }
}

void FaultProxy::serveConnection(qintptr descriptor)
{
    QTcpSocket socket;
    if (!socket.setSocketDescriptor(descriptor))
        return;
    HttpStream client(socket, m_stopping, 0);
    for (;;) {
        bool unframed = false;
        const QByteArray request = client.next(false, &unframed);
        if (unframed)
            ++m_protocolErrors;
        if (request.isEmpty() || !handle(client, request))
            break;
    }
    client.close();
}

// Does to one request what the generator decided; false when the client connection must close.
bool FaultProxy::handle(HttpStream &client, const QByteArray &request)
{
    const Decision decision = decide(request);
    switch (decision.fault) {
    case Fault::DropRequest:
        return false;
    case Fault::Busy:
        return client.send(busyAnswer());
    case Fault::DropResponse:
        exchange(request);
        return false;
    case Fault::Truncate: {
        const QByteArray answer = exchange(request);
        if (answer.size() > 2) // cut anywhere from inside the status line to one byte short
            client.send(answer.left(1 + static_cast<qsizetype>(decision.fraction * static_cast<double>(answer.size() - 2))));
        return false;
    }
    case Fault::Duplicate:
        exchange(request);
        break; // the second copy's answer goes back
    case Fault::Reorder:
        holdUntilReleased(decision.holdTicket);
        break;
    case Fault::CrashServer:
        crashDuring(request, decision.fraction);
        return false;
    case Fault::None:
    case Fault::Count:
        break;
    }
    const QByteArray answer = exchange(request);
    return !answer.isEmpty() && client.send(answer);
}

double FaultProxy::nextUnit()
{
    return static_cast<double>(m_random() >> 11) * 0x1.0p-53; // same sequence on every platform
}

FaultProxy::Decision FaultProxy::decide(const QByteArray &request)
{
    const QByteArray path = pathOf(request);
    std::lock_guard lock(m_mutex);
    if (!m_faultsEnabled || !isSyncPath(path))
        return {};
    ++m_requests;
    const double draw = nextUnit();
    Decision decision{Fault::None, nextUnit()};
    const std::pair<Fault, double> table[] = {
        {Fault::DropRequest, m_rates.dropRequest}, {Fault::DropResponse, m_rates.dropResponse},
        {Fault::Duplicate, m_rates.duplicate},     {Fault::Reorder, m_rates.reorder},
        {Fault::Truncate, m_rates.truncate},       {Fault::Busy, m_rates.busy},
        {Fault::CrashServer, m_rates.crashServer}};
    const double share = path.startsWith("/v1/snapshot") ? m_rates.snapshotShare : 1.0;
    double cumulative = 0;
    for (const auto &[fault, rate] : table) {
        cumulative += rate * share;
        if (draw < cumulative) {
            decision.fault = fault;
            break;
        }
    }
    // A reorder needs a free hold slot; a crash is for pushes only. Otherwise the request passes.
    if ((decision.fault == Fault::Reorder && m_holding) || (decision.fault == Fault::CrashServer && !path.startsWith("/v1/push")))
        decision.fault = Fault::None;
    if (decision.fault == Fault::Reorder) {
        m_holding = true;
        decision.holdTicket = ++m_holdTicket;
    }
    ++m_counts[static_cast<size_t>(decision.fault)];
    if (qEnvironmentVariableIsSet("VANTAGE_PROXY_TRACE"))
        qInfo("proxy %d %s %s", m_requests.load(), path.left(20).constData(), qPrintable(faultName(decision.fault)));
    return decision;
}

QByteArray FaultProxy::exchange(const QByteArray &request)
{
    QTcpSocket upstream;
    upstream.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(m_upstreamPort));
    if (!upstream.waitForConnected(5000))
        return {};
    HttpStream stream(upstream, m_stopping, kUpstreamTimeoutMs);
    if (!stream.send(request))
        return {};
    bool unframed = false;
    QByteArray answer = stream.next(true, &unframed);
    if (unframed)
        ++m_protocolErrors;
    upstream.abort();
    return answer;
}

void FaultProxy::holdUntilReleased(quint64 ticket)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this, ticket] { return m_releasedTicket >= ticket || m_stopping; });
}

void FaultProxy::releaseHeld()
{
    {
        std::lock_guard lock(m_mutex);
        if (m_holding) {
            m_holding = false;
            m_releasedTicket = m_holdTicket;
        }
    }
    m_changed.notify_all();
}

// Sends the push, lets the server work for a moment, then has the harness kill it: some of the
// batch's mutations are committed, the one in flight is not, and no answer comes back.
void FaultProxy::crashDuring(const QByteArray &request, double fraction)
{
    QTcpSocket upstream;
    upstream.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(m_upstreamPort));
    if (upstream.waitForConnected(5000))
        HttpStream(upstream, m_stopping, kUpstreamTimeoutMs).send(request);
    std::this_thread::sleep_for(std::chrono::microseconds(static_cast<int>(fraction * kMaxCrashDelayMs * 1000)));
    std::unique_lock lock(m_mutex);
    m_serverDown = true;
    m_crashWanted = true;
    m_changed.wait(lock, [this] { return m_crashDone || m_stopping; });
    m_crashDone = false;
    lock.unlock();
    upstream.abort();
}

void FaultProxy::crashDone()
{
    {
        std::lock_guard lock(m_mutex);
        m_crashWanted = false;
        m_crashDone = true;
    }
    m_changed.notify_all();
}

void FaultProxy::serverRestarted()
{
    {
        std::lock_guard lock(m_mutex);
        m_serverDown = false;
    }
    m_changed.notify_all();
}

void FaultProxy::waitWhileServerDown() const
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return !m_serverDown || m_stopping; });
}

} // namespace vantage::test
