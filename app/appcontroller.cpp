#include "appcontroller.h"

#include "dialogs/aboutdialog.h"
#include "dialogs/logindialog.h"
#include "dialogs/settingsdialog.h"
#include "mainwindow.h"
#include "pages/dashboardpage.h"
#include "pages/syncpage.h"
#include "domain/futurewatch.h"
#include "widgets/messagebar.h"
#include "widgets/taskprogress.h"

#include "domain/clock.h"
#include "domain/sentences.h"
#include "domain/translations.h"
#include "importing/demodatabasebuilder.h"
#include "storage/readqueries.h"
#include "storage/store.h"
#include "sync/synccontroller.h"

#include <QApplication>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QtConcurrent/QtConcurrentRun>

namespace vantage::app {

using core::Result;

AppController::AppController(CommandLine options, QObject *parent)
    : QObject(parent), m_options(std::move(options))
{
    // The database opens, and the dashboard's first figures are read, on the store's threads while
    // this thread builds the window: on a warm start they are ready for the window's first frame.
    // Arriving just after that frame, they would have to wait to be painted: the next paint waits
    // until the X server has taken in the first frame, which can take 50-100 ms.
    if (const QString path = configuredPath(); !demoBuildNeeded(path))
        beginOpen(path);
    m_window = std::make_unique<ui::MainWindow>();
    connect(m_window.get(), &ui::MainWindow::settingsRequested, this, &AppController::showSettings);
    connect(m_window.get(), &ui::MainWindow::aboutRequested, this, [this] { showAbout(false); });
    connect(m_window.get(), &ui::MainWindow::aboutDemoDataRequested, this, [this] { showAbout(true); });
    connect(m_window.get(), &ui::MainWindow::rebuildDemoRequested, this, &AppController::confirmRebuild);
    m_sync = new sync::SyncController(this);
    m_sync->setCaBundle(m_settings.value(core::AppSettings::kCaBundle));
    m_window->syncPage()->setController(m_sync);
    m_window->showSyncStatus(m_sync->status());
    connect(m_sync, &sync::SyncController::statusChanged, m_window.get(), &ui::MainWindow::showSyncStatus);
    connect(m_sync, &sync::SyncController::dataChanged, m_window.get(), &ui::MainWindow::reloadData);
    connect(m_window->syncPage(), &ui::SyncPage::signInRequested, this, &AppController::showSignIn);
    connect(m_sync, &sync::SyncController::signInFinished, this, [this](bool ok, const QString &message) {
        if (m_signInDialog)
            m_signInDialog->setOutcome(ok, message);
    });
}

AppController::~AppController()
{
    m_sync->finishForExit(5000);
    if (m_build) {
        m_build->cancel(); // the build rolls back; nothing half-written stays behind
        m_build->waitForFinished();
    }
    m_window.reset(); // pages drop their models before the store goes
    delete m_sync;     // its last job, if any, ends with the store's writer thread
    m_sync = nullptr;
    m_store.reset();
    // At exit only: the window is gone, so waiting for retiring stores freezes nothing. Their
    // finishing jobs use the store, so they end before it is deleted.
    for (RetiringStore &retiring : m_retiring) {
        retiring.jobsFinished.waitForFinished();
        delete retiring.store;
    }
}

bool AppController::isBusy() const
{
    return m_build != nullptr;
}

QString AppController::configuredPath() const
{
    if (!m_options.databasePath.isEmpty())
        return QFileInfo(m_options.databasePath).absoluteFilePath();
    return m_settings.dataSource() == QLatin1String("company") ? m_settings.companyDatabasePath()
                                                               : m_settings.demoDatabasePath();
}

bool AppController::demoBuildNeeded(const QString &path) const
{
    const bool demoWanted = m_options.databasePath.isEmpty() && m_settings.dataSource() != QLatin1String("company");
    return demoWanted && !QFileInfo::exists(path);
}

void AppController::start()
{
    m_window->resize(1440, 900);
    if (!m_store) {
        m_window->show();
        buildDemo(configuredPath());
        return;
    }
    m_window->clearStore(tr("Opening %1…").arg(m_path)); // opening since the constructor
    watchOpen(); // before show(): a database opened meanwhile goes into the window's first frame
    showSettled();
}

// Shows the window laid out completely for its first frame. Layouts run from posted events, and a
// QScrollArea decides on its scroll bars in a queued call; left to the event loop, they can come
// after the first paint and need a second one, which waits until the X server has taken in the
// first frame (50-100 ms for this window). Only these two kinds of posted events are sent here: no
// event loop runs, and answers from the store still come through the event loop.
void AppController::showSettled()
{
    m_window->show();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::MetaCall);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
}

void AppController::openDatabase(const QString &path)
{
    closeStore(tr("Opening %1…").arg(path));
    beginOpen(path);
    watchOpen();
}

// The reader that reads the first figures waits for the open itself: no turn through this thread.
void AppController::beginOpen(const QString &path)
{
    m_path = path;
    m_store = std::make_unique<core::Store>(path);
    m_opening = m_store->open();
    m_firstFigures = core::loadFirstDashboard(*m_store, m_opening);
}

void AppController::watchOpen()
{
    const quint64 generation = ++m_openGeneration;
    if (m_opening.isFinished() && m_opening.resultCount() > 0 && m_opening.result().ok()) {
        // Opened while the window was being built (start()): shown now. A failure still comes
        // through the event loop, so its message box finds the window on screen.
        onOpened(m_path, generation, m_opening.result().value(), m_firstFigures);
        return;
    }
    const auto answered = [this, path = m_path, generation,
                           figures = m_firstFigures](const Result<core::StoreInfo> &info) {
        if (generation != m_openGeneration)
            return; // another database was chosen meanwhile
        if (info)
            onOpened(path, generation, info.value(), figures);
        else
            onOpenFailed(path, info.error());
    };
    core::watchFuture(this, m_opening, answered);
}

void AppController::onOpenFailed(const QString &path, const core::Error &error)
{
    closeStore(tr("The database could not be opened."));
    showOpenError(path, error);
    Q_EMIT storeFailed(error.message);
}

void AppController::onOpened(const QString &path, quint64 generation, const core::StoreInfo &info,
                             const QFuture<Result<core::DashboardData>> &firstFigures)
{
    // Once the dashboard has its first figures (or failed to load them), read every page of the file
    // in the background. Connected first: figures read already are shown within setStore().
    connect(m_window->dashboard(), &ui::DashboardPage::loaded, this,
            [this, path, generation] { verifyDatabase(path, generation); }, Qt::SingleShotConnection);
    connect(m_window->dashboard(), &ui::DashboardPage::failed, this,
            [this, path, generation] { verifyDatabase(path, generation); }, Qt::SingleShotConnection);
    m_window->setStore(m_store.get(), info, firstFigures);
    const bool company = info.kind == core::DatabaseKind::Company;
    m_companyOpen = company;
    m_sync->setStore(company ? m_store.get() : nullptr);
    if (company && m_pendingSignIn) {
        const PendingSignIn pending = *std::exchange(m_pendingSignIn, std::nullopt);
        m_sync->signIn(pending.serverUrl, pending.login, pending.password);
    }
    if (!info.backupPath.isEmpty())
        m_window->messageBar()->showMessage(
            tr("The database was updated to the current version; the previous file is kept as %1.")
                .arg(info.backupPath),
            ui::MessageBar::Level::Information);
    Q_EMIT storeOpened(info);
}

void AppController::verifyDatabase(const QString &path, quint64 generation)
{
    if (generation != m_openGeneration || !m_store || m_verifiedGeneration == generation)
        return;
    m_verifiedGeneration = generation;
    core::watchFuture(this, m_store->verify(), [this, path, generation](const core::Status &sound) {
        if (generation != m_openGeneration || sound)
            return;
        // Damage deep in the file: stop using it before anything is written to it.
        closeStore(tr("The database could not be opened."));
        showOpenError(path, sound.error());
        Q_EMIT storeFailed(sound.error().message);
    });
}

void AppController::closeStore(const QString &status)
{
    m_sync->setStore(nullptr); // before the store retires: a sync under way is cancelled
    m_companyOpen = false;
    m_window->clearStore(status);
    ++m_openGeneration;
    if (!m_store)
        return;
    // Deleting a store joins its threads; let its jobs finish on a pool thread first, so the
    // window never waits for a query or a migration that is still running.
    core::Store *old = m_store.release();
    const QFuture<void> finished = old->finishJobs();
    m_retiring.push_back({old, finished});
    core::watchFuture(this, finished, [this, old] {
        m_retiring.erase(std::find_if(m_retiring.begin(), m_retiring.end(),
                                      [old](const RetiringStore &r) { return r.store == old; }));
        delete old;
    });
}

void AppController::buildDemo(const QString &path)
{
    if (m_build) {
        m_window->messageBar()->showMessage(tr("The demo database is being built already."),
                                            ui::MessageBar::Level::Information);
        return;
    }
    const bool existedBefore = QFileInfo::exists(path);
    closeStore(tr("Building the demo database…"));
    const QDate asOf = m_options.demoAsOf.isValid() ? m_options.demoAsOf : core::Clock::nowUtc().toLocalTime().date();
    using BuildResult = Result<core::ImportReport>;
    m_build = new QFutureWatcher<BuildResult>(this);
    connect(m_build, &QFutureWatcherBase::finished, this, [this, path, existedBefore] { onDemoBuilt(path, existedBefore); });
    m_build->setFuture(QtConcurrent::run([path, asOf](QPromise<BuildResult> &promise) {
        core::PromiseJobContext<BuildResult> context(promise, [] {
            // The builder opens its own file; this context only carries progress and cancel.
            return Result<QSqlDatabase>(core::Error{core::ErrorCode::Database,
                                                    tr("No database connection is available to this job."),
                                                    QStringLiteral("builder context has no connection")});
        });
        promise.addResult(core::DemoDatabaseBuilder(path, asOf).build(context));
    }));
    m_window->taskProgress()->track(m_build, tr("Building the demo database…"));
    m_window->setDemoBuildRunning(true);
}

void AppController::onDemoBuilt(const QString &path, bool existedBefore)
{
    auto *watcher = m_build;
    m_build = nullptr;
    m_window->setDemoBuildRunning(false);
    watcher->deleteLater();
    const bool haveResult = watcher->future().resultCount() > 0;
    if (haveResult && watcher->result().ok()) {
        openDatabase(path);
        return;
    }
    const QString reason = haveResult ? watcher->result().error().message : tr("The build was cancelled.");
    m_window->messageBar()->showMessage(core::joinSentences(
        core::joinSentences(tr("The demo database was not built."), reason),
        tr("To try again, choose File, then Rebuild demo database.")));
    if (existedBefore)
        openDatabase(path); // the previous demo is untouched: keep working with it
    else
        closeStore(tr("No database open"));
}

void AppController::showOpenError(const QString &path, const core::Error &error)
{
    auto *box = new QMessageBox(QMessageBox::Critical, tr("Vantage"), error.message, QMessageBox::NoButton, m_window.get());
    box->setAttribute(Qt::WA_DeleteOnClose);
    const bool isDemo = path == m_settings.demoDatabasePath();
    QPushButton *alternative = isDemo ? box->addButton(tr("Build a new demo database"), QMessageBox::AcceptRole)
                                      : box->addButton(tr("Open the demo database"), QMessageBox::AcceptRole);
    box->addButton(tr("Continue without a database"), QMessageBox::RejectRole);
    connect(alternative, &QPushButton::clicked, this, [this, isDemo] {
        const QString demo = m_settings.demoDatabasePath();
        if (isDemo || !QFileInfo::exists(demo))
            buildDemo(demo);
        else
            openDatabase(demo);
    });
    box->open(); // window-modal without a nested event loop
}

void AppController::confirmRebuild()
{
    auto *box = new QMessageBox(QMessageBox::Question, tr("Rebuild demo database"),
                                tr("Build the demo database again from the bundled data? Changes you made to demo "
                                   "data are replaced; the current file is kept as a backup copy."),
                                QMessageBox::NoButton, m_window.get());
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *rebuild = box->addButton(tr("Rebuild"), QMessageBox::AcceptRole);
    box->addButton(tr("Cancel"), QMessageBox::RejectRole);
    connect(rebuild, &QPushButton::clicked, this, &AppController::rebuildDemo);
    box->open();
}

void AppController::rebuildDemo()
{
    buildDemo(m_settings.demoDatabasePath());
}

void AppController::showSettings()
{
    auto *dialog = new ui::SettingsDialog(m_settings, m_window.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (dialog->language() != m_settings.language()) {
            if (!m_settings.setValue(core::AppSettings::kLanguage, dialog->language()))
                m_window->messageBar()->showMessage(
                    tr("The language could not be saved in your settings file; it applies until you quit Vantage."),
                    ui::MessageBar::Level::Warning);
            applyLanguage(dialog->language());
        }
        if (dialog->dataSource() != m_settings.dataSource())
            switchDataSource(dialog->dataSource());
    });
    dialog->open();
}

void AppController::applyLanguage(const QString &choice)
{
    // Installing the translators sends LanguageChange to every widget; each retranslates itself.
    core::Translations::install(*qApp, core::Translations::localeFor(choice));
}

void AppController::switchDataSource(const QString &source)
{
    if (!m_settings.setValue(core::AppSettings::kDataSource, source)) {
        m_window->messageBar()->showMessage(
            m_settings.isLocked(core::AppSettings::kDataSource)
                ? tr("Your IT department has chosen the data source; it cannot be changed here.")
                : tr("The data source could not be saved in your settings file; nothing was changed."),
            ui::MessageBar::Level::Warning);
        return;
    }
    m_options.databasePath.clear();
    const QString path = configuredPath();
    if (source == QLatin1String("demo") && !QFileInfo::exists(path))
        buildDemo(path);
    else
        openDatabase(path);
}

void AppController::showSignIn()
{
    if (m_signInDialog)
        return m_signInDialog->raise();
    const sync::SyncStatus &status = m_sync->status();
    const QString server = status.serverUrl.isEmpty() ? m_settings.value(core::AppSettings::kServerUrl) : status.serverUrl;
    m_signInDialog = new ui::LoginDialog(server, m_settings.isLocked(core::AppSettings::kServerUrl), status.login, m_window.get());
    m_signInDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_signInDialog, &ui::LoginDialog::signInRequested, this, &AppController::signIn);
    connect(m_signInDialog, &QDialog::rejected, this, [this] { m_pendingSignIn.reset(); });
    m_signInDialog->open();
}

// Signing in works on the company database: from the demo, that database is opened first.
void AppController::signIn(const QString &serverUrl, const QString &login, const QString &password)
{
    if (!m_settings.isLocked(core::AppSettings::kServerUrl))
        (void)m_settings.setValue(core::AppSettings::kServerUrl, serverUrl); // only a default for next time
    if (m_companyOpen) {
        m_sync->signIn(serverUrl, login, password);
        return;
    }
    m_pendingSignIn = PendingSignIn{serverUrl, login, password};
    switchDataSource(QStringLiteral("company"));
    if (m_settings.dataSource() != QLatin1String("company") && m_signInDialog) {
        m_pendingSignIn.reset(); // IT fixed the data source to the demo
        m_signInDialog->setOutcome(false, tr("Your IT department has chosen the data source; it cannot be changed here."));
    }
}

void AppController::showAbout(bool bundledData)
{
    auto *dialog = new ui::AboutDialog(m_window.get());
    if (bundledData)
        dialog->showBundledData();
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace vantage::app
