#include "performancemeter.h"

#include "mainwindow.h"
#include "pages/dashboardpage.h"
#include "pages/recordlistpage.h"

#include "itemmodels/recordlistmodel.h"

#include <QDateTime>
#include <QEvent>

#include <utility>
#include <QFile>
#include <QTextStream>

namespace vantage::app {
namespace {

QElapsedTimer &processClock()
{
    static QElapsedTimer clock;
    return clock;
}

// Peak resident memory of this process (VmHWM), in KiB; 0 where /proc is not available.
qint64 peakRssKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return 0;
}

void print(const char *key, qint64 value)
{
    QTextStream(stdout) << key << '=' << value << Qt::endl;
}

} // namespace

void PerformanceMeter::markProcessStart()
{
    processClock().start();
}

PerformanceMeter::PerformanceMeter(ui::MainWindow *window, bool measureRefresh, QObject *parent)
    : QObject(parent), m_window(window), m_measureRefresh(measureRefresh)
{
    m_heartbeat.setTimerType(Qt::PreciseTimer);
    m_heartbeat.setInterval(5);
    connect(&m_heartbeat, &QTimer::timeout, this, &PerformanceMeter::heartbeat);
    connect(window->dashboard(), &ui::DashboardPage::loaded, this, &PerformanceMeter::onDashboardLoaded);
    window->installEventFilter(this);
}

bool PerformanceMeter::eventFilter(QObject *watched, QEvent *event)
{
    // Stalls count from the window's first paint: before it the user sees no window to freeze.
    if (watched == m_window && event->type() == QEvent::Paint && !m_heartbeat.isActive()) {
        m_lastBeat.start();
        m_heartbeat.start();
        print("first_paint_ms", processClock().elapsed());
    }
    return QObject::eventFilter(watched, event);
}

void PerformanceMeter::heartbeat()
{
    // A beat that comes late means the GUI thread was busy for that long.
    m_maxStallMs = std::max(m_maxStallMs, m_lastBeat.restart() - m_heartbeat.interval());
    // Reported one beat after the repaint, so applying and painting the loaded data is included.
    const Report report = std::exchange(m_report, Report::None);
    if (report == Report::Startup) {
        if (std::exchange(m_paintedAtNextBeat, false))
            printPainted();
        print("startup_max_ui_stall_ms", m_maxStallMs);
        if (m_measureRefresh)
            QTimer::singleShot(500, this, &PerformanceMeter::startRefresh);
        else
            finish();
    } else if (report == Report::Refresh) {
        print("refresh_max_ui_stall_ms", m_maxStallMs);
        finish();
    }
}

void PerformanceMeter::onDashboardLoaded()
{
    if (m_startupDone) {
        onRefreshStep();
        return;
    }
    m_startupDone = true;
    m_report = Report::Startup;
    if (!m_heartbeat.isActive()) {
        // Loaded before the window's first paint, which will show the figures: nothing is on
        // screen to repaint yet. The times are taken on the first beat, after that paint.
        m_paintedAtNextBeat = true;
        return;
    }
    m_window->repaint(); // synchronous: the figures are on screen when this returns
    printPainted();
}

void PerformanceMeter::printPainted()
{
    print("startup_to_painted_dashboard_ms", processClock().elapsed());
    print("painted_unix_ms", QDateTime::currentMSecsSinceEpoch());
}

void PerformanceMeter::startRefresh()
{
    m_maxStallMs = 0;
    m_pendingLoads = 1;
    m_refreshClock.start();
    using Page = ui::MainWindow::Page;
    for (Page page : {Page::Opportunities, Page::Orders, Page::Customers}) {
        auto *list = qobject_cast<ui::RecordListPage *>(m_window->page(page));
        if (!list || !list->model())
            continue;
        ++m_pendingLoads;
        connect(list, &ui::RecordListPage::loaded, this, &PerformanceMeter::onRefreshStep, Qt::SingleShotConnection);
        list->reload();
    }
    m_window->dashboard()->refresh();
}

void PerformanceMeter::onRefreshStep()
{
    if (--m_pendingLoads > 0)
        return;
    m_window->repaint();
    print("refresh_dashboard_and_lists_ms", m_refreshClock.elapsed());
    m_report = Report::Refresh;
}

void PerformanceMeter::finish()
{
    print("peak_rss_kib", peakRssKiB());
    m_heartbeat.stop();
    Q_EMIT finished(0);
}

} // namespace vantage::app
