// The real window on a real demo database (offscreen): every page visited through its action,
// the dashboard's figures checked against the database, search and filters used as a user would,
// and the whole window in Simplified Chinese without untranslated or clipped text.
#include "guisupport.h"
#include "sqlhelpers.h"
#include "testsupport.h"

#include "appcontroller.h"
#include "charts/pipelinechart.h"
#include "charts/salesbymonthchart.h"
#include "dialogs/aboutdialog.h"
#include "dialogs/settingsdialog.h"
#include "mainwindow.h"
#include "pages/dashboardpage.h"
#include "pages/plannedpage.h"
#include "pages/recordlistpage.h"
#include "pages/syncpage.h"
#include "widgets/kpitile.h"

#include "domain/money.h"
#include "itemmodels/recordlistmodel.h"
#include "storage/readqueries.h"
#include "storage/recordlistspecs.h"
#include "storage/store.h"

#include <QAction>
#include <QBarSet>
#include <QHeaderView>
#include <QStackedBarSeries>
#include <QValueAxis>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>

using namespace vantage;
using Page = ui::MainWindow::Page;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void windowSaysItShowsDemoData();
    void dashboardShowsTheDatabaseFigures();
    void figuresReadBeforeTheWindowHasTheStoreAreShownAtOnce();
    void everyPageCanBeVisited();
    void searchAndFiltersNarrowTheLists();
    void aListReadWhileHiddenIsSizedWhenShown();
    void refreshedChartsMatchChartsBuiltAnew();
    void dashboardRegionFilter();
    void dialogsOpenFromTheMenu();
    void chineseIsCompleteAndNotClipped();

private:
    ui::RecordListPage *list(Page page) { return qobject_cast<ui::RecordListPage *>(m_window->page(page)); }
    qint64 count(const QString &sql, const QVariantList &values = {});
    void visit(Page page);

    std::unique_ptr<app::AppController> m_controller;
    ui::MainWindow *m_window = nullptr;
    std::unique_ptr<core::ScopedConnection> m_db;
};

qint64 TestMainWindow::count(const QString &sql, const QVariantList &values)
{
    return test::scalar(m_db->database(), sql, values).toLongLong();
}

void TestMainWindow::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    app::CommandLine options;
    options.demoAsOf = test::demoAsOf();
    options.language = QStringLiteral("en");
    m_controller = std::make_unique<app::AppController>(options);
    m_controller->applyLanguage(QStringLiteral("en"));
    QSignalSpy opened(m_controller.get(), &app::AppController::storeOpened);
    m_controller->start();
    QTRY_VERIFY_WITH_TIMEOUT(opened.size() == 1, 60000);
    m_window = m_controller->window();
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->dashboard()->isLoading() && m_window->dashboard()->data().firstMonth.isValid(), 30000);
    m_db = std::make_unique<core::ScopedConnection>(m_controller->currentDatabasePath(), QStringLiteral("check"),
                                                    core::ConnectionMode::ReadOnly);
}

void TestMainWindow::cleanupTestCase()
{
    m_db.reset();
    m_controller.reset();
}

void TestMainWindow::windowSaysItShowsDemoData()
{
    QVERIFY(m_window->isVisible());
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("Demo data")));
    QVERIFY(m_window->bannerText().contains(QStringLiteral("derived")));
    QVERIFY(m_window->bannerText().contains(QLocale().toString(QDate(2017, 12, 31).daysTo(test::demoAsOf()) - 1)));
    QVERIFY(m_window->dataSourceText().contains(QStringLiteral("28 Nov 2026")));
    QVERIFY(m_window->dataSourceText().contains(m_controller->currentDatabasePath()));
}

void TestMainWindow::dashboardShowsTheDatabaseFigures()
{
    const QLocale locale;
    const QString asOf = test::demoAsOf().toString(Qt::ISODate);
    const QString yearAgo = test::demoAsOf().addYears(-1).toString(Qt::ISODate);
    const auto &tiles = m_window->dashboard()->tiles();
    QCOMPARE(int(tiles.size()), 5);
    const qint64 sales = count(QStringLiteral("SELECT sum(l.amount_minor) FROM order_line l JOIN sales_order o ON "
                                              "o.id = l.order_id WHERE o.order_date > ? AND o.order_date <= ?"),
                               {yearAgo, asOf});
    QCOMPARE(tiles[0]->value(), core::Money(sales, core::Currency::usd()).formatCompact(locale));
    const qint64 won = count(QStringLiteral("SELECT count(*) FROM opportunity WHERE stage_code = 'won' AND closed_on > ?"), {yearAgo});
    const qint64 lost = count(QStringLiteral("SELECT count(*) FROM opportunity WHERE stage_code = 'lost' AND closed_on > ?"), {yearAgo});
    QCOMPARE(tiles[2]->value(), locale.toString(std::round(1000.0 * won / (won + lost)) / 10.0, 'f', 1) + locale.percent());
    QCOMPARE(tiles[3]->value(), locale.toString(count(QStringLiteral("SELECT count(*) FROM sales_order WHERE status = 'open'"))));
    QVERIFY(tiles[4]->detail().contains(QStringLiteral("derived")));

    QCOMPARE(m_window->dashboard()->salesChart()->monthCount(), 24);
    QCOMPARE(m_window->dashboard()->salesChart()->regionCount(), 4);
    const QStringList stages = m_window->dashboard()->pipelineChart()->categories();
    QCOMPARE(stages.size(), 4);
    const qint64 engaging = count(QStringLiteral("SELECT count(*) FROM opportunity WHERE stage_code = 'engaging'"));
    QVERIFY2(stages.contains(QStringLiteral("Engaging (%1)").arg(locale.toString(engaging))), qPrintable(stages.join(u'|')));
    QCOMPARE(m_window->dashboard()->topCustomersView()->model()->rowCount(), 10);
}

void TestMainWindow::visit(Page page)
{
    m_window->pageAction(page)->trigger();
    QCOMPARE(m_window->currentPage(), page);
    QVERIFY(m_window->page(page)->isVisible());
}

// How the app starts on a warm machine: the file is opened and the first figures read while the
// window is built. They must be in the window when setStore() returns, before any event-loop turn,
// so that its first frame shows them.
void TestMainWindow::figuresReadBeforeTheWindowHasTheStoreAreShownAtOnce()
{
    QTemporaryDir dir;
    core::Store store(test::copyOfDemoDatabase(dir));
    const QFuture<core::Result<core::StoreInfo>> opening = store.open();
    const QFuture<core::Result<core::DashboardData>> figures = core::loadFirstDashboard(store, opening);
    QTRY_VERIFY_WITH_TIMEOUT(figures.isFinished(), 30000);
    ui::MainWindow window;
    QSignalSpy loaded(window.dashboard(), &ui::DashboardPage::loaded);
    window.setStore(&store, opening.result().value(), figures);
    QCOMPARE(loaded.size(), 1);
    QVERIFY(!window.dashboard()->isLoading());
    QCOMPARE(window.dashboard()->data().kpis.salesLast12Minor, m_window->dashboard()->data().kpis.salesLast12Minor);
    QCOMPARE(window.dashboard()->tiles()[0]->value(), m_window->dashboard()->tiles()[0]->value());
    QCOMPARE(window.dashboard()->salesChart()->monthCount(), 24);
}

void TestMainWindow::everyPageCanBeVisited()
{
    for (int i = 0; i < ui::MainWindow::kPageCount; ++i) {
        const auto page = static_cast<Page>(i);
        visit(page);
        if (auto *records = list(page)) {
            QTRY_VERIFY_WITH_TIMEOUT(!records->isLoading() && records->model()->rowCount() > 0, 20000);
            QVERIFY2(records->countText().contains(QStringLiteral(" of ")), qPrintable(records->countText()));
            QVERIFY(records->view()->isVisible());
        } else if (auto *planned = qobject_cast<ui::PlannedPage *>(m_window->page(page))) {
            QVERIFY(planned->headline().contains(QStringLiteral("not built yet")));
        } else if (auto *syncPage = qobject_cast<ui::SyncPage *>(m_window->page(page))) {
            QCOMPARE(syncPage->stateText(), QStringLiteral("Not synced (demo data)")); // the demo never syncs
        }
    }
    visit(Page::Dashboard);
}

void TestMainWindow::searchAndFiltersNarrowTheLists()
{
    visit(Page::Orders);
    ui::RecordListPage *orders = list(Page::Orders);
    QTRY_VERIFY(!orders->isLoading() && orders->model()->rowCount() > 0);
    const QString orderNo = orders->model()->index(5, 0).data().toString();
    QTest::keyClicks(orders->searchField(), orderNo);
    QTRY_VERIFY_WITH_TIMEOUT(!orders->isLoading() && orders->model()->totalCount() == 1, 10000);
    QCOMPARE(orders->model()->index(0, 0).data().toString(), orderNo);
    orders->searchField()->clear();
    QTRY_VERIFY(orders->model()->totalCount() == 5009);

    visit(Page::Opportunities);
    ui::RecordListPage *deals = list(Page::Opportunities);
    QTRY_VERIFY(!deals->isLoading() && deals->model()->rowCount() > 0);
    QCOMPARE(deals->model()->totalCount(), count(QStringLiteral("SELECT count(*) FROM opportunity WHERE closed_on IS NULL")));
    QComboBox *region = deals->filter(QStringLiteral("region"));
    region->setCurrentIndex(region->findText(QStringLiteral("East")));
    QTRY_VERIFY(!deals->isLoading() && deals->model()->totalCount()
                == count(QStringLiteral("SELECT count(*) FROM opportunity o JOIN region r ON r.id = o.region_id "
                                        "WHERE r.code = 'east' AND closed_on IS NULL")));
    int regionColumn = 0;
    while (core::opportunityListSpec().columns[static_cast<size_t>(regionColumn)].key != QLatin1String("region"))
        ++regionColumn;
    for (int row = 0; row < deals->model()->rowCount(); ++row)
        QCOMPARE(deals->model()->index(row, regionColumn).data().toString(), QStringLiteral("East"));
    region->setCurrentIndex(0);
    visit(Page::Dashboard);
}

// A refresh reads every list, also those of hidden pages. Such a list is sized when its page is
// first shown (sizing it hidden blocks the window), to the widths a list read while shown gets.
void TestMainWindow::aListReadWhileHiddenIsSizedWhenShown()
{
    visit(Page::Orders); // read while shown, if not read yet
    QTRY_VERIFY(!list(Page::Orders)->isLoading() && list(Page::Orders)->model()->rowCount() > 0);
    visit(Page::Dashboard);
    QTemporaryDir dir;
    core::Store store(test::copyOfDemoDatabase(dir));
    const QFuture<core::Result<core::StoreInfo>> opening = store.open();
    QTRY_VERIFY_WITH_TIMEOUT(opening.isFinished(), 30000);
    ui::MainWindow window;
    window.setStore(&store, opening.result().value());
    window.resize(m_window->size());
    window.show();
    auto *orders = qobject_cast<ui::RecordListPage *>(window.page(Page::Orders));
    QVERIFY(!orders->isVisible());
    QSignalSpy loaded(orders, &ui::RecordListPage::loaded);
    orders->reload();
    // The window's own first read may be superseded by this one: that one also says "loaded", empty.
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty() && !orders->isLoading() && orders->model()->rowCount() > 0, 20000);
    QVERIFY(!orders->isVisible());

    window.pageAction(Page::Orders)->trigger();
    QVERIFY(orders->isVisible());
    QTRY_VERIFY(!orders->isLoading() && orders->model()->rowCount() > 0);
    const QHeaderView *hiddenRead = orders->view()->horizontalHeader();
    const QHeaderView *shownRead = list(Page::Orders)->view()->horizontalHeader();
    QCOMPARE(hiddenRead->count(), shownRead->count());
    for (int column = 0; column + 1 < hiddenRead->count(); ++column) // the last one stretches to the window
        QCOMPARE(hiddenRead->sectionSize(column), shownRead->sectionSize(column));
    window.close();
}

// A refresh of the same months and regions changes the bars of the chart shown instead of
// building another: what it shows must be what a chart built for those figures shows.
void TestMainWindow::refreshedChartsMatchChartsBuiltAnew()
{
    const core::DashboardData shown = m_window->dashboard()->data();
    core::DashboardData changed = shown;
    QVERIFY(changed.salesByMonth.size() > 2);
    changed.salesByMonth[1].amountMinor /= 2; // an early month: the largest total and the axis unit stay
    changed.salesByMonth[2].amountMinor = 0;

    ui::SalesByMonthChart refreshed;
    refreshed.setData(shown);
    const QChart *built = refreshed.chart();
    refreshed.setData(changed);
    QCOMPARE(refreshed.chart(), built); // changed in place
    ui::SalesByMonthChart anew;
    anew.setData(changed);
    const auto bars = [](const QChart *chart) {
        QList<QList<qreal>> values;
        for (const QBarSet *set : qobject_cast<const QStackedBarSeries *>(chart->series().at(0))->barSets()) {
            values.append(QList<qreal>());
            for (int i = 0; i < set->count(); ++i)
                values.back().append(set->at(i));
        }
        return values;
    };
    QCOMPARE(bars(refreshed.chart()), bars(anew.chart()));
    QVERIFY(bars(refreshed.chart()) != bars(m_window->dashboard()->salesChart()->chart())); // the change shows
    const auto *refreshedAxis = qobject_cast<const QValueAxis *>(refreshed.chart()->axes(Qt::Vertical).at(0));
    const auto *anewAxis = qobject_cast<const QValueAxis *>(anew.chart()->axes(Qt::Vertical).at(0));
    QCOMPARE(refreshedAxis->max(), anewAxis->max());
    QCOMPARE(refreshedAxis->tickCount(), anewAxis->tickCount());
    QCOMPARE(refreshedAxis->titleText(), anewAxis->titleText());
}

void TestMainWindow::dashboardRegionFilter()
{
    ui::DashboardPage *dashboard = m_window->dashboard();
    const QString allSales = dashboard->tiles()[0]->value();
    QComboBox *region = dashboard->regionFilter();
    QCOMPARE(region->count(), 5);
    region->setCurrentIndex(region->findText(QStringLiteral("West")));
    QTRY_VERIFY(!dashboard->isLoading() && dashboard->salesChart()->regionCount() == 1);
    QVERIFY(dashboard->tiles()[0]->value() != allSales);
    region->setCurrentIndex(0);
    QTRY_VERIFY(!dashboard->isLoading() && dashboard->salesChart()->regionCount() == 4);
    QCOMPARE(dashboard->tiles()[0]->value(), allSales);
}

void TestMainWindow::dialogsOpenFromTheMenu()
{
    QMetaObject::invokeMethod(m_window, &ui::MainWindow::settingsRequested);
    ui::SettingsDialog *settings = nullptr;
    QTRY_VERIFY((settings = m_window->findChild<ui::SettingsDialog *>()) && settings->isVisible());
    QCOMPARE(settings->language(), QStringLiteral("system"));
    QCOMPARE(settings->dataSource(), QStringLiteral("demo"));
    settings->reject();

    QMetaObject::invokeMethod(m_window, &ui::MainWindow::aboutRequested);
    ui::AboutDialog *about = nullptr;
    QTRY_VERIFY((about = m_window->findChild<ui::AboutDialog *>()) && about->isVisible());
    QVERIFY(about->dataText().contains(QStringLiteral("MIT")));
    QVERIFY(about->dataText().contains(QStringLiteral("derived")));
    QVERIFY(about->dataText().contains(QStringLiteral("sales_pipeline.csv")));
    about->reject();
}

void TestMainWindow::chineseIsCompleteAndNotClipped()
{
    for (const QString &language : {QStringLiteral("zh_CN"), QStringLiteral("en")}) {
        m_controller->applyLanguage(language);
        const bool chinese = language == QLatin1String("zh_CN");
        // The LanguageChange events are delivered by the event loop.
        QTRY_COMPARE(test::hasHan(m_window->windowTitle()), chinese);
        for (int i = 0; i < ui::MainWindow::kPageCount; ++i) {
            const auto page = static_cast<Page>(i);
            visit(page);
            if (auto *records = list(page))
                QTRY_VERIFY(!records->isLoading());
            // Layouts settle after the language change; wait for that, not for a fixed time.
            QTRY_VERIFY2_WITH_TIMEOUT(test::clippedTexts(m_window).isEmpty(),
                                      qPrintable(language + QStringLiteral(": ")
                                                 + test::clippedTexts(m_window).join(QStringLiteral("; "))),
                                      5000);
            QCOMPARE(test::hasHan(m_window->pageTitle(page)), chinese);
        }
        QCOMPARE(test::hasHan(m_window->dashboard()->tiles()[0]->caption()), chinese);
        QCOMPARE(test::hasHan(m_window->dataSourceText()), chinese);
    }
    visit(Page::Dashboard);
}

int main(int argc, char *argv[])
{
    QTemporaryDir home;
    test::isolateHome(home);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Vantage"));
    QApplication::setApplicationName(QStringLiteral("Vantage"));
    TestMainWindow test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_mainwindow.moc"
