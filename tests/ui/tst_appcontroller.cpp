// What the app does when things go wrong or change: a damaged database is refused with a choice
// and left untouched, a cancelled demo build leaves nothing behind, a rebuild keeps a backup, the
// company database is separate from the demo, and IT-locked settings win.
#include "guisupport.h"
#include "sqlhelpers.h"
#include "testsupport.h"

#include "appcontroller.h"
#include "mainwindow.h"
#include "pages/dashboardpage.h"
#include "widgets/messagebar.h"
#include "widgets/kpitile.h"
#include "widgets/taskprogress.h"
#include "dialogs/settingsdialog.h"
#include "pages/recordlistpage.h"

#include "itemmodels/recordlistmodel.h"
#include "settings/appsettings.h"
#include "storage/store.h"

#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QRadioButton>
#include <QSemaphore>
#include <QTableView>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>

using namespace vantage;

namespace {

QTemporaryDir *g_home = nullptr;

QString dataDir()
{
    return QDir(g_home->filePath(QStringLiteral("data"))).filePath(QStringLiteral("Vantage/Vantage"));
}

QString demoPath() { return QDir(dataDir()).filePath(QStringLiteral("demo.sqlite")); }
QString companyPath() { return QDir(dataDir()).filePath(QStringLiteral("company.sqlite")); }

app::CommandLine options()
{
    app::CommandLine line;
    line.demoAsOf = test::demoAsOf();
    return line;
}

QMessageBox *visibleMessageBox(QWidget *window)
{
    return test::visibleChild<QMessageBox>(window);
}

} // namespace

class TestAppController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void cancelledFirstBuildLeavesNothing();
    void damagedDatabaseIsRefusedAndKept();
    void rebuildKeepsTheOldDemoAsBackup();
    void companyDatabaseIsSeparateAndEmpty();
    void itLockedDataSourceWins();
    void settingsDialogAppliesChoices();
    void failedOpenLeavesNoOldFigures();
    void regionFilterFollowsANewDatabase();
    void closingABusyStoreDoesNotBlockTheWindow();
    void pageDamageFoundAfterOpeningIsReported();

private:
    void startAndWaitForStore(app::AppController &controller);
};

void TestAppController::init()
{
    QDir(g_home->filePath(QStringLiteral("data"))).removeRecursively();
    QDir(g_home->filePath(QStringLiteral("config"))).removeRecursively();
    QDir(g_home->filePath(QStringLiteral("system-config"))).removeRecursively();
}

void TestAppController::cleanup()
{
    for (QWidget *w : QApplication::topLevelWidgets())
        w->close();
}

void TestAppController::startAndWaitForStore(app::AppController &controller)
{
    QSignalSpy opened(&controller, &app::AppController::storeOpened);
    controller.start();
    QTRY_VERIFY_WITH_TIMEOUT(opened.size() == 1, 60000);
}

void TestAppController::cancelledFirstBuildLeavesNothing()
{
    app::AppController controller(options());
    controller.start();
    QVERIFY(controller.isBusy());
    ui::TaskProgress *progress = controller.window()->taskProgress();
    QVERIFY(progress->isVisible());
    QPushButton *cancel = progress->findChild<QPushButton *>();
    QVERIFY(cancel);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!controller.isBusy(), 30000);
    QVERIFY2(controller.window()->messageBar()->text().contains(QStringLiteral("not built")),
             qPrintable(controller.window()->messageBar()->text()));
    QVERIFY(!QFileInfo::exists(demoPath()));
    QCOMPARE(QDir(dataDir()).entryList({QStringLiteral("*.partial*")}, QDir::Files), QStringList());
    QVERIFY(!progress->isVisible());
}

void TestAppController::damagedDatabaseIsRefusedAndKept()
{
    QDir().mkpath(dataDir());
    const QString damaged = QDir(dataDir()).filePath(QStringLiteral("customer-data.sqlite"));
    {
        QFile file(damaged);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray("not a database at all ").repeated(100));
    }
    const QByteArray before = test::fileSha256(damaged);
    app::CommandLine line = options();
    line.databasePath = damaged;
    app::AppController controller(line);
    QSignalSpy failed(&controller, &app::AppController::storeFailed);
    QSignalSpy opened(&controller, &app::AppController::storeOpened);
    controller.start();
    QTRY_VERIFY_WITH_TIMEOUT(failed.size() == 1, 20000);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = visibleMessageBox(controller.window())));
    QVERIFY2(box->text().contains(damaged) && box->text().contains(QStringLiteral("damaged")), qPrintable(box->text()));
    QVERIFY(box->text().contains(QStringLiteral(".bak")));
    QCOMPARE(test::fileSha256(damaged), before);
    QVERIFY(controller.window()->dataSourceText().contains(QStringLiteral("could not be opened")));

    QAbstractButton *openDemo = nullptr;
    for (QAbstractButton *button : box->buttons())
        if (button->text() == QLatin1String("Open the demo database"))
            openDemo = button;
    QVERIFY(openDemo);
    openDemo->click();
    QTRY_VERIFY_WITH_TIMEOUT(opened.size() == 1, 60000);
    QCOMPARE(controller.currentDatabasePath(), demoPath());
    QCOMPARE(test::fileSha256(damaged), before);
}

void TestAppController::rebuildKeepsTheOldDemoAsBackup()
{
    app::AppController controller(options());
    startAndWaitForStore(controller);
    QSignalSpy opened(&controller, &app::AppController::storeOpened);
    controller.rebuildDemo();
    QVERIFY(controller.isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(opened.size() == 1, 60000);
    const QStringList backups = QDir(dataDir()).entryList({QStringLiteral("demo.sqlite.replaced-*.bak")}, QDir::Files);
    QCOMPARE(backups.size(), 1);
    QVERIFY(QFileInfo::exists(demoPath()));
    QTRY_VERIFY(!controller.window()->dashboard()->isLoading()
                && controller.window()->dashboard()->data().kpis.salesLast12Minor > 0);
}

void TestAppController::companyDatabaseIsSeparateAndEmpty()
{
    app::AppController controller(options());
    startAndWaitForStore(controller);
    QSignalSpy opened(&controller, &app::AppController::storeOpened);
    controller.switchDataSource(QStringLiteral("company"));
    QTRY_VERIFY_WITH_TIMEOUT(opened.size() == 1, 20000);
    QCOMPARE(opened.first().first().value<core::StoreInfo>().kind, core::DatabaseKind::Company);
    QCOMPARE(controller.currentDatabasePath(), companyPath());
    ui::MainWindow *window = controller.window();
    QVERIFY(window->windowTitle().contains(QStringLiteral("Company data")));
    QVERIFY(window->bannerText().isEmpty());
    QTRY_VERIFY(!window->dashboard()->isLoading() && window->dashboard()->data().firstMonth.isValid());
    QCOMPARE(window->dashboard()->data().kpis.salesLast12Minor, 0);
    QCOMPARE(test::clippedTexts(window), QStringList());
    // The demo is untouched and comes back.
    controller.switchDataSource(QStringLiteral("demo"));
    QTRY_VERIFY_WITH_TIMEOUT(opened.size() == 2, 20000);
    QCOMPARE(controller.currentDatabasePath(), demoPath());
    QTRY_VERIFY(!window->dashboard()->isLoading() && window->dashboard()->data().kpis.salesLast12Minor > 0);
}

void TestAppController::itLockedDataSourceWins()
{
    const QString systemFile = g_home->filePath(QStringLiteral("system-config/Vantage/Vantage.conf"));
    QDir().mkpath(QFileInfo(systemFile).absolutePath());
    {
        QSettings system(systemFile, QSettings::NativeFormat);
        system.setValue(QStringLiteral("data/source"), QStringLiteral("company"));
    }
    app::AppController controller(options());
    startAndWaitForStore(controller);
    QCOMPARE(controller.currentDatabasePath(), companyPath());
    controller.switchDataSource(QStringLiteral("demo")); // refused: IT decides, and the user is told
    QVERIFY(controller.window()->messageBar()->text().contains(QStringLiteral("IT department")));
    QCOMPARE(controller.currentDatabasePath(), companyPath());
    QVERIFY(!QFileInfo::exists(demoPath()));
}

void TestAppController::settingsDialogAppliesChoices()
{
    app::AppController controller(options());
    startAndWaitForStore(controller);
    QSignalSpy opened(&controller, &app::AppController::storeOpened);
    QMetaObject::invokeMethod(controller.window(), &ui::MainWindow::settingsRequested);
    ui::SettingsDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = controller.window()->findChild<ui::SettingsDialog *>()) && dialog->isVisible());
    QComboBox *language = dialog->findChild<QComboBox *>();
    language->setCurrentIndex(language->findData(QStringLiteral("zh_CN")));
    const auto radios = dialog->findChildren<QRadioButton *>();
    QCOMPARE(radios.size(), 2);
    radios[1]->setChecked(true); // the company database
    dialog->accept();
    QTRY_VERIFY(test::hasHan(controller.window()->pageTitle(ui::MainWindow::Page::Dashboard)));
    QTRY_VERIFY_WITH_TIMEOUT(opened.size() == 1, 20000);
    QCOMPARE(controller.currentDatabasePath(), companyPath());
    QCOMPARE(core::AppSettings().language(), QStringLiteral("zh_CN"));
    QCOMPARE(core::AppSettings().dataSource(), QStringLiteral("company"));
    controller.applyLanguage(QStringLiteral("en"));
}

void TestAppController::failedOpenLeavesNoOldFigures()
{
    app::AppController controller(options());
    startAndWaitForStore(controller);
    ui::DashboardPage *dashboard = controller.window()->dashboard();
    QTRY_VERIFY(!dashboard->isLoading() && dashboard->data().kpis.salesLast12Minor > 0);
    QFile damaged(companyPath());
    QVERIFY(damaged.open(QIODevice::WriteOnly));
    damaged.write(QByteArray(4096, 'z'));
    damaged.close();
    QSignalSpy failed(&controller, &app::AppController::storeFailed);
    controller.switchDataSource(QStringLiteral("company"));
    QTRY_VERIFY_WITH_TIMEOUT(failed.size() == 1, 20000);
    // The demo's figures must not stay on screen under another database.
    QCOMPARE(dashboard->tiles()[0]->value(), QStringLiteral("…"));
    QCOMPARE(dashboard->topCustomersView()->model()->rowCount(), 0);
    QVERIFY(controller.window()->bannerText().isEmpty());
}

void TestAppController::regionFilterFollowsANewDatabase()
{
    app::AppController controller(options());
    startAndWaitForStore(controller);
    controller.window()->showPage(ui::MainWindow::Page::Orders);
    auto *orders = qobject_cast<ui::RecordListPage *>(controller.window()->page(ui::MainWindow::Page::Orders));
    QTRY_VERIFY(!orders->isLoading() && orders->filter(QStringLiteral("region"))->count() == 5);
    QComboBox *region = orders->filter(QStringLiteral("region"));
    region->setCurrentIndex(region->findText(QStringLiteral("East")));
    QTRY_VERIFY(!orders->isLoading() && orders->model()->totalCount() < 5009);
    // A rebuilt demo has new region ids: the list must not keep filtering by the old one.
    QSignalSpy opened(&controller, &app::AppController::storeOpened);
    controller.rebuildDemo();
    QTRY_VERIFY_WITH_TIMEOUT(opened.size() == 1, 60000);
    QTRY_VERIFY(!orders->isLoading() && orders->model() && orders->model()->totalCount() == 5009);
    QCOMPARE(region->currentText(), QStringLiteral("All regions"));
}

void TestAppController::closingABusyStoreDoesNotBlockTheWindow()
{
    app::AppController controller(options());
    startAndWaitForStore(controller);
    auto release = std::make_shared<QSemaphore>();
    auto started = std::make_shared<QSemaphore>();
    // A read that holds its reader thread, like a long query on a big database.
    controller.store()->submitRead<int>([release, started](core::JobContext &) {
        started->release();
        release->tryAcquire(1, 3000);
        return 0;
    });
    started->acquire();
    QSignalSpy opened(&controller, &app::AppController::storeOpened);
    QElapsedTimer timer;
    timer.start();
    controller.switchDataSource(QStringLiteral("company"));
    QVERIFY2(timer.elapsed() < 200, qPrintable(QStringLiteral("switch blocked the GUI thread for %1 ms").arg(timer.elapsed())));
    QTRY_VERIFY_WITH_TIMEOUT(opened.size() == 1, 20000);
    release->release();
    QCOMPARE(controller.currentDatabasePath(), companyPath());
}

void TestAppController::pageDamageFoundAfterOpeningIsReported()
{
    QDir().mkpath(dataDir());
    const QString path = QDir(dataDir()).filePath(QStringLiteral("damaged-inside.sqlite"));
    QVERIFY(QFile::copy(test::sharedDemoDatabase(), path));
    QFile(path).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        file.seek(file.size() / 2 - (file.size() / 2) % 4096);
        file.write(QByteArray(64 * 4096, '\xAB'));
    }
    const QByteArray before = test::fileSha256(path);
    app::CommandLine line = options();
    line.databasePath = path;
    app::AppController controller(line);
    QSignalSpy opened(&controller, &app::AppController::storeOpened);
    QSignalSpy failed(&controller, &app::AppController::storeFailed);
    controller.start();
    QTRY_VERIFY_WITH_TIMEOUT(opened.size() == 1, 20000); // the quick checks pass
    QTRY_VERIFY_WITH_TIMEOUT(failed.size() == 1, 30000); // the background check does not
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = visibleMessageBox(controller.window())));
    QVERIFY2(box->text().contains(QStringLiteral("damaged")) && box->text().contains(path), qPrintable(box->text()));
    QCOMPARE(test::fileSha256(path), before);
    QCOMPARE(QDir(dataDir()).entryList({QStringLiteral("damaged-inside.sqlite.damaged-*.bak")}).size(), 1);
}

int main(int argc, char *argv[])
{
    QTemporaryDir home;
    g_home = &home;
    test::isolateHome(home);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Vantage"));
    QApplication::setApplicationName(QStringLiteral("Vantage"));
    TestAppController test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_appcontroller.moc"
