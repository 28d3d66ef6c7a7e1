// The Risk page in the real window on a demo database (offscreen): the week's lists are made on the
// first visit and stored as synced records, shown per region with reasons and a risk trend; a
// second visit shows the stored lists; follow-ups are saved and come back; the exports carry the
// rows shown. Funnel alerts are acknowledged, muted and unmuted with the tab's buttons; the alert
// rules dialog refuses a bad sensitivity beside the field and its rule is there after reopening.
#include "guisupport.h"
#include "sqlhelpers.h"
#include "testsupport.h"

#include "charts/risktrendchart.h"
#include "dialogs/funnelalertrulesdialog.h"
#include "dialogs/riskrulesdialog.h"
#include "mainwindow.h"
#include "pages/funnelalertcontroller.h"
#include "pages/riskcontroller.h"
#include "pages/riskpage.h"
#include "widgets/funnelalertspanel.h"
#include "widgets/riskfollowuppanel.h"
#include "widgets/riskloopview.h"

#include "analytics/riskfeatures.h"
#include "itemmodels/risklistmodel.h"
#include "itemmodels/riskpipelinemodel.h"
#include "storage/store.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLineEdit>
#include <QLineSeries>
#include <QAction>
#include <QCheckBox>
#include <QListWidget>
#include <QTabWidget>
#include <QToolButton>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>

using namespace vantage;
using Page = ui::MainWindow::Page;
using core::RiskListModel;
using test::scalar;

class TestRiskPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void firstVisitMakesAndStoresTheWeeksLists();
    void regionAndRepFilterBothTables();
    void selectedEntryShowsReasonsAndTrend();
    void followUpIsSavedAndComesBack();
    void secondVisitShowsTheStoredLists();
    void exportsCarryTheRowsShown();
    void companyNextStepsReplaceTheBuiltInOnes();
    void funnelAlertsAreAcknowledgedMutedAndUnmuted();
    void funnelAlertRuleIsCheckedSavedAndKept();
    void regionalManagerCannotMakeCompanyWideRules();

private:
    ui::RiskPage *page() const { return m_window->riskPage(); }
    void openWindow();
    void closeWindow();
    void waitForPage();
    int count(const QString &sql) const;

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<core::Store> m_store;
    std::unique_ptr<ui::MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_listTester;
    std::unique_ptr<QAbstractItemModelTester> m_pipelineTester;
};

void TestRiskPage::openWindow()
{
    m_store = std::make_unique<core::Store>(m_path);
    const QFuture<core::Result<core::StoreInfo>> opening = m_store->open();
    QTRY_VERIFY_WITH_TIMEOUT(opening.isFinished(), 60000);
    QVERIFY(opening.result().ok());
    m_window = std::make_unique<ui::MainWindow>();
    m_window->setStore(m_store.get(), opening.result().value());
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_listTester = std::make_unique<QAbstractItemModelTester>(page()->listModel(),
                                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_pipelineTester = std::make_unique<QAbstractItemModelTester>(page()->pipelineModel(),
                                                                  QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestRiskPage::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_path = test::copyOfDemoDatabase(m_dir);
    {
        // The built-in rule compares with earlier quarters and finds the demo's week quiet; this
        // company rule compares with the weeks just before, so there are alerts to act on.
        core::ScopedConnection c(m_path, QStringLiteral("risk-rule"), core::ConnectionMode::ReadWrite);
        QVERIFY(core::Sql(c.database()).exec(QStringLiteral(
            "INSERT INTO funnel_alert_rule (id, updated_at, name, metric, sigma_centi, minimum_deals, recent_weeks, "
            "baseline_weeks, seasonal_quarters, recipients, enabled) "
            "VALUES ('trailing', 1, 'Weeks just before', 'any', 300, 10, 2, 12, 0, '', 1)")));
    }
    openWindow();
}

void TestRiskPage::closeWindow()
{
    m_listTester.reset();
    m_pipelineTester.reset();
    m_window.reset();
    auto finishing = m_store->finishJobs();
    QTRY_VERIFY_WITH_TIMEOUT(finishing.isFinished(), 30000);
    m_store.reset();
}

void TestRiskPage::cleanupTestCase()
{
    closeWindow();
}

void TestRiskPage::waitForPage()
{
    QTRY_VERIFY_WITH_TIMEOUT(!page()->isLoading() && page()->pageData(), 180000);
}

int TestRiskPage::count(const QString &sql) const
{
    core::ScopedConnection connection(m_path, QStringLiteral("risk-check"), core::ConnectionMode::ReadOnly);
    return scalar(connection.database(), sql).toInt();
}

void TestRiskPage::firstVisitMakesAndStoresTheWeeksLists()
{
    QSignalSpy made(page()->controller(), &ui::RiskController::listsMade);
    m_window->showPage(Page::Risk);
    waitForPage();
    QTRY_COMPARE_WITH_TIMEOUT(made.size(), 1, 30000);
    // The demo's three CRM offices with ten each; South has only orders, seven open that Monday.
    QCOMPARE(made.first().at(0).toInt(), 4);
    QCOMPARE(made.first().at(1).toInt(), 37);
    QCOMPARE(page()->listModel()->rowCount(), 37);
    QVERIFY(page()->pipelineModel()->rowCount() > 1000);
    QVERIFY2(page()->weekText().startsWith(QStringLiteral("Week 2026-W48 (Monday 23 Nov 2026): lists made on this computer")),
             qPrintable(page()->weekText()));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM risk_snapshot WHERE iso_week = '2026-W48' AND made_by = 'client'")), 4);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM risk_snapshot_entry")), 37);
    // Stored through the outbox: the lists go to the server with the next sync.
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox WHERE entity IN ('risk_snapshot', 'risk_snapshot_entry')")), 41);
    // Funnel alerts of the week under the company's rule, one sentence each.
    const auto &alerts = page()->pageData()->funnelAlerts;
    QVERIFY(alerts.size() >= 2);
    QCOMPARE(page()->funnelAlerts()->table()->rowCount(), int(alerts.size()));
    QVERIFY(page()->funnelAlerts()->table()->item(0, 0)->text().contains(QStringLiteral("(z = ")));
    QCOMPARE(page()->funnelAlerts()->table()->item(0, 1)->text(), QStringLiteral("Weeks just before"));
    int ownerless = 0;
    for (int row = 0; row < 37; ++row) {
        const core::RiskListEntry *entry = page()->listModel()->entry(row);
        // Every entry says why and what to do, even an order whose risk is just the usual one.
        QVERIFY(entry && !core::riskReasonTexts(*entry).isEmpty() && !core::riskEntryAction(*entry).isEmpty());
        QVERIFY(!entry->reasons.empty() || entry->kind == core::RiskDealKind::Order);
        if (entry->ownerName.isEmpty()) {  // the South's orders: no rep, no regional manager
            ++ownerless;
            QCOMPARE(page()->listModel()->index(row, RiskListModel::Owner).data().toString(), QStringLiteral("No owner"));
        }
        QCOMPARE(entry->change, core::RiskChange::New);  // no list last week
    }
    QCOMPARE(ownerless, 7);
}

void TestRiskPage::regionAndRepFilterBothTables()
{
    QComboBox *region = page()->regionFilter();
    const int east = region->findText(QStringLiteral("East"));
    QVERIFY(east > 0);
    region->setCurrentIndex(east);
    QCOMPARE(page()->listModel()->rowCount(), 10);
    const int pipelineEast = page()->pipelineModel()->rowCount();
    QVERIFY(pipelineEast > 10);
    for (int row = 0; row < pipelineEast; row += 50)
        QCOMPARE(page()->pipelineModel()->index(row, core::RiskPipelineModel::Region).data().toString(), QStringLiteral("East"));
    const QString owner = page()->listModel()->entry(0)->ownerId;
    QComboBox *reps = page()->ownerFilter();
    reps->setCurrentIndex(reps->findData(owner));
    QVERIFY(page()->listModel()->rowCount() >= 1);
    for (int row = 0; row < page()->listModel()->rowCount(); ++row)
        QCOMPARE(page()->listModel()->entry(row)->ownerId, owner);
    reps->setCurrentIndex(0);
    region->setCurrentIndex(0);
    QCOMPARE(page()->listModel()->rowCount(), 37);
}

void TestRiskPage::selectedEntryShowsReasonsAndTrend()
{
    page()->listTable()->selectRow(3);
    const core::RiskListEntry *entry = page()->listModel()->entry(3);
    QCOMPARE(page()->followUpPanel()->entryId(), entry->id);
    const auto trend = page()->pageData()->trends.value(entry->opportunityId);
    QVERIFY(trend.size() >= 2);
    QCOMPARE(trend.back().first, page()->pageData()->monday);
    QCOMPARE(trend.back().second, entry->riskBp);  // this week's point is the listed risk
    const auto lines = page()->trendChart()->chart()->series();
    QVERIFY(!lines.isEmpty());
    QCOMPARE(qobject_cast<QLineSeries *>(lines.first())->count(), int(trend.size()));
    QVERIFY(page()->trendChart()->chart()->title().contains(entry->opportunityName));
}

void TestRiskPage::followUpIsSavedAndComesBack()
{
    page()->listTable()->selectRow(0);
    const core::RiskListEntry *entry = page()->listModel()->entry(0);
    ui::RiskFollowUpPanel *panel = page()->followUpPanel();
    panel->statusBox()->setCurrentIndex(panel->statusBox()->findData(int(core::FollowUpStatus::PlanAgreed)));
    panel->noteEdit()->setText(QStringLiteral("Call with the buyer on Thursday"));
    QSignalSpy saved(page()->controller(), &ui::RiskController::followUpSaved);
    panel->saveButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 30000);
    QCOMPARE(page()->listModel()->index(0, RiskListModel::FollowUp).data().toString(), QStringLiteral("Plan agreed"));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM risk_follow_up WHERE status = 'plan_agreed' AND entry_id = '%1' "
                                  "AND note = 'Call with the buyer on Thursday'").arg(entry->id)), 1);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox WHERE entity = 'risk_follow_up'")), 1);
    // It counts at once for the managers of the entry's region, on the "Follow-up by manager" tab.
    const QString region = entry->regionId;
    const auto &managers = page()->pageData()->history->regionManagers.value(region);
    QCOMPARE(managers.size(), 2);  // the demo's Central, East and West have two each
    for (const core::RiskLoopRow &row : page()->loopView()->rows()) {
        if (!managers.contains(row.managerId))
            continue;
        QCOMPARE(row.lists, 1);
        QCOMPARE(row.entries, 10);
        QCOMPARE(row.followedUp, 1);
        QCOMPARE(row.actedOnSuggestion, 0);
    }
    QCOMPARE(page()->loopView()->table()->rowCount(), 7);  // six managers, and South without one
    bool shown = false;
    for (int r = 0; r < page()->loopView()->table()->rowCount(); ++r)
        shown = shown || page()->loopView()->table()->item(r, ui::RiskLoopView::FollowedUp)->text() == QStringLiteral("1 of 10 (10%)");
    QVERIFY(shown);
}

void TestRiskPage::secondVisitShowsTheStoredLists()
{
    const QString firstEntry = page()->listModel()->entry(0)->id;
    const int riskBp = page()->listModel()->entry(0)->riskBp;
    closeWindow();
    openWindow();
    QSignalSpy made(page()->controller(), &ui::RiskController::listsMade);
    m_window->showPage(Page::Risk);
    waitForPage();
    QTest::qWait(200);
    QCOMPARE(made.size(), 0);  // nothing new to make this week
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM risk_snapshot")), 4);
    QCOMPARE(page()->listModel()->entry(0)->id, firstEntry);
    QCOMPARE(page()->listModel()->entry(0)->riskBp, riskBp);
    QCOMPARE(page()->listModel()->index(0, RiskListModel::FollowUp).data().toString(), QStringLiteral("Plan agreed"));
    page()->listTable()->selectRow(0);
    QCOMPARE(page()->followUpPanel()->noteEdit()->text(), QStringLiteral("Call with the buyer on Thursday"));
}

void TestRiskPage::exportsCarryTheRowsShown()
{
    page()->regionFilter()->setCurrentIndex(page()->regionFilter()->findText(QStringLiteral("West")));
    QCOMPARE(page()->listModel()->rowCount(), 10);
    QSignalSpy finished(page(), &ui::RiskPage::exportFinished);
    const QString csv = m_dir.filePath(QStringLiteral("risk.csv"));
    page()->exportTo(ui::RiskPage::ExportKind::Csv, csv);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QVERIFY(finished.first().at(1).toBool());
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 11);
    QVERIFY2(lines[1].startsWith(QStringLiteral("1,West,")), qPrintable(lines[1]));
    QVERIFY(lines[1].contains(page()->listModel()->entry(0)->opportunityName));

    const QString pdf = m_dir.filePath(QStringLiteral("risk.pdf"));
    page()->exportTo(ui::RiskPage::ExportKind::Pdf, pdf);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 30000);
    QVERIFY(finished.at(1).at(1).toBool());
    QFile pdfFile(pdf);
    QVERIFY(pdfFile.open(QIODevice::ReadOnly));
    QVERIFY(pdfFile.read(5) == "%PDF-");
    QVERIFY(pdfFile.size() > 5000);

    const QString xlsx = m_dir.filePath(QStringLiteral("risk.xlsx"));
    page()->exportTo(ui::RiskPage::ExportKind::Xlsx, xlsx);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 30000);
    QVERIFY(finished.at(2).at(1).toBool());
    QVERIFY(QFileInfo(xlsx).size() > 1000);

    // A folder that does not exist: a message naming the file, nothing written.
    const QString bad = m_dir.filePath(QStringLiteral("no/such/folder/risk.pdf"));
    page()->exportTo(ui::RiskPage::ExportKind::Pdf, bad);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 4, 30000);
    QVERIFY(!finished.at(3).at(1).toBool());
    QVERIFY(!QFileInfo::exists(bad));
}

void TestRiskPage::companyNextStepsReplaceTheBuiltInOnes()
{
    const core::RiskListEntry *entry = page()->listModel()->entry(0);
    const QString code = core::riskRuleKey(entry->kind, entry->reasons.front().factor);
    QCOMPARE(page()->listModel()->index(0, RiskListModel::Action).data().toString(),
             core::defaultRiskAction(entry->kind, entry->reasons.front().factor));
    QSignalSpy saved(page()->controller(), &ui::RiskController::actionRulesSaved);
    page()->saveActionRules({{code, QStringLiteral("Ring the buyer today and log the call.")}});
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 30000);
    QCOMPARE(page()->listModel()->index(0, RiskListModel::Action).data().toString(),
             QStringLiteral("Ring the buyer today and log the call."));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM risk_action_rule WHERE reason_code = '%1'").arg(code)), 1);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox WHERE entity = 'risk_action_rule'")), 1);
    // The dialog lists every reason with the company's step where there is one.
    ui::RiskRulesDialog dialog({{code, QStringLiteral("Ring the buyer today and log the call.")}});
    QCOMPARE(dialog.table()->rowCount(), core::kRiskFactorCount + int(core::orderRiskFactors().size()));
    QVERIFY(dialog.changedRules().isEmpty());
    int ruleRow = -1;
    for (int row = 0; row < dialog.table()->rowCount(); ++row)
        if (dialog.table()->item(row, 0)->data(Qt::UserRole).toString() == code)
            ruleRow = row;
    QVERIFY(ruleRow >= 0);
    dialog.table()->item(ruleRow, 2)->setText(QString());
    QCOMPARE(dialog.changedRules().value(code, QStringLiteral("x")), QString());
}

void TestRiskPage::funnelAlertsAreAcknowledgedMutedAndUnmuted()
{
    ui::FunnelAlertsPanel *panel = page()->funnelAlerts();
    QTableWidget *table = panel->table();
    // A region shows its own alerts and the company-wide ones.
    QComboBox *region = page()->regionFilter();
    region->setCurrentIndex(region->findText(QStringLiteral("East")));
    const QString east = region->currentData().toString();
    QVERIFY(table->rowCount() >= 1);
    QVERIFY(table->rowCount() < int(page()->pageData()->funnelAlerts.size()));
    for (const core::RaisedFunnelAlert *shown : panel->shown())
        QVERIFY(shown->alert.regionId.isEmpty() || shown->alert.regionId == east);
    region->setCurrentIndex(0);
    const int alerts = table->rowCount();
    QVERIFY(alerts >= 2);
    auto *tabs = qobject_cast<QTabWidget *>(panel->parentWidget()->parentWidget());
    QCOMPARE(tabs->tabText(tabs->indexOf(panel)), QStringLiteral("Funnel alerts (%1)").arg(alerts));
    QSignalSpy saved(panel->controller(), &ui::FunnelAlertController::stateSaved);

    table->setCurrentCell(0, 0);
    const QString first = panel->shown()[0]->key;
    QVERIFY(panel->acknowledgeButton()->isEnabled());
    panel->acknowledgeButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 30000);
    QCOMPARE(table->item(0, 2)->text(), QStringLiteral("Acknowledged"));
    QVERIFY(!panel->acknowledgeButton()->isEnabled());
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM funnel_alert_state WHERE alert_key = '%1' AND status = 'acknowledged'")
                       .arg(first)), 1);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox WHERE entity = 'funnel_alert_state'")), 1);
    // A note on it, written in the table: stored with the acknowledgement, which stays.
    QVERIFY(table->item(0, 3)->flags() & Qt::ItemIsEditable);
    QVERIFY(!(table->item(0, 0)->flags() & Qt::ItemIsEditable));
    table->item(0, 3)->setText(QStringLiteral("周一例会复盘"));
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 2, 30000);
    saved.removeLast();  // the counts below are of status changes
    QCOMPARE(table->item(0, 2)->text(), QStringLiteral("Acknowledged"));
    QCOMPARE(table->item(0, 3)->text(), QStringLiteral("周一例会复盘"));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM funnel_alert_state WHERE alert_key = '%1' AND status = 'acknowledged' "
                                  "AND note = '周一例会复盘'").arg(first)), 1);

    // Muted for four weeks from the demo's today (Saturday 28 Nov): hidden, counted, stored.
    table->setCurrentCell(1, 0);
    const QString second = panel->shown()[1]->key;
    panel->muteAction(ui::FunnelAlertsPanel::Mute::FourWeeks)->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 2, 30000);
    QCOMPARE(table->rowCount(), alerts - 1);
    for (const core::RaisedFunnelAlert *shown : panel->shown())
        QVERIFY(shown->key != second);
    QCOMPARE(panel->showMutedBox()->text(), QStringLiteral("Show muted (1)"));
    QCOMPARE(tabs->tabText(tabs->indexOf(panel)), QStringLiteral("Funnel alerts (%1)").arg(alerts - 1));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM funnel_alert_state WHERE alert_key = '%1' AND status = 'muted' "
                                  "AND muted_until = '2026-12-25'").arg(second)), 1);

    // Shown again with "Show muted", then unmuted with its button.
    panel->showMutedBox()->click();
    QCOMPARE(table->rowCount(), alerts);
    table->setCurrentCell(1, 0);
    QCOMPARE(panel->shown()[1]->key, second);
    QCOMPARE(table->item(1, 2)->text(), QStringLiteral("Muted until 25 Dec 2026"));
    QVERIFY(panel->unmuteButton()->isEnabled() && !panel->muteButton()->isEnabled());
    panel->unmuteButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 3, 30000);
    QCOMPARE(table->item(1, 2)->text(), QStringLiteral("New"));
    QCOMPARE(panel->showMutedBox()->text(), QStringLiteral("Show muted (0)"));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM funnel_alert_state WHERE alert_key = '%1' AND status = 'open'")
                       .arg(second)), 1);
    panel->showMutedBox()->click();
}

void TestRiskPage::funnelAlertRuleIsCheckedSavedAndKept()
{
    ui::FunnelAlertsPanel *panel = page()->funnelAlerts();
    panel->rulesButton()->click();
    QPointer<ui::FunnelAlertRulesDialog> dialog = panel->rulesDialog();
    QVERIFY(dialog && dialog->isVisible());
    QCOMPARE(dialog->ruleList()->count(), 1);  // the company's trailing rule
    dialog->addButton()->click();
    QCOMPARE(dialog->ruleList()->count(), 2);
    QCOMPARE(dialog->seasonalBox()->currentData().toInt(), 4);  // a new rule compares with earlier quarters
    dialog->nameEdit()->setText(QStringLiteral("Drops, strict"));
    dialog->metricBox()->setCurrentIndex(dialog->metricBox()->findData(QStringLiteral("conversion_drop")));
    dialog->sigmaEdit()->setText(QStringLiteral("7"));
    dialog->recipientsEdit()->setText(QStringLiteral("li.wei@example.cn, bob"));
    QCOMPARE(dialog->problemShown(core::FunnelRuleField::Sigma), QStringLiteral("Sensitivity must be between 1.5 and 6 sigma."));
    QCOMPARE(dialog->problemShown(core::FunnelRuleField::Recipients),
             QStringLiteral("“bob” is neither an e-mail address nor a Vantage user."));
    QCOMPARE(dialog->problemShown(core::FunnelRuleField::Name), QString());
    dialog->saveButton()->click();
    QVERIFY(dialog && dialog->isVisible());  // refused: nothing saved
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM funnel_alert_rule")), 1);

    dialog->sigmaEdit()->setText(QStringLiteral("2.5"));
    // A user by name: stored by id, shown by name.
    QString userId;
    QString userName;
    {
        core::ScopedConnection c(m_path, QStringLiteral("risk-user"), core::ConnectionMode::ReadOnly);
        userId = scalar(c.database(), QStringLiteral("SELECT min(id) FROM app_user WHERE role = 'regional_manager'")).toString();
        userName = scalar(c.database(), QStringLiteral("SELECT display_name FROM app_user WHERE id = '%1'").arg(userId)).toString();
    }
    QVERIFY(!userName.isEmpty());
    dialog->recipientsEdit()->setText(QStringLiteral("li.wei@example.cn, ") + userName.toUpper());
    QCOMPARE(dialog->problemShown(core::FunnelRuleField::Recipients), QString());
    QCOMPARE(dialog->problemShown(core::FunnelRuleField::Sigma), QString());
    QSignalSpy raised(panel->controller(), &ui::FunnelAlertController::raised);
    dialog->saveButton()->click();
    QTRY_VERIFY(!dialog);
    QTRY_COMPARE_WITH_TIMEOUT(raised.size(), 1, 60000);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM funnel_alert_rule WHERE name = 'Drops, strict' AND "
                                  "metric = 'conversion_drop' AND sigma_centi = 250 AND recipients = 'li.wei@example.cn, %1' "
                                  "AND region_id IS NULL AND enabled = 1 AND seasonal_quarters = 4").arg(userId)), 1);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox WHERE entity = 'funnel_alert_rule'")), 1);
    // Each alert under the first rule (by name) that raises it: the new one raises drops beyond 2.5
    // sigma, the trailing one the rest.
    for (const core::RaisedFunnelAlert *shown : panel->shown()) {
        QVERIFY(shown->ruleName == QStringLiteral("Drops, strict") || shown->ruleName == QStringLiteral("Weeks just before"));
        if (shown->ruleName == QStringLiteral("Drops, strict")) {
            QCOMPARE(shown->alert.metric, core::FunnelMetric::ConversionDrop);
            QVERIFY(std::abs(shown->alert.zScore) > 2.5);
        } else {
            QVERIFY(shown->alert.metric != core::FunnelMetric::ConversionDrop);
        }
    }

    // Reopened with the window: the rule is read back from the database.
    closeWindow();
    openWindow();
    m_window->showPage(Page::Risk);
    waitForPage();
    page()->funnelAlerts()->rulesButton()->click();
    dialog = page()->funnelAlerts()->rulesDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->ruleList()->count(), 2);
    QCOMPARE(dialog->nameEdit()->text(), QStringLiteral("Drops, strict"));
    QCOMPARE(dialog->metricBox()->currentData().toString(), QStringLiteral("conversion_drop"));
    QCOMPARE(dialog->sigmaEdit()->text(), QStringLiteral("2.5"));
    QCOMPARE(dialog->recipientsEdit()->text(), QStringLiteral("li.wei@example.cn, ") + userName);
    QVERIFY(dialog->enabledBox()->isChecked());
    QVERIFY(dialog->changes().saved.empty());
    dialog->reject();
}

// A regional manager's laptop: a rule for all regions made or changed there is refused in the
// dialog (the server would refuse it at the next sync); one the director made stays as it is.
void TestRiskPage::regionalManagerCannotMakeCompanyWideRules()
{
    core::FunnelAlertRule directors;
    directors.id = QStringLiteral("from-the-director");
    directors.name = QStringLiteral("Everywhere");
    const QHash<QString, QString> regions{{QStringLiteral("east"), QStringLiteral("East")}};
    ui::FunnelAlertRulesDialog dialog({directors}, regions, {}, {}, false);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.problemShown(core::FunnelRuleField::Region), QString());
    QVERIFY(!dialog.removeButton()->isEnabled());  // the director's: not the manager's to remove
    dialog.addButton()->click();
    QVERIFY(dialog.removeButton()->isEnabled());   // a new one is
    QCOMPARE(dialog.regionBox()->currentData().toString(), QString());
    const QString refused = QStringLiteral("Only directors and administrators make or change rules for all regions: choose your region.");
    QCOMPARE(dialog.problemShown(core::FunnelRuleField::Region), refused);
    dialog.nameEdit()->setText(QStringLiteral("East drops"));
    dialog.saveButton()->click();
    QVERIFY(dialog.isVisible());
    dialog.regionBox()->setCurrentIndex(dialog.regionBox()->findData(QStringLiteral("east")));
    QCOMPARE(dialog.problemShown(core::FunnelRuleField::Region), QString());
    // Changing the director's rule is refused the same way.
    dialog.ruleList()->setCurrentRow(0);
    QCOMPARE(dialog.problemShown(core::FunnelRuleField::Region), QString());
    dialog.sigmaEdit()->setText(QStringLiteral("4"));
    QCOMPARE(dialog.problemShown(core::FunnelRuleField::Region), refused);
    dialog.sigmaEdit()->setText(QStringLiteral("3.0"));
    QCOMPARE(dialog.problemShown(core::FunnelRuleField::Region), QString());
    dialog.saveButton()->click();
    QTRY_VERIFY(!dialog.isVisible());
    QCOMPARE(dialog.changes().saved.size(), std::size_t(1));
    QCOMPARE(dialog.changes().saved.front().regionId, QStringLiteral("east"));
}

QTEST_MAIN(TestRiskPage)
#include "tst_riskpage.moc"
