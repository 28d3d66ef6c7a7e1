#pragma once

#include "faultproxy.h"
#include "laptop.h"
#include "recordedmutation.h"
#include "workload.h"

#include <QElapsedTimer>

#include <deque>
#include <memory>
#include <random>
#include <vector>

namespace vantage::test {

class ServerProcess;

struct RunSettings
{
    quint64 seed = 1;
    int operations = 300;     // offline changes in all
    int maxEditsPerTurn = 6;  // per laptop between two of its turns online
    double onlineChance = 0.7; // a laptop that stays offline keeps collecting changes
    int maxAttempts = 300;    // sync attempts per turn before the run fails
    double scopeChangeChance = 0.08; // per round: an administrator gives or takes a region
    FaultRates rates;
};

// One seeded run of the convergence harness: laptops of a sales team make changes offline, then
// go online one after the other (in a seeded order) and sync through the fault proxy, retrying
// until a sync goes through. The proxy may hold one laptop's request while the next laptop syncs
// (reorder), or ask for the server to be killed mid-push, which this class does and then restarts
// the server on the same database and port. Now and then, between rounds, an administrator gives
// a rep the other region or takes it away again (the laptops learn it by a scope reset).
class ConvergenceRun
{
public:
    ConvergenceRun(ServerProcess &server, Workload::Regions regions, QString directory, RunSettings settings);
    ~ConvergenceRun();

    bool setUp(QString *error);
    bool run(QString *error);
    // Faults off; every laptop syncs twice, so each has pushed everything and pulled everyone else's.
    bool finalSync(QString *error);

    const std::vector<RecordedMutation> &log() const { return m_log; }
    std::vector<Laptop *> laptops() const;
    QString summary() const;

private:
    bool runRound(QString *error);
    TurnResult runTurn(size_t index, std::deque<size_t> &waiting, QString *error);
    bool finishTurn(size_t index, const TurnResult &result, QString *error);
    bool serviceCrash(QString *error);
    bool changeScope(QString *error);

    ServerProcess &m_server;
    Workload::Regions m_regions;
    QString m_directory;
    RunSettings m_settings;
    std::unique_ptr<FaultProxy> m_proxy;
    std::vector<std::unique_ptr<Laptop>> m_laptops;
    std::vector<RecordedMutation> m_log;
    std::unique_ptr<Workload> m_workload;
    std::mt19937_64 m_schedule;
    QElapsedTimer m_clock;
    int m_rounds = 0;
    int m_turns = 0;
    int m_failedAttempts = 0;
    int m_reorderedTurns = 0;
    int m_crashes = 0;
    bool m_overtaking = false; // a turn runs while another laptop's request is held
    struct ScopeToggle
    {
        QString login;
        QString regionCode;
        bool assigned = false;
    };
    std::vector<ScopeToggle> m_toggles{{QStringLiteral("rep.west"), QStringLiteral("east"), false},
                                       {QStringLiteral("rep.east"), QStringLiteral("west"), false}};
    int m_scopeChanges = 0;
};

} // namespace vantage::test
