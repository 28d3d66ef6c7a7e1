#include "mainwindow.h"

#include "pages/dashboardpage.h"
#include "pages/forecastpage.h"
#include "pages/listpages.h"
#include "pages/plannedpage.h"
#include "pages/riskpage.h"
#include "pages/syncpage.h"
#include "widgets/messagebar.h"
#include "widgets/taskprogress.h"

#include "domain/enumlabels.h"
#include "itemmodels/displayformat.h"

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>

namespace vantage::ui {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    QIcon icon;
    for (int size : {32, 64, 256})
        icon.addFile(QStringLiteral(":/vantage/icons/vantage-%1.png").arg(size), QSize(size, size));
    setWindowIcon(icon);
    auto *central = new QWidget(this);
    auto *outer = new QHBoxLayout(central);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);
    m_navigation = new QListWidget(central);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_navigation->setStyleSheet(QStringLiteral("#navigation { border: none; background: palette(window); padding-top: 8px; }"
                                               "#navigation::item { padding: 8px 16px; }"));
    outer->addWidget(m_navigation);

    auto *right = new QVBoxLayout;
    right->setContentsMargins(8, 8, 8, 0);
    m_banner = new QLabel(central);
    m_banner->setObjectName(QStringLiteral("demoBanner"));
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(QStringLiteral("#demoBanner { background: #fff6dc; border: 1px solid #e8c35a; "
                                           "border-radius: 4px; padding: 6px 10px; }"));
    m_banner->hide();
    connect(m_banner, &QLabel::linkActivated, this, &MainWindow::aboutDemoDataRequested);
    m_messages = new MessageBar(central);
    m_stack = new QStackedWidget(central);
    right->addWidget(m_banner);
    right->addWidget(m_messages);
    right->addWidget(m_stack, 1);
    outer->addLayout(right, 1);
    setCentralWidget(central);

    m_source = new QLabel(this);
    m_sync = new QLabel(this);
    m_progress = new TaskProgress(this);
    statusBar()->addWidget(m_source, 1);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_sync);

    buildPages();
    buildMenus();
    connect(m_navigation, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    m_navigation->setCurrentRow(0);
    retranslateUi();
}

void MainWindow::buildPages()
{
    m_dashboard = new DashboardPage(m_stack);
    m_lists = {new OpportunitiesPage(m_stack), new OrdersPage(m_stack), new CustomersPage(m_stack)};
    m_stack->addWidget(m_dashboard);
    for (RecordListPage *list : m_lists) {
        m_stack->addWidget(list);
        connect(list, &RecordListPage::failed, this, [this](const QString &message) { m_messages->showMessage(message); });
    }
    m_forecast = new ForecastPage(m_stack);
    m_stack->addWidget(m_forecast);
    connect(m_forecast, &ForecastPage::message, m_messages, &MessageBar::showMessage);
    m_risk = new RiskPage(m_stack);
    m_stack->addWidget(m_risk);
    connect(m_risk, &RiskPage::message, m_messages, &MessageBar::showMessage);
    using F = PlannedPage::Feature;
    for (F feature : {F::Dealers, F::Quotes, F::Contracts})
        m_stack->addWidget(new PlannedPage(feature, m_stack));
    m_syncPage = new SyncPage(m_stack);
    m_stack->addWidget(m_syncPage);
    connect(m_syncPage, &SyncPage::message, this, [this](const QString &text, bool problem) {
        m_messages->showMessage(text, problem ? MessageBar::Level::Warning : MessageBar::Level::Information);
    });
    for (int i = 0; i < kPageCount; ++i)
        m_navigation->addItem(QString());
    connect(m_dashboard, &DashboardPage::failed, this, [this](const QString &message) { m_messages->showMessage(message); });
    connect(m_dashboard, &DashboardPage::regionsChanged, this, [this](const std::vector<core::RegionRef> &regions) {
        for (RecordListPage *list : m_lists)
            list->setRegions(regions);
    });
}

void MainWindow::buildMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_settingsAction = m_fileMenu->addAction(QString(), this, &MainWindow::settingsRequested);
    m_settingsAction->setShortcut(QKeySequence::Preferences);
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    m_rebuildAction = m_fileMenu->addAction(QString(), this, &MainWindow::rebuildDemoRequested);
    m_fileMenu->addSeparator();
    m_quitAction = m_fileMenu->addAction(QString(), this, &QWidget::close);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);

    m_goMenu = menuBar()->addMenu(QString());
    for (int i = 0; i < kPageCount; ++i) {
        QAction *action = m_goMenu->addAction(QString(), this, [this, i] { showPage(static_cast<Page>(i)); });
        action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_0 + (i + 1) % 10)));
        m_pageActions.push_back(action);
    }

    m_helpMenu = menuBar()->addMenu(QString());
    m_aboutAction = m_helpMenu->addAction(QString(), this, &MainWindow::aboutRequested);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    m_aboutQtAction = m_helpMenu->addAction(QString(), qApp, &QApplication::aboutQt);
    m_aboutQtAction->setMenuRole(QAction::AboutQtRole);
}

QString MainWindow::pageTitle(Page page) const
{
    switch (page) {
    case Page::Dashboard: return tr("Dashboard");
    case Page::Opportunities: return tr("Opportunities");
    case Page::Orders: return tr("Orders");
    case Page::Customers: return tr("Customers");
    case Page::Forecast: return tr("Forecast");
    case Page::Risk: return tr("Risk");
    case Page::Dealers: return tr("Dealers");
    case Page::Quotes: return tr("Quotes");
    case Page::Contracts: return tr("Contracts");
    case Page::Sync: return tr("Sync");
    }
    return {};
}

void MainWindow::retranslateUi()
{
    for (int i = 0; i < kPageCount; ++i) {
        const QString title = pageTitle(static_cast<Page>(i));
        m_navigation->item(i)->setText(title);
        m_pageActions[static_cast<size_t>(i)]->setText(title);
    }
    m_fileMenu->setTitle(tr("&File"));
    m_goMenu->setTitle(tr("&Go"));
    m_helpMenu->setTitle(tr("&Help"));
    m_settingsAction->setText(tr("&Settings…"));
    m_rebuildAction->setText(tr("&Rebuild demo database…"));
    m_quitAction->setText(tr("&Quit"));
    m_aboutAction->setText(tr("&About Vantage"));
    m_aboutQtAction->setText(tr("About &Qt"));
    m_sync->setText(tr("Sync: not set up"));
    m_sync->setToolTip(tr("Sync with a company server arrives in a later version."));
    updateDataSource();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::setStore(core::Store *store, const core::StoreInfo &info)
{
    attachStore(store, info, std::nullopt);
}

void MainWindow::setStore(core::Store *store, const core::StoreInfo &info,
                          QFuture<core::Result<core::DashboardData>> firstFigures)
{
    attachStore(store, info, std::move(firstFigures));
}

void MainWindow::attachStore(core::Store *store, const core::StoreInfo &info,
                             std::optional<QFuture<core::Result<core::DashboardData>>> firstFigures)
{
    m_store = store;
    m_info = info;
    m_hasStore = true;
    core::EnumLabels::setDemoVocabulary(info.kind == core::DatabaseKind::Demo);
    m_rebuildAction->setEnabled(true);
    if (firstFigures)
        m_dashboard->setStore(store, info, std::move(*firstFigures));
    else
        m_dashboard->setStore(store, info);
    for (RecordListPage *list : m_lists)
        list->setStore(store);
    m_forecast->setStore(store, info);
    m_risk->setStore(store, info);
    // The week's risk lists are made in the background a little after the dashboard, so on Monday
    // the list (and its notification) is there without opening the Risk page.
    QTimer::singleShot(kRiskListDelayMs, m_risk, &RiskPage::refreshNow);
    updateDataSource();
}

void MainWindow::clearStore(const QString &status)
{
    m_dashboard->clearStore();
    for (RecordListPage *list : m_lists)
        list->clearStore();
    m_forecast->clearStore();
    m_risk->clearStore();
    m_store = nullptr;
    m_hasStore = false;
    m_detachedStatus = status;
    updateDataSource();
}

void MainWindow::setDemoBuildRunning(bool running)
{
    m_demoBuildRunning = running;
    updateDataSource();
}

void MainWindow::updateDataSource()
{
    const bool demo = m_hasStore && m_info.kind == core::DatabaseKind::Demo;
    m_rebuildAction->setEnabled(!m_demoBuildRunning && (!m_hasStore || demo));
    if (!m_hasStore) {
        m_source->setText(m_detachedStatus.isEmpty() ? tr("No database open") : m_detachedStatus);
        setWindowTitle(tr("Vantage"));
        m_banner->hide();
        return;
    }
    if (demo) {
        m_source->setText(tr("Demo data as of %1 — %2").arg(core::displayDate(m_info.dataAsOf), m_info.path));
        setWindowTitle(tr("Vantage — Demo data"));
        m_banner->setText(tr("<b>Demo data.</b> Public sample data sets with every date moved forward %Ln days; "
                             "invoices, payments and sales targets are derived from them. This is not your "
                             "company's data. <a href=\"about\">About the demo data</a>",
                             nullptr, m_info.demoShiftDays));
        m_banner->show();
    } else {
        m_source->setText(tr("Company data — %1").arg(m_info.path));
        setWindowTitle(tr("Vantage — Company data"));
        m_banner->hide();
    }
}

QString MainWindow::dataSourceText() const { return m_source->text(); }
QString MainWindow::syncStatusText() const { return m_sync->text(); }

void MainWindow::reloadData()
{
    if (!m_hasStore)
        return;
    m_dashboard->reloadAll();
    for (RecordListPage *list : m_lists)
        list->reloadIfLoaded();
    m_forecast->reload();
    m_risk->reload();
}

void MainWindow::showSyncStatus(const sync::SyncStatus &status)
{
    m_sync->setText(SyncPage::summary(status));
    m_sync->setToolTip(status.lastError);
}
QString MainWindow::bannerText() const { return m_banner->isHidden() ? QString() : m_banner->text(); }

void MainWindow::showPage(Page page)
{
    m_navigation->setCurrentRow(static_cast<int>(page));
}

MainWindow::Page MainWindow::currentPage() const
{
    return static_cast<Page>(m_stack->currentIndex());
}

QWidget *MainWindow::page(Page page) const
{
    return m_stack->widget(static_cast<int>(page));
}

QAction *MainWindow::pageAction(Page page) const
{
    return m_pageActions.at(static_cast<size_t>(page));
}

} // namespace vantage::ui
