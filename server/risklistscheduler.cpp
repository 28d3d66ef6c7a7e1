#include "risklistscheduler.h"

#include "risklistmaker.h"

#include "analytics/risksnapshot.h"
#include "domain/clock.h"

#include <QCoreApplication>

#include <cstdio>

namespace vantage::server {
namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::server::RiskListScheduler)
};

// One line to stderr in one call, as the request log writes it (other threads log too).
void logLine(const QString &line)
{
    std::fprintf(stderr, "%s\n", line.toLocal8Bit().constData());
}

} // namespace

void RiskListScheduler::start(std::chrono::seconds firstDelay, std::chrono::seconds interval)
{
    m_thread = std::thread([this, firstDelay, interval] { run(firstDelay, interval); });
}

void RiskListScheduler::stop()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void RiskListScheduler::run(std::chrono::seconds firstDelay, std::chrono::seconds interval)
{
    std::chrono::seconds wait = firstDelay;
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            if (m_wake.wait_for(lock, wait, [this] { return m_stopping; }))
                return;
        }
        makeThisWeek();
        wait = interval;
    }
}

// The Monday is the server's local one, as a laptop's is its own: lists are cut at 00:00 UTC of
// that day either way.
void RiskListScheduler::makeThisWeek()
{
    const QDate monday = core::mondayOf(core::Clock::nowUtc().toLocalTime().date());
    if (monday == m_doneMonday)
        return;
    auto made = RiskListMaker(m_database).makeWeek(monday, core::Clock::nowMs());
    if (!made) {
        logLine(Tr::tr("risk lists of %1 not made: %2").arg(core::isoWeekOf(monday), made.error().message));
        return;  // tried again at the next interval
    }
    m_doneMonday = monday;
    logLine(Tr::tr("risk lists of %1: %2 made (%3 entries), %4 already there")
                .arg(made.value().isoWeek)
                .arg(made.value().made)
                .arg(made.value().entries)
                .arg(made.value().existing));
}

} // namespace vantage::server
