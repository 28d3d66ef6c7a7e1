#pragma once

#include <QDir>
#include <QObject>
#include <QTimer>

#include <functional>
#include <vector>

namespace vantage::ui {
class MainWindow;
}
namespace vantage::sync {
class SyncController;
}

namespace vantage::app {

// Visits every page and dialog of a running window, waits until each has its data, and saves a
// PNG of it (docs/screenshots, scripts/screenshots). Driven by a timer: the event loop keeps running.
class ScreenshotRunner : public QObject
{
    Q_OBJECT
public:
    ScreenshotRunner(ui::MainWindow *window, const QString &directory, QObject *parent = nullptr);

    void start();
    // Instead of the demo pages: sign in to a (demo) server, sync, then shoot the Sync page and the
    // dashboard of the company data. Used by scripts/screenshots with a local `serve --demo`.
    void useSignedInShots(sync::SyncController *sync, const QString &serverUrl, const QString &login, const QString &password);

Q_SIGNALS:
    void finished(int exitCode);

private:
    struct Shot
    {
        QString name;
        std::function<QWidget *()> prepare; // shows the thing, returns the widget to grab
    };
    void step();
    bool ready() const;
    bool save(QWidget *widget, const QString &name);

    ui::MainWindow *m_window;
    QDir m_directory;
    std::vector<Shot> m_shots;
    size_t m_next = 0;
    QWidget *m_current = nullptr;
    QWidget *m_dialog = nullptr;
    int m_waitedMs = 0;
    QTimer m_timer;
    sync::SyncController *m_sync = nullptr;
    QStringList m_signIn; // url, login, password
};

} // namespace vantage::app
