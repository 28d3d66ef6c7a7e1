#include "screenshotrunner.h"

#include "dialogs/aboutdialog.h"
#include "dialogs/funnelalertrulesdialog.h"
#include "dialogs/logindialog.h"
#include "dialogs/riskrulesdialog.h"
#include "dialogs/settingsdialog.h"
#include "mainwindow.h"
#include "pages/dashboardpage.h"
#include "widgets/quarteroutlookrow.h"
#include "pages/forecastpage.h"
#include "pages/riskpage.h"
#include "pages/recordlistpage.h"
#include "widgets/funnelalertspanel.h"

#include "itemmodels/recordlistmodel.h"

#include "settings/appsettings.h"
#include "sync/synccontroller.h"

#include <QPushButton>
#include <QTextStream>

namespace vantage::app {
namespace {
constexpr int kPollMs = 100;
constexpr int kSettleMs = 400;     // let the last paint land
constexpr int kTimeoutMs = 60000;  // a page that never loads is a failure, not a hang
const char *const kPageFiles[] = {"dashboard", "opportunities", "orders", "customers", "forecast",
                                  "risk", "dealers", "quotes", "contracts", "sync"};
} // namespace

ScreenshotRunner::ScreenshotRunner(ui::MainWindow *window, const QString &directory, QObject *parent)
    : QObject(parent), m_window(window), m_directory(directory)
{
    m_directory.mkpath(QStringLiteral("."));
    for (int i = 0; i < ui::MainWindow::kPageCount; ++i) {
        const auto page = static_cast<ui::MainWindow::Page>(i);
        m_shots.push_back({QStringLiteral("%1-%2").arg(i + 1, 2, 10, QLatin1Char('0')).arg(QLatin1String(kPageFiles[i])),
                           [this, page] {
                               m_window->showPage(page);
                               return static_cast<QWidget *>(m_window);
                           }});
    }
    m_shots.push_back({QStringLiteral("06b-risk-funnel-alerts"), [this] {
                           m_window->showPage(ui::MainWindow::Page::Risk);
                           m_window->riskPage()->showFunnelAlerts();
                           return static_cast<QWidget *>(m_window);
                       }});
    m_shots.push_back({QStringLiteral("06d-risk-funnel-alert-rules"), [this] {
                           ui::FunnelAlertsPanel *alerts = m_window->riskPage()->funnelAlerts();
                           alerts->rulesButton()->click();
                           alerts->rulesDialog()->addButton()->click();
                           m_dialog = alerts->rulesDialog();
                           return m_dialog;
                       }});
    m_shots.push_back({QStringLiteral("06c-risk-next-steps"), [this] {
                           m_dialog = new ui::RiskRulesDialog({}, m_window);
                           m_dialog->show();
                           return m_dialog;
                       }});
    m_shots.push_back({QStringLiteral("06e-risk-follow-up-by-manager"), [this] {
                           m_window->showPage(ui::MainWindow::Page::Risk);
                           m_window->riskPage()->showFollowUpByManager();
                           return static_cast<QWidget *>(m_window);
                       }});
    m_shots.push_back({QStringLiteral("11-settings"), [this] {
                           static const core::AppSettings settings;
                           m_dialog = new ui::SettingsDialog(settings, m_window);
                           m_dialog->show();
                           return m_dialog;
                       }});
    m_shots.push_back({QStringLiteral("12-about"), [this] {
                           m_dialog = new ui::AboutDialog(m_window);
                           m_dialog->show();
                           return m_dialog;
                       }});
    m_shots.push_back({QStringLiteral("13-about-data"), [this] {
                           auto *about = new ui::AboutDialog(m_window);
                           about->showBundledData();
                           about->show();
                           m_dialog = about;
                           return m_dialog;
                       }});
    m_shots.push_back({QStringLiteral("14-sign-in"), [this] {
                           m_dialog = new ui::LoginDialog(QStringLiteral("https://vantage.example.com"), false,
                                                          QStringLiteral("mei-mei.johns"), m_window);
                           m_dialog->show();
                           return m_dialog;
                       }});
    m_timer.setInterval(kPollMs);
    connect(&m_timer, &QTimer::timeout, this, &ScreenshotRunner::step);
}

void ScreenshotRunner::useSignedInShots(sync::SyncController *sync, const QString &serverUrl, const QString &login,
                                        const QString &password)
{
    m_sync = sync;
    m_signIn = {serverUrl, login, password};
    m_shots.clear();
    for (const auto &[name, page] : {std::pair{"15-sync-online", ui::MainWindow::Page::Sync},
                                     std::pair{"16-dashboard-company", ui::MainWindow::Page::Dashboard}})
        m_shots.push_back({QLatin1String(name), [this, page] {
                               m_window->showPage(page);
                               return static_cast<QWidget *>(m_window);
                           }});
}

void ScreenshotRunner::start()
{
    if (m_sync)
        m_sync->signIn(m_signIn.value(0), m_signIn.value(1), m_signIn.value(2));
    m_current = m_shots[0].prepare();
    m_timer.start();
}

bool ScreenshotRunner::ready() const
{
    if (m_sync && (m_sync->isRunning() || m_sync->status().lastSyncMs == 0
                   || m_sync->status().connection != sync::SyncStatus::Connection::Idle))
        return false;
    const auto *dashboard = m_window->dashboard();
    if (dashboard->isLoading() || dashboard->data().firstMonth.isNull())
        return false;
    // The quarter outlook comes a moment after the other figures: shown with them, not as "…".
    if (m_window->currentPage() == ui::MainWindow::Page::Dashboard && dashboard->outlookRow()->isVisible()
        && !dashboard->outlookRow()->hasOutlook())
        return false;
    if (const auto *list = qobject_cast<ui::RecordListPage *>(m_window->page(m_window->currentPage())))
        return list->model() && !list->isLoading();
    if (const auto *forecast = qobject_cast<ui::ForecastPage *>(m_window->page(m_window->currentPage())))
        return forecast->hasReport() && !forecast->isLoading();
    if (const auto *risk = qobject_cast<ui::RiskPage *>(m_window->page(m_window->currentPage())))
        return risk->pageData() && !risk->isLoading();
    return true;
}

void ScreenshotRunner::step()
{
    m_waitedMs += kPollMs;
    if (m_waitedMs > kTimeoutMs) {
        QTextStream(stderr) << "screenshot timed out waiting for " << m_shots[m_next].name << Qt::endl;
        m_timer.stop();
        Q_EMIT finished(1);
        return;
    }
    if (!ready() || m_waitedMs < kSettleMs)
        return;
    if (!save(m_current, m_shots[m_next].name)) {
        m_timer.stop();
        Q_EMIT finished(1);
        return;
    }
    if (m_dialog) {
        m_dialog->close();
        m_dialog->deleteLater();
        m_dialog = nullptr;
    }
    if (++m_next == m_shots.size()) {
        m_timer.stop();
        Q_EMIT finished(0);
        return;
    }
    m_waitedMs = 0;
    m_current = m_shots[m_next].prepare();
}

bool ScreenshotRunner::save(QWidget *widget, const QString &name)
{
    const QString path = m_directory.filePath(name + QStringLiteral(".png"));
    if (!widget->grab().save(path)) {
        QTextStream(stderr) << "could not write " << path << Qt::endl;
        return false;
    }
    QTextStream(stdout) << path << Qt::endl;
    return true;
}

} // namespace vantage::app
