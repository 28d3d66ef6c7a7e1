#include "riskpage.h"

#include "charts/risktrendchart.h"
#include "dialogs/riskrulesdialog.h"
#include "exportpath.h"
#include "forecastexport.h"
#include "riskcontroller.h"
#include "riskexport.h"
#include "widgets/funnelalertspanel.h"
#include "widgets/pagetitle.h"
#include "widgets/riskfollowuppanel.h"
#include "widgets/riskloopview.h"
#include "widgets/taskprogress.h"

#include "domain/enumlabels.h"
#include "domain/futurewatch.h"
#include "exporting/risklistsheet.h"
#include "itemmodels/displayformat.h"
#include "itemmodels/risklistmodel.h"
#include "itemmodels/riskpipelinemodel.h"
#include "storage/readqueries.h"

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>

namespace vantage::ui {

RiskPage::RiskPage(QWidget *parent) : QWidget(parent)
{
    m_controller = new RiskController(this);
    buildUi();
    retranslateUi();
    connect(m_controller, &RiskController::phaseStarted, this, [this](QFutureWatcherBase *watcher, const QString &title) {
        m_progress->track(watcher, title);
    });
    connect(m_controller, &RiskController::pageReady, this, &RiskPage::onPageReady);
    connect(m_controller, &RiskController::failed, this, [this](const QString &text) {
        m_progress->hide();
        Q_EMIT message(text, MessageBar::Level::Error);
    });
    connect(m_controller, &RiskController::cancelled, this, [this] {
        m_progress->hide();
        m_status->setText(m_data ? tr("Cancelled: the list shown is from the previous run.") : tr("Cancelled."));
    });
    connect(m_controller, &RiskController::listsMade, this, [this](int regions, int entries) {
        Q_EMIT message(tr("This week's risk list is ready: %1 deals in %2 regions.").arg(entries).arg(regions),
                       MessageBar::Level::Information);
    });
    connect(m_controller, &RiskController::followUpSaved, this, [this](const core::RiskFollowUp &followUp) {
        m_listModel->setFollowUp(followUp);
        m_loop->setFollowUp(followUp);
        m_status->setText(tr("Follow-up saved."));
    });
    connect(m_controller, &RiskController::actionRulesSaved, this, [this](const QHash<QString, QString> &rules) {
        for (auto it = rules.cbegin(); it != rules.cend(); ++it)
            m_actionRules.insert(it.key(), it.value());
        m_listModel->setActionRules(m_actionRules);
        showSelected();
        m_status->setText(tr("Next steps saved."));
    });
    connect(m_followUp, &RiskFollowUpPanel::saveRequested, this, [this](const core::RiskFollowUp &followUp) {
        const core::RiskListEntry *entry = m_listModel->entry(m_list->currentIndex().row());
        if (entry && entry->id == followUp.entryId)
            m_controller->saveFollowUp(followUp, entry->regionId);
    });
}

void RiskPage::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 8);
    layout->setSpacing(8);
    layout->addLayout(buildHeader());
    layout->addLayout(buildFilters());
    m_review = new QLabel(this);
    m_review->setWordWrap(true);
    layout->addWidget(m_review);
    layout->addWidget(buildTables(), 1);
}

QLayout *RiskPage::buildHeader()
{
    auto *header = new QHBoxLayout;
    m_title = createPageTitle(this);
    m_week = new QLabel(this);
    header->addWidget(m_title);
    header->addSpacing(12);
    header->addWidget(m_week, 1);
    m_print = new QPushButton(this);
    m_pdf = new QPushButton(this);
    m_xlsx = new QPushButton(this);
    m_csv = new QPushButton(this);
    m_rules = new QPushButton(this);
    m_rules->setEnabled(false);
    header->addWidget(m_rules);
    connect(m_rules, &QPushButton::clicked, this, &RiskPage::editActionRules);
    for (QPushButton *button : {m_print, m_pdf, m_xlsx, m_csv}) {
        button->setEnabled(false);
        header->addWidget(button);
    }
    connect(m_print, &QPushButton::clicked, this, &RiskPage::print);
    connect(m_pdf, &QPushButton::clicked, this, [this] { chooseExport(ExportKind::Pdf); });
    connect(m_xlsx, &QPushButton::clicked, this, [this] { chooseExport(ExportKind::Xlsx); });
    connect(m_csv, &QPushButton::clicked, this, [this] { chooseExport(ExportKind::Csv); });
    return header;
}

QLayout *RiskPage::buildFilters()
{
    auto *filters = new QHBoxLayout;
    for (QComboBox **combo : {&m_region, &m_owner}) {
        *combo = new QComboBox(this);
        (*combo)->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        filters->addWidget(*combo);
        connect(*combo, &QComboBox::currentIndexChanged, this, &RiskPage::applyFilters);
    }
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_progress = new TaskProgress(this);
    filters->addWidget(m_status, 1);
    filters->addWidget(m_progress);
    return filters;
}

QWidget *RiskPage::buildTables()
{
    auto *vertical = new QSplitter(Qt::Vertical, this);
    auto *top = new QSplitter(Qt::Horizontal, vertical);
    top->addWidget(buildList(top));
    auto *side = new QWidget(top);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    m_trend = new RiskTrendChart(side);
    m_followUp = new RiskFollowUpPanel(side);
    sideLayout->addWidget(m_trend, 1);
    sideLayout->addWidget(m_followUp);
    top->addWidget(side);
    top->setStretchFactor(0, 5);
    top->setStretchFactor(1, 3);
    vertical->addWidget(top);
    vertical->addWidget(buildBottomTabs(vertical));
    vertical->setStretchFactor(0, 3);
    vertical->setStretchFactor(1, 2);
    return vertical;
}

// The week's lists: reasons get the room, the opportunity and owner a fixed width.
QTableView *RiskPage::buildList(QWidget *parent)
{
    m_listModel = new core::RiskListModel(this);
    m_list = new QTableView(parent);
    m_list->setModel(m_listModel);
    m_list->verticalHeader()->hide();
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setWordWrap(true);
    QHeaderView *header = m_list->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(core::RiskListModel::Reasons, QHeaderView::Stretch);
    header->setSectionResizeMode(core::RiskListModel::Opportunity, QHeaderView::Interactive);
    header->resizeSection(core::RiskListModel::Opportunity, 150);
    header->setSectionResizeMode(core::RiskListModel::Owner, QHeaderView::Interactive);
    header->resizeSection(core::RiskListModel::Owner, 110);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setTextElideMode(Qt::ElideRight);
    m_list->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    for (int column : {int(core::RiskListModel::Customer), int(core::RiskListModel::Stage), int(core::RiskListModel::Action)})
        m_list->hideColumn(column);  // in the panel beside it and in the exports
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &RiskPage::showSelected);
    return m_list;
}

// The whole pipeline ranked, the funnel alerts, and the follow-up by manager, as tabs.
QTabWidget *RiskPage::buildBottomTabs(QWidget *parent)
{
    m_bottomTabs = new QTabWidget(parent);
    auto *pipeline = new QWidget(m_bottomTabs);
    auto *layout = new QVBoxLayout(pipeline);
    layout->setContentsMargins(0, 4, 0, 0);
    m_pipelineTitle = new QLabel(pipeline);
    m_pipelineModel = new core::RiskPipelineModel(this);
    m_pipeline = new QTableView(pipeline);
    m_pipeline->setModel(m_pipelineModel);
    m_pipeline->verticalHeader()->hide();
    m_pipeline->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_pipeline->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_pipeline->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_pipeline->horizontalHeader()->setSectionResizeMode(core::RiskPipelineModel::Reason, QHeaderView::Stretch);
    layout->addWidget(m_pipelineTitle);
    layout->addWidget(m_pipeline, 1);
    m_funnel = new FunnelAlertsPanel(m_bottomTabs);
    m_loop = new RiskLoopView(m_bottomTabs);
    m_bottomTabs->addTab(pipeline, QString());
    m_bottomTabs->addTab(m_funnel, QString());
    m_bottomTabs->addTab(m_loop, QString());
    connect(m_funnel, &FunnelAlertsPanel::shownChanged, this, [this](int shown) {
        m_bottomTabs->setTabText(1, shown > 0 ? tr("Funnel alerts (%1)").arg(shown) : tr("Funnel alerts"));
    });
    connect(m_funnel, &FunnelAlertsPanel::message, this, &RiskPage::message);
    return m_bottomTabs;
}

void RiskPage::retranslateUi()
{
    m_title->setText(tr("Risk"));
    m_print->setText(tr("Print…"));
    m_pdf->setText(tr("PDF…"));
    m_pdf->setToolTip(tr("Save the lists shown as a PDF for the Monday meeting"));
    m_xlsx->setText(tr("Excel…"));
    m_csv->setText(tr("CSV…"));
    m_rules->setText(tr("Next steps…"));
    m_rules->setToolTip(tr("Your company's next step for each risk reason"));
    m_pipelineTitle->setText(tr("Every open deal and order, riskiest first. Outcome in four weeks: lost, or still open "
                                "past the expected close date; an order: cancelled, or shipped after its due date."));
    m_bottomTabs->setTabText(0, tr("Whole open pipeline"));
    m_funnel->retranslate();
    m_bottomTabs->setTabText(2, tr("Follow-up by manager"));
    m_loop->retranslate();
    m_week->setText(weekText());
    fillFilters();
    m_listModel->retranslate();
    m_pipelineModel->retranslate();
    m_trend->retranslate();
}

QString RiskPage::weekText() const
{
    if (!m_controller->hasStore())
        return tr("No database is open.");
    const QDate monday = m_controller->monday();
    if (!m_data)
        return tr("Week %1 (Monday %2)").arg(core::isoWeekOf(monday), core::displayDate(monday));
    qint64 madeAt = 0;
    bool byServer = false;
    for (const core::RiskSnapshot &snapshot : m_data->snapshots) {
        madeAt = std::max(madeAt, snapshot.madeAt);
        byServer = byServer || snapshot.madeBy == QLatin1String("server");
    }
    const QString made = QLocale().toString(QDateTime::fromMSecsSinceEpoch(madeAt).toLocalTime(), QLocale::ShortFormat);
    return (byServer ? tr("Week %1 (Monday %2): lists made by the server at %3")
                     : tr("Week %1 (Monday %2): lists made on this computer at %3"))
        .arg(m_data->isoWeek, core::displayDate(m_data->monday), made);
}

QString RiskPage::reviewText() const
{
    if (!m_data)
        return {};
    const core::RiskReviewSummary s = core::summariseReviews(m_data->lastWeek, m_region->currentData().toString());
    if (s.entries == 0)
        return tr("Last week: no list was made, so there is nothing to look back on yet.");
    return tr("Last week's %1 deals: %2 won, %3 lost, %4 slipped, %5 back on track. Followed up: %6 of %1; "
              "suggested step taken: %7.")
        .arg(s.entries).arg(s.won).arg(s.lost).arg(s.slipped).arg(s.saved).arg(s.followedUp).arg(s.actedOnSuggestion);
}

void RiskPage::fillFilters()
{
    const QString region = m_region->currentData().toString();
    const QString owner = m_owner->currentData().toString();
    const QSignalBlocker blockRegion(m_region);
    const QSignalBlocker blockOwner(m_owner);
    m_region->clear();
    m_owner->clear();
    m_region->addItem(tr("All regions"), QString());
    m_owner->addItem(tr("All reps"), QString());
    if (m_data) {
        for (const core::RiskSnapshot &snapshot : m_data->snapshots)
            m_region->addItem(core::EnumLabels::dataName(m_data->history->regionNames.value(snapshot.regionId)),
                              snapshot.regionId);
        QMap<QString, QString> owners;  // name → id, sorted by name
        for (const core::RiskScore &score : m_data->assessment.ranked)
            owners.insert(m_data->history->userNames.value(score.row.state.deal->ownerId), score.row.state.deal->ownerId);
        for (auto it = owners.cbegin(); it != owners.cend(); ++it)
            m_owner->addItem(it.key(), it.value());
    }
    m_region->setCurrentIndex(std::max(0, m_region->findData(region)));
    m_owner->setCurrentIndex(std::max(0, m_owner->findData(owner)));
}

void RiskPage::setStore(core::Store *store, const core::StoreInfo &info)
{
    m_controller->setStore(store, info);
    m_funnel->setStore(store);
    m_info = info;
    m_data.reset();
    m_funnel->clear();
    m_loop->clear();
    m_listModel->clear();
    m_pipelineModel->clear();
    m_stale = true;
    retranslateUi();
    if (isVisible())
        start();
}

void RiskPage::clearStore()
{
    m_controller->clearStore();
    m_funnel->setStore(nullptr);
    m_funnel->clear();
    m_loop->clear();
    m_data.reset();
    for (QPushButton *button : {m_print, m_pdf, m_xlsx, m_csv, m_rules})
        button->setEnabled(false);
    m_listModel->clear();
    m_pipelineModel->clear();
    m_stale = true;
    m_progress->hide();
    m_status->clear();
    retranslateUi();
}

void RiskPage::reload()
{
    m_stale = true;
    if (isVisible())
        start();
}

void RiskPage::refreshNow()
{
    if (m_stale && !isLoading())
        start();
}

void RiskPage::showFunnelAlerts()
{
    m_bottomTabs->setCurrentWidget(m_funnel);
}

void RiskPage::showFollowUpByManager()
{
    m_bottomTabs->setCurrentWidget(m_loop);
}

void RiskPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        start();
}

void RiskPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

bool RiskPage::isLoading() const
{
    return m_controller->isRunning();
}

void RiskPage::start()
{
    if (!m_controller->hasStore())
        return;
    m_stale = false;
    m_status->clear();
    m_controller->request();
}

void RiskPage::onPageReady(std::shared_ptr<const core::RiskPageData> ready)
{
    m_data = std::move(ready);
    m_listModel->setLists(m_data->snapshots, m_data->followUps, m_data->history->regionNames);
    m_pipelineModel->setAssessment(m_data->history, m_data->assessment);
    m_actionRules = m_data->actionRules;
    m_listModel->setActionRules(m_actionRules);
    m_funnel->setData(m_data, core::dashboardAsOf(m_info));
    m_loop->setData(m_data);
    retranslateUi();
    applyFilters();
    const core::RiskAssessment &a = m_data->assessment;
    m_status->setText(tr("%1 open deals and orders scored. Models learned from %2 weekly outcomes of your own "
                         "deals and orders (weight: deals %3%, orders %4%); four-week outcome: lost, or still open "
                         "past the expected close date; an order: cancelled, or shipped after its due date.")
                          .arg(a.ranked.size()).arg(a.trainingRows).arg(qRound(a.learnedWeight * 100))
                          .arg(qRound(a.orderLearnedWeight * 100)));
    for (QPushButton *button : {m_print, m_pdf, m_xlsx, m_csv})
        button->setEnabled(!m_data->snapshots.empty());
    m_rules->setEnabled(true);
    Q_EMIT pageShown();
}

void RiskPage::applyFilters()
{
    const QString region = m_region->currentData().toString();
    const QString owner = m_owner->currentData().toString();
    m_listModel->setFilter(region, owner);
    m_pipelineModel->setFilter(region, owner);
    m_review->setText(reviewText());
    m_funnel->setRegion(region);
    if (m_listModel->rowCount() > 0)
        m_list->selectRow(0);
    showSelected();
}

void RiskPage::showSelected()
{
    const core::RiskListEntry *entry = m_listModel->entry(m_list->currentIndex().row());
    const QDate today = core::dashboardAsOf(m_info);
    m_followUp->setEntry(entry, entry ? m_listModel->actionOf(*entry) : QString(),
                         entry ? m_listModel->followUp(entry->id) : std::nullopt, today);
    if (!entry || !m_data) {
        m_trend->clear();
        return;
    }
    m_trend->setTrend(core::riskDealTitle(entry->kind, entry->opportunityName), m_data->trends.value(entry->opportunityId));
}

QString RiskPage::handoutTitle() const
{
    const QString region = m_region->currentIndex() > 0 ? m_region->currentText() : tr("All regions");
    return tr("Top 10 deals at risk, week %1: %2").arg(m_data ? m_data->isoWeek : QString(), region);
}

void RiskPage::chooseExport(ExportKind kind)
{
    static constexpr ExportFormat kFormats[] = {ExportFormat::Pdf, ExportFormat::Xlsx, ExportFormat::Csv};
    const QString path = askExportPath(this, tr("risk-list", "default export file name"), kFormats[int(kind)]);
    if (!path.isEmpty())
        exportTo(kind, path);
}

void RiskPage::exportTo(ExportKind kind, const QString &path)
{
    if (!m_data)
        return;
    const std::vector<core::RiskListEntry> entries = m_listModel->shownEntries();
    QFuture<core::Status> writing;
    switch (kind) {
    case ExportKind::Pdf:
        writing = saveRiskPdf(path, riskListHtml(handoutTitle(), weekText(), entries, m_data->followUps,
                                                  m_data->history->regionNames, m_actionRules));
        break;
    case ExportKind::Xlsx:
        writing = saveXlsx(path, {core::riskListSheet(entries, m_data->history->regionNames, m_actionRules)});
        break;
    case ExportKind::Csv:
        writing = saveCsv(path, core::riskListSheet(entries, m_data->history->regionNames, m_actionRules));
        break;
    }
    core::watchFuture(this, std::move(writing), [this, path](const core::Status &status) {
        if (status)
            Q_EMIT message(tr("Saved %1.").arg(QDir::toNativeSeparators(path)), MessageBar::Level::Information);
        else
            Q_EMIT message(status.error().message, MessageBar::Level::Error);
        Q_EMIT exportFinished(path, status.ok());
    });
}

void RiskPage::print()
{
    if (!m_data)
        return;
    QPrinter printer;
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print the risk list"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    printRiskHtml(&printer, riskListHtml(handoutTitle(), weekText(), m_listModel->shownEntries(), m_data->followUps,
                                         m_data->history->regionNames, m_actionRules));
}

void RiskPage::editActionRules()
{
    RiskRulesDialog dialog(m_actionRules, this);
    if (dialog.exec() == QDialog::Accepted)
        saveActionRules(dialog.changedRules());
}

void RiskPage::saveActionRules(const QHash<QString, QString> &changed)
{
    m_controller->saveActionRules(changed);
}

} // namespace vantage::ui
