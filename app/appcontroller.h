#pragma once

#include "commandline.h"

#include "importing/importreport.h"
#include "settings/appsettings.h"
#include "storage/dashboarddata.h"
#include "storage/storeinfo.h"

#include "domain/result.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>

#include <optional>

#include <memory>
#include <vector>

namespace vantage::core {
class Store;
}
namespace vantage::ui {
class LoginDialog;
class MainWindow;
}
namespace vantage::sync {
class SyncController;
}

namespace vantage::app {

// Composition of the desktop app: chooses the database, builds the demo on first start, opens the
// store (backups and migrations happen there), reacts to the window's requests and to errors.
class AppController : public QObject
{
    Q_OBJECT
public:
    explicit AppController(CommandLine options, QObject *parent = nullptr);
    ~AppController() override;

    void start();
    ui::MainWindow *window() const { return m_window.get(); }
    sync::SyncController *syncController() const { return m_sync; }
    core::Store *store() const { return m_store.get(); }
    bool isBusy() const;
    QString currentDatabasePath() const { return m_path; }

    void applyLanguage(const QString &choice);
    void rebuildDemo();
    void switchDataSource(const QString &source);

Q_SIGNALS:
    void storeOpened(const vantage::core::StoreInfo &info);
    void storeFailed(const QString &message);

private:
    QString configuredPath() const;
    bool demoBuildNeeded(const QString &path) const;
    void showSettled();
    void openDatabase(const QString &path);
    void beginOpen(const QString &path);
    void watchOpen();
    void onOpened(const QString &path, quint64 generation, const core::StoreInfo &info,
                  const QFuture<core::Result<core::DashboardData>> &firstFigures);
    void onOpenFailed(const QString &path, const core::Error &error);
    void verifyDatabase(const QString &path, quint64 generation);
    void buildDemo(const QString &path);
    void onDemoBuilt(const QString &path, bool existedBefore);
    void showOpenError(const QString &path, const core::Error &error);
    void closeStore(const QString &status);
    void showSettings();
    void showAbout(bool bundledData);
    void confirmRebuild();
    void showSignIn();
    void signIn(const QString &serverUrl, const QString &login, const QString &password);

    CommandLine m_options;
    core::AppSettings m_settings;
    std::unique_ptr<ui::MainWindow> m_window;
    std::unique_ptr<core::Store> m_store;
    QFuture<core::Result<core::StoreInfo>> m_opening;           // of m_store, until watchOpen()
    QFuture<core::Result<core::DashboardData>> m_firstFigures; // read as soon as m_store is open
    struct RetiringStore
    {
        core::Store *store;
        QFuture<void> jobsFinished;
    };
    std::vector<RetiringStore> m_retiring; // closed stores finishing their jobs before deletion
    quint64 m_openGeneration = 0;          // answers for an earlier open are ignored
    quint64 m_verifiedGeneration = 0;      // the open whose file is being or was checked
    QFutureWatcher<core::Result<core::ImportReport>> *m_build = nullptr;
    QString m_path;
    sync::SyncController *m_sync = nullptr;
    bool m_companyOpen = false; // sync runs on the company database only
    QPointer<ui::LoginDialog> m_signInDialog;
    struct PendingSignIn
    {
        QString serverUrl, login, password;
    };
    std::optional<PendingSignIn> m_pendingSignIn; // waits for the company database to open
};

} // namespace vantage::app
