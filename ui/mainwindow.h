#pragma once

#include "storage/dashboarddata.h"
#include "storage/storeinfo.h"

#include "domain/result.h"

#include <QFuture>
#include <QMainWindow>

#include <optional>
#include <vector>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace vantage::core {
class Store;
}
namespace vantage::sync {
struct SyncStatus;
}

namespace vantage::ui {

class DashboardPage;
class ForecastPage;
class RiskPage;
class MessageBar;
class RecordListPage;
class SyncPage;
class TaskProgress;

// The main window: navigation to every area, the demo banner, a message bar and the status bar.
// It shows what the store holds; opening, building and switching databases is the app's job.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum class Page { Dashboard, Opportunities, Orders, Customers, Forecast, Risk, Dealers, Quotes, Contracts, Sync };
    static constexpr int kPageCount = 10;
    // After a database opens: when the week's risk lists are made in the background.
    static constexpr int kRiskListDelayMs = 4000;

    explicit MainWindow(QWidget *parent = nullptr);

    void setStore(core::Store *store, const core::StoreInfo &info);
    // The same, with the dashboard's first figures already being read (core::loadFirstDashboard).
    void setStore(core::Store *store, const core::StoreInfo &info,
                  QFuture<core::Result<core::DashboardData>> firstFigures);
    // Detaches every page from the store (before it is closed) and says why in the status bar.
    void clearStore(const QString &status);
    // While the demo is being built, rebuilding again is not offered.
    void setDemoBuildRunning(bool running);

    void showPage(Page page);
    Page currentPage() const;
    QWidget *page(Page page) const;
    QAction *pageAction(Page page) const;
    QString pageTitle(Page page) const;
    DashboardPage *dashboard() const { return m_dashboard; }
    MessageBar *messageBar() const { return m_messages; }
    TaskProgress *taskProgress() const { return m_progress; }
    QString dataSourceText() const;
    SyncPage *syncPage() const { return m_syncPage; }
    ForecastPage *forecastPage() const { return m_forecast; }
    RiskPage *riskPage() const { return m_risk; }
    void showSyncStatus(const sync::SyncStatus &status);
    // The data changed under the pages (a sync): each reloads what it shows.
    void reloadData();
    QString syncStatusText() const;
    QString bannerText() const;

Q_SIGNALS:
    void settingsRequested();
    void rebuildDemoRequested();
    void aboutRequested();
    void aboutDemoDataRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildPages();
    void buildMenus();
    void retranslateUi();
    void updateDataSource();
    void attachStore(core::Store *store, const core::StoreInfo &info,
                     std::optional<QFuture<core::Result<core::DashboardData>>> firstFigures);

    core::Store *m_store = nullptr;
    core::StoreInfo m_info;
    bool m_hasStore = false;
    bool m_demoBuildRunning = false;
    QString m_detachedStatus;

    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_banner = nullptr;
    MessageBar *m_messages = nullptr;
    DashboardPage *m_dashboard = nullptr;
    SyncPage *m_syncPage = nullptr;
    ForecastPage *m_forecast = nullptr;
    RiskPage *m_risk = nullptr;
    std::vector<RecordListPage *> m_lists;
    std::vector<QAction *> m_pageActions;
    QLabel *m_source = nullptr;
    QLabel *m_sync = nullptr;
    TaskProgress *m_progress = nullptr;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_goMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_rebuildAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;
};

} // namespace vantage::ui
