#include "backgroundjobs.h"

#include "funnelalertmailer.h"
#include "risklistmaker.h"

#include "analytics/risksnapshot.h"
#include "domain/clock.h"
#include "storage/sql.h"

#include <QCoreApplication>

#include <cstdio>

namespace vantage::server {
namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::server::BackgroundJobs)
};

// One line to stderr in one call, as the request log writes it (other threads log too).
void logLine(const QString &line)
{
    std::fprintf(stderr, "%s\n", line.toLocal8Bit().constData());
}

// The Monday is the server's local one, as a laptop's is its own: lists and alerts are cut at
// 00:00 UTC of that day either way.
QDate localToday()
{
    return core::Clock::nowUtc().toLocalTime().date();
}

} // namespace

void BackgroundJobs::start(std::chrono::seconds firstDelay, std::chrono::seconds interval)
{
    m_thread = std::thread([this, firstDelay, interval] { run(firstDelay, interval); });
}

void BackgroundJobs::stop()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void BackgroundJobs::run(std::chrono::seconds firstDelay, std::chrono::seconds interval)
{
    std::chrono::seconds wait = firstDelay;
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            if (m_wake.wait_for(lock, wait, [this] { return m_stopping; }))
                return;
        }
        if (m_options.riskLists)
            makeRiskLists();
        if (m_options.smtp.configured())
            mailFunnelAlerts();
        wait = interval;
    }
}

void BackgroundJobs::makeRiskLists()
{
    const QDate monday = core::mondayOf(localToday());
    if (monday == m_listsMonday)
        return;
    auto made = RiskListMaker(m_database).makeWeek(monday, core::Clock::nowMs());
    if (!made) {
        logLine(Tr::tr("risk lists of %1 not made: %2").arg(core::isoWeekOf(monday), made.error().message));
        return;  // tried again at the next interval
    }
    m_listsMonday = monday;
    logLine(Tr::tr("risk lists of %1: %2 made (%3 entries), %4 already there")
                .arg(made.value().isoWeek)
                .arg(made.value().made)
                .arg(made.value().entries)
                .arg(made.value().existing));
}

void BackgroundJobs::mailFunnelAlerts()
{
    const QDate today = localToday();
    auto connection = m_database.connection();
    if (!connection)
        return logLine(Tr::tr("funnel alert mails not sent: %1").arg(connection.error().message));
    auto seq = core::Sql(connection.value()).scalar(QStringLiteral("SELECT seq FROM sync_counter WHERE id = 1"));
    if (!seq)
        return logLine(Tr::tr("funnel alert mails not sent: %1").arg(seq.error().message));
    if (today == m_mailedDay && seq.value().toLongLong() == m_mailedSeq)
        return;  // nothing synced since the last run: the same alerts
    const auto stopping = [this] {
        const std::lock_guard lock(m_mutex);
        return m_stopping;
    };
    auto mailed = FunnelAlertMailer(m_database, m_options.smtp).run(core::mondayOf(today), today, core::Clock::nowMs(), stopping);
    if (!mailed)
        return logLine(Tr::tr("funnel alert mails not sent: %1").arg(mailed.error().message));
    for (const QString &failure : mailed.value().failures)
        logLine(Tr::tr("funnel alert mail not delivered, tried again later: %1").arg(failure));
    if (mailed.value().mails > 0 || !mailed.value().unreachable.isEmpty())
        logLine(Tr::tr("funnel alerts: messages sent: %1 (%2 alerts); recipients without an e-mail address: %3")
                    .arg(mailed.value().mails)
                    .arg(mailed.value().alerts)
                    .arg(mailed.value().unreachable.isEmpty() ? Tr::tr("none") : mailed.value().unreachable.join(QStringLiteral(", "))));
    if (mailed.value().failures.isEmpty()) {
        m_mailedDay = today;
        m_mailedSeq = seq.value().toLongLong();
    }
}

} // namespace vantage::server
