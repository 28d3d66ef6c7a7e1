#pragma once

#include <QByteArray>
#include <QString>

#include <array>
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

namespace vantage::test {

class HttpStream;

// What the proxy does to one sync request (SYNC.md, "Tests this must pass").
enum class Fault {
    None,
    DropRequest,  // closes the connection before forwarding: the server never sees it
    DropResponse, // forwards, reads the whole answer (the server committed), closes without replying
    Duplicate,    // sends the request twice, returns the second answer
    Reorder,      // holds the request until the harness lets another client's requests pass first
    Truncate,     // forwards, returns only part of the answer, closes
    Busy,         // answers 503 + Retry-After without forwarding
    CrashServer,  // forwards a push, then the harness kills the server with SIGKILL mid-push
    Count
};

QString faultName(Fault fault);

// Probability of each fault per sync request (push, pull, snapshot); the rest pass untouched.
struct FaultRates
{
    double dropRequest = 0.04;
    double dropResponse = 0.05;
    double duplicate = 0.05;
    double reorder = 0.03;
    double truncate = 0.04;
    double busy = 0.04;
    double crashServer = 0.02; // of pushes only
    // A first download is one request per entity and page, and the engine starts it over when any
    // of them fails: snapshot requests get this share of the rates, or a first sync would rarely end.
    double snapshotShare = 0.1;
};

// A TCP proxy between the sync clients and a real vantage-server that injects faults, chosen by a
// generator seeded once: the same seed and the same request sequence give the same faults.
//
// Why blocking threads over QTcpSocket rather than an event-driven QTcpServer or an httplib server:
// each fault is then a straight line of code (read request, decide, act), the bytes travel
// untouched (gzip bodies, headers and all, so a truncated answer is really cut), and "close
// without replying" is possible, which an httplib server cannot do. One thread accepts; each client
// connection gets a thread; each forwarded request opens its own connection to the server, so a
// killed and restarted server leaves no stale upstream sockets behind.
//
// Only /v1/push, /v1/pull and /v1/snapshot are faulted and draw from the generator. Sign-in and
// token refresh pass untouched: refreshes happen when an access token expires (wall-clock time),
// and letting them draw would make the fault sequence depend on the clock.
class FaultProxy
{
public:
    // The harness restarts the server; the proxy only asks for the kill at the right moment.
    FaultProxy(int upstreamPort, quint64 seed, FaultRates rates = {});
    ~FaultProxy();
    FaultProxy(const FaultProxy &) = delete;
    FaultProxy &operator=(const FaultProxy &) = delete;

    bool start(); // listens on 127.0.0.1, a free port
    void stop();
    QString url() const;

    void setFaultsEnabled(bool enabled) { m_faultsEnabled = enabled; }
    std::array<int, static_cast<size_t>(Fault::Count)> counts() const;
    int requestsSeen() const { return m_requests; }
    int protocolErrors() const { return m_protocolErrors; } // answers the proxy could not parse

    // Reorder: a request is held; the harness runs another client's turn, then releases it.
    bool isHolding() const { return m_holding; }
    void releaseHeld();

    // CrashServer: the harness polls crashWanted(), kills the server (kill -9), calls crashDone(),
    // restarts it on the same port and database, then serverRestarted(). Clients wait meanwhile.
    bool crashWanted() const { return m_crashWanted; }
    void crashDone();
    void serverRestarted();
    void waitWhileServerDown() const;

private:
    struct Decision
    {
        Fault fault = Fault::None;
        double fraction = 0; // Truncate: where to cut; CrashServer: how long to let the server work
        quint64 holdTicket = 0; // Reorder: which hold this is
    };
    struct Worker
    {
        std::thread thread;
        std::shared_ptr<std::atomic<bool>> finished;
    };

    void acceptLoop();
    void startConnection(qintptr descriptor);
    void serveConnection(qintptr descriptor);
    bool handle(HttpStream &client, const QByteArray &request);
    Decision decide(const QByteArray &request);
    double nextUnit(); // [0, 1), from the seeded generator; caller holds m_mutex
    QByteArray exchange(const QByteArray &request); // forward, return the whole answer (empty: failed)
    void holdUntilReleased(quint64 ticket);
    void crashDuring(const QByteArray &request, double fraction);
    void reapFinishedWorkers();

    const int m_upstreamPort;
    const FaultRates m_rates;
    std::mt19937_64 m_random;
    std::atomic<int> m_port{0};
    std::atomic<bool> m_stopping{false};
    std::atomic<bool> m_faultsEnabled{true};
    std::atomic<bool> m_holding{false};
    std::atomic<bool> m_crashWanted{false};
    std::atomic<int> m_requests{0};
    std::atomic<int> m_protocolErrors{0};
    // A hold is released by ticket, and isHolding() turns false at the release itself: the harness
    // must never see a hold it already released as a new one.
    quint64 m_holdTicket = 0;
    quint64 m_releasedTicket = 0;
    bool m_crashDone = false;
    bool m_serverDown = false;
    std::array<int, static_cast<size_t>(Fault::Count)> m_counts{};

    mutable std::mutex m_mutex;
    mutable std::condition_variable m_changed;
    std::thread m_acceptor;
    std::mutex m_workersMutex;
    std::vector<Worker> m_workers;

    friend class AcceptingServer;
};

} // namespace vantage::test
