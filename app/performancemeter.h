#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace vantage::ui {
class MainWindow;
}

namespace vantage::app {

// Benchmark instrument (--measure-startup, --measure-refresh): times start-up to a painted
// dashboard and a full refresh, and watches the GUI thread for stalls with a 5 ms heartbeat.
// Prints "key=value" lines for bench/run_benchmarks.sh.
class PerformanceMeter : public QObject
{
    Q_OBJECT
public:
    PerformanceMeter(ui::MainWindow *window, bool measureRefresh, QObject *parent = nullptr);

    // Call as early as possible in main().
    static void markProcessStart();

Q_SIGNALS:
    void finished(int exitCode);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    enum class Report { None, Startup, Refresh };

    void onDashboardLoaded();
    void printPainted();
    void startRefresh();
    void onRefreshStep();
    void finish();
    void heartbeat();

    ui::MainWindow *m_window;
    bool m_measureRefresh;
    bool m_startupDone = false;
    Report m_report = Report::None; // printed on the first heartbeat after the repaint
    bool m_paintedAtNextBeat = false; // the dashboard loaded before the first paint
    int m_pendingLoads = 0;
    QElapsedTimer m_refreshClock;
    QElapsedTimer m_lastBeat;
    qint64 m_maxStallMs = 0;
    QTimer m_heartbeat;
};

} // namespace vantage::app
