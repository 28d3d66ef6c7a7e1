#include "convergencerun.h"

#include "serverprocess.h"

#include <QDir>

#include <algorithm>
#include <chrono>
#include <future>

namespace vantage::test {

ConvergenceRun::ConvergenceRun(ServerProcess &server, Workload::Regions regions, QString directory, RunSettings settings)
    : m_server(server), m_regions(std::move(regions)), m_directory(std::move(directory)), m_settings(settings),
      m_schedule(settings.seed * 0x2545f4914f6cdd1dULL + 1)
{
}

ConvergenceRun::~ConvergenceRun()
{
    if (m_proxy)
        m_proxy->stop();
}

std::vector<Laptop *> ConvergenceRun::laptops() const
{
    std::vector<Laptop *> list;
    for (const auto &laptop : m_laptops)
        list.push_back(laptop.get());
    return list;
}

// Two laptops of one east rep, a west rep, the east manager (who also runs west, and moves rows
// between the two) and the director (every region).
bool ConvergenceRun::setUp(QString *error)
{
    m_proxy = std::make_unique<FaultProxy>(m_server.port(), m_settings.seed, m_settings.rates);
    if (!m_proxy->start()) {
        *error = QStringLiteral("the fault proxy cannot listen");
        return false;
    }
    const QString east = m_regions.east;
    const QString west = m_regions.west;
    const auto add = [this](const char *name, const char *login, UserScope scope, QStringList regions, bool moves) {
        m_laptops.push_back(std::make_unique<Laptop>(QLatin1String(name), QLatin1String(login),
                                                     QDir(m_directory).filePath(QStringLiteral("%1.sqlite").arg(QLatin1String(name))),
                                                     std::move(scope), std::move(regions), moves));
    };
    add("rep.east-1", "rep.east", {false, {east}}, {east, west}, false);
    add("rep.east-2", "rep.east", {false, {east}}, {east, west}, false);
    add("rep.west", "rep.west", {false, {west}}, {east, west}, false);
    add("mgr.east", "mgr.east", {false, {east, west}}, {east, west}, true);
    add("director", "director", {true, {}}, {east, west}, true);
    for (const auto &laptop : m_laptops)
        if (!laptop->signIn(m_proxy->url(), error))
            return false;
    m_workload = std::make_unique<Workload>(m_settings.seed, m_regions, m_log);
    m_clock.start();
    std::deque<size_t> none;
    for (size_t i = 0; i < m_laptops.size(); ++i) // the first download, faults included
        if (!finishTurn(i, runTurn(i, none, error), error))
            return false;
    return true;
}

bool ConvergenceRun::run(QString *error)
{
    while (m_workload->changes() < m_settings.operations)
        if (!runRound(error))
            return false;
    return true;
}

bool ConvergenceRun::runRound(QString *error)
{
    ++m_rounds;
    const auto below = [this](int n) { return static_cast<int>(m_schedule() % static_cast<quint64>(n)); };
    for (const auto &laptop : m_laptops) {
        const int edits = std::min(below(m_settings.maxEditsPerTurn + 1), m_settings.operations - m_workload->changes());
        if (!m_workload->editOffline(*laptop, edits, error))
            return false;
    }
    std::vector<size_t> order(m_laptops.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    for (size_t i = order.size() - 1; i > 0; --i) // Fisher-Yates, from the schedule's own generator
        std::swap(order[i], order[static_cast<size_t>(below(static_cast<int>(i) + 1))]);
    std::deque<size_t> online;
    for (size_t index : order)
        if (static_cast<double>(m_schedule() >> 11) * 0x1.0p-53 < m_settings.onlineChance)
            online.push_back(index);
    while (!online.empty()) {
        const size_t index = online.front();
        online.pop_front();
        if (!finishTurn(index, runTurn(index, online, error), error))
            return false;
    }
    if (static_cast<double>(m_schedule() >> 11) * 0x1.0p-53 < m_settings.scopeChangeChance)
        return changeScope(error);
    return true;
}

// An administrator gives a rep the other region, or takes it back; the server bumps the user's
// scope epoch and each of the user's laptops resets its scope at its next sync.
bool ConvergenceRun::changeScope(QString *error)
{
    ScopeToggle &toggle = m_toggles[static_cast<size_t>(m_schedule() % m_toggles.size())];
    toggle.assigned = !toggle.assigned;
    const QStringList command{QStringLiteral("region"), toggle.assigned ? QStringLiteral("assign") : QStringLiteral("unassign"),
                              toggle.login, toggle.regionCode};
    QString output;
    if (m_server.admin(command, {}, &output) != 0) {
        *error = QStringLiteral("%1 failed: %2").arg(command.join(u' '), output);
        return false;
    }
    ++m_scopeChanges;
    const QString region = toggle.regionCode == QLatin1String("east") ? m_regions.east : m_regions.west;
    for (const auto &laptop : m_laptops) {
        if (laptop->login() != toggle.login)
            continue;
        UserScope scope = laptop->scope();
        if (toggle.assigned)
            scope.regions.insert(region);
        else
            scope.regions.remove(region);
        laptop->setScope(scope);
    }
    return true;
}

// Syncs one laptop on a worker thread while this thread serves the proxy's requests: a kill of
// the server, or a held request that the next waiting laptop's whole turn overtakes.
TurnResult ConvergenceRun::runTurn(size_t index, std::deque<size_t> &waiting, QString *error)
{
    Laptop &laptop = *m_laptops[index];
    auto turn = std::async(std::launch::async, [this, &laptop] {
        return laptop.syncTurn(*m_proxy, m_proxy->url(), m_settings.maxAttempts);
    });
    const bool overtaking = m_overtaking; // the held request is not this turn's to release
    while (turn.wait_for(std::chrono::milliseconds(1)) != std::future_status::ready) {
        serviceCrash(error);
        if (overtaking || !m_proxy->isHolding())
            continue;
        if (!waiting.empty()) {
            const size_t other = waiting.front();
            waiting.pop_front();
            ++m_reorderedTurns;
            m_overtaking = true;
            const TurnResult result = runTurn(other, waiting, error);
            m_overtaking = false;
            finishTurn(other, result, error);
        }
        m_proxy->releaseHeld();
    }
    return turn.get();
}

bool ConvergenceRun::finishTurn(size_t index, const TurnResult &result, QString *error)
{
    ++m_turns;
    m_failedAttempts += result.attempts - 1;
    if (!result.ok) {
        if (error->isEmpty())
            *error = QStringLiteral("%1 could not sync in %2 attempts: %3").arg(m_laptops[index]->name()).arg(result.attempts).arg(result.lastError);
        return false;
    }
    m_laptops[index]->markSynced();
    return error->isEmpty();
}

bool ConvergenceRun::serviceCrash(QString *error)
{
    if (!m_proxy->crashWanted())
        return true;
    m_server.crash();
    m_proxy->crashDone();
    ++m_crashes;
    const bool up = m_server.restart();
    m_proxy->serverRestarted(); // even when down: the waiting laptops then fail and report it
    if (!up && error->isEmpty())
        *error = QStringLiteral("the server did not come back after kill -9");
    return up;
}

bool ConvergenceRun::finalSync(QString *error)
{
    m_proxy->setFaultsEnabled(false);
    std::deque<size_t> none;
    for (int pass = 0; pass < 2; ++pass) {
        for (size_t i = 0; i < m_laptops.size(); ++i) {
            const TurnResult result = runTurn(i, none, error);
            if (result.ok && result.attempts > 1) {
                *error = QStringLiteral("%1 needed %2 attempts with faults off: %3").arg(m_laptops[i]->name()).arg(result.attempts).arg(result.lastError);
                return false;
            }
            if (!finishTurn(i, result, error))
                return false;
        }
    }
    return true;
}

QString ConvergenceRun::summary() const
{
    QStringList lines;
    lines << QStringLiteral("seed %1, %2 changes in %3 rounds, %4 turns online, %5 failed sync attempts retried, %6 s")
                 .arg(m_settings.seed).arg(m_log.size()).arg(m_rounds).arg(m_turns).arg(m_failedAttempts)
                 .arg(static_cast<double>(m_clock.elapsed()) / 1000.0, 0, 'f', 1);
    QStringList kinds;
    for (const auto &[kind, count] : m_workload->changesByKind())
        kinds << QStringLiteral("%1 %2").arg(kind).arg(count);
    lines << QStringLiteral("changes: ") + kinds.join(QStringLiteral(", "));
    QStringList faults;
    const auto counts = m_proxy->counts();
    for (size_t i = 0; i < counts.size(); ++i)
        faults << QStringLiteral("%1 %2").arg(faultName(static_cast<Fault>(i))).arg(counts[i]);
    lines << QStringLiteral("sync requests through the proxy %1: %2; turns overtaken by a held request %3; server kills %4; "
                            "region changes by the administrator %5")
                 .arg(m_proxy->requestsSeen()).arg(faults.join(QStringLiteral(", "))).arg(m_reorderedTurns).arg(m_crashes)
                 .arg(m_scopeChanges);
    return lines.join(u'\n');
}

} // namespace vantage::test
