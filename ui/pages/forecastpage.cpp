#include "forecastpage.h"

#include "charts/forecastchart.h"
#include "forecastcontroller.h"
#include "exportpath.h"
#include "forecastexport.h"
#include "widgets/forecastmethodpanel.h"
#include "widgets/pagetitle.h"
#include "widgets/taskprogress.h"

#include "analytics/forecaster.h"
#include "domain/enumlabels.h"
#include "domain/futurewatch.h"
#include "itemmodels/displayformat.h"
#include "itemmodels/forecasttablemodel.h"
#include "storage/readqueries.h"

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTableView>

#include <cmath>

namespace vantage::ui {

using core::ForecastGranularity;
using core::ForecastMeasure;
using core::ForecastMethod;

ForecastPage::ForecastPage(QWidget *parent) : QWidget(parent)
{
    m_controller = new ForecastController(this);
    buildUi();
    retranslateUi();
    connect(m_controller, &ForecastController::phaseStarted, this,
            [this](QFutureWatcherBase *watcher, const QString &title) {
                m_progress->track(watcher, title);
                m_status->clear();
            });
    connect(m_controller, &ForecastController::reportReady, this, &ForecastPage::onReport);
    connect(m_controller, &ForecastController::failed, this, [this](const QString &text) {
        m_status->clear();
        Q_EMIT message(text, MessageBar::Level::Error);
    });
    connect(m_controller, &ForecastController::cancelled, this, [this] {
        m_progress->hide();
        m_status->setText(m_report ? tr("Cancelled: the previous forecast is still shown.") : tr("Cancelled."));
    });
}

void ForecastPage::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 8);
    layout->setSpacing(8);
    layout->addLayout(buildHeader());
    layout->addLayout(buildFilters());
    auto *middle = new QHBoxLayout;
    m_chart = new ForecastChart(this);
    m_panel = new ForecastMethodPanel(this);
    middle->addWidget(m_chart, 1);
    middle->addWidget(m_panel);
    layout->addLayout(middle, 3);
    m_model = new core::ForecastTableModel(this);
    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(core::ForecastTableModel::Period, QHeaderView::ResizeToContents);
    m_table->setMinimumHeight(150);
    layout->addWidget(m_table, 2);
}

QLayout *ForecastPage::buildHeader()
{
    auto *header = new QHBoxLayout;
    m_title = createPageTitle(this);
    m_asOf = new QLabel(this);
    m_exportPng = new QPushButton(this);
    m_exportCsv = new QPushButton(this);
    m_exportXlsx = new QPushButton(this);
    header->addWidget(m_title);
    header->addSpacing(12);
    header->addWidget(m_asOf);
    header->addStretch(1);
    for (QPushButton *button : {m_exportPng, m_exportCsv, m_exportXlsx}) {
        button->setEnabled(false);
        header->addWidget(button);
    }
    connect(m_exportPng, &QPushButton::clicked, this, [this] { chooseExport(ExportKind::ChartPng); });
    connect(m_exportCsv, &QPushButton::clicked, this, [this] { chooseExport(ExportKind::Csv); });
    connect(m_exportXlsx, &QPushButton::clicked, this, [this] { chooseExport(ExportKind::Xlsx); });
    return header;
}

QLayout *ForecastPage::buildFilters()
{
    auto *filters = new QHBoxLayout;
    for (QComboBox **combo : {&m_measure, &m_region, &m_member, &m_granularity, &m_method}) {
        *combo = new QComboBox(this);
        (*combo)->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        filters->addWidget(*combo);
    }
    m_progress = new TaskProgress(this);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    filters->addWidget(m_status, 1);
    filters->addWidget(m_progress);
    for (QComboBox *combo : {m_measure, m_granularity, m_method})
        connect(combo, &QComboBox::currentIndexChanged, this, [this] { start(); });
    connect(m_region, &QComboBox::currentIndexChanged, this, [this] {
        fillMemberFilter();
        showNode();
    });
    connect(m_member, &QComboBox::currentIndexChanged, this, [this] { showNode(); });
    return filters;
}

void ForecastPage::retranslateUi()
{
    m_title->setText(tr("Forecast"));
    m_exportPng->setText(tr("Save chart…"));
    m_exportPng->setToolTip(tr("Save the chart as a PNG image"));
    m_exportCsv->setText(tr("Export CSV…"));
    m_exportCsv->setToolTip(tr("Save the table as a CSV file"));
    m_exportXlsx->setText(tr("Export Excel…"));
    m_exportXlsx->setToolTip(tr("Save the table and the accuracy as an Excel workbook"));
    m_measure->setToolTip(tr("What to forecast: order revenue (by region and product category) or the value of won deals (by region and sales rep)"));
    m_region->setToolTip(tr("Show one region or all regions (no refitting)"));
    m_member->setToolTip(tr("Show one product category or sales rep (no refitting)"));
    m_asOf->setText(m_hasStore ? tr("as of %1").arg(core::displayDate(core::dashboardAsOf(m_info))) : QString());
    fillStaticFilters();
    fillNodeFilters();
    m_model->retranslate();
    showNode();
}

void ForecastPage::fillStaticFilters()
{
    const auto refill = [](QComboBox *combo, const QList<std::pair<QString, int>> &items) {
        const QSignalBlocker block(combo);
        const int current = std::max(0, combo->currentIndex());
        combo->clear();
        for (const auto &[text, value] : items)
            combo->addItem(text, value);
        combo->setCurrentIndex(current);
    };
    refill(m_measure, {{tr("Orders"), int(ForecastMeasure::Orders)}, {tr("Won deals"), int(ForecastMeasure::WonDeals)}});
    m_measure->setItemData(0, tr("Order revenue by region and product category"), Qt::ToolTipRole);
    m_measure->setItemData(1, tr("Value of won deals by region and sales rep"), Qt::ToolTipRole);
    refill(m_granularity, {{tr("Monthly"), int(ForecastGranularity::Month)},
                           {tr("Quarterly"), int(ForecastGranularity::Quarter)}});
    refill(m_method, {{tr("Automatic"), int(ForecastMethod::Auto)},
                      {tr("ETS"), int(ForecastMethod::Ets)},
                      {tr("Theta"), int(ForecastMethod::Theta)},
                      {tr("Seasonal naive"), int(ForecastMethod::SeasonalNaive)},
                      {tr("Croston"), int(ForecastMethod::Croston)},
                      {tr("Combination"), int(ForecastMethod::Combination)}});
}

// Regions and members come from the report shown; the selection is kept where it still exists.
void ForecastPage::fillNodeFilters()
{
    {
        const QSignalBlocker block(m_region);
        const QString current = m_region->currentData().toString();
        m_region->clear();
        m_region->addItem(tr("All regions"), QString());
        if (m_report)
            for (const core::ForecastDimension &region : m_report->regions)
                m_region->addItem(core::EnumLabels::dataName(region.name), region.id);
        m_region->setCurrentIndex(std::max(0, m_region->findData(current)));
    }
    fillMemberFilter();
}

void ForecastPage::fillMemberFilter()
{
    const QSignalBlocker block(m_member);
    const QString current = m_member->currentData().toString();
    const QString region = m_region->currentData().toString();
    const bool reps = m_report && m_report->request.measure == ForecastMeasure::WonDeals;
    m_member->clear();
    m_member->addItem(reps ? tr("All sales reps") : tr("All categories"), QString());
    if (m_report)
        for (const core::ForecastDimension &member : m_report->members)
            if (!reps || region.isEmpty() || member.regionId == region)
                m_member->addItem(reps ? member.name : core::EnumLabels::dataName(member.name), member.id);
    m_member->setCurrentIndex(std::max(0, m_member->findData(current)));
}

void ForecastPage::setStore(core::Store *store, const core::StoreInfo &info)
{
    m_controller->setStore(store, info);
    m_info = info;
    m_hasStore = true;
    m_report.reset();
    m_stale = true;
    retranslateUi();
    if (isVisible())
        start();
}

void ForecastPage::clearStore()
{
    m_controller->clearStore();
    m_hasStore = false;
    m_report.reset();
    m_stale = true;
    m_progress->hide();
    m_status->clear();
    retranslateUi();
}

void ForecastPage::reload()
{
    m_controller->forgetInput();
    m_stale = true;
    if (isVisible())
        start();
}

void ForecastPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        start();  // a newer request supersedes one still running
}

void ForecastPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

bool ForecastPage::isLoading() const
{
    return m_controller->isRunning();
}

QString ForecastPage::statusText() const
{
    return m_status->text();
}

void ForecastPage::start()
{
    if (!m_controller->hasStore())
        return;
    m_stale = false;
    core::ForecastRequest request;
    request.measure = ForecastMeasure(m_measure->currentData().toInt());
    request.granularity = ForecastGranularity(m_granularity->currentData().toInt());
    request.method = ForecastMethod(m_method->currentData().toInt());
    m_controller->request(request);
}

void ForecastPage::onReport(const core::ForecastReport &report)
{
    m_report = report;
    m_status->clear();
    fillNodeFilters();
    showNode();
    Q_EMIT reportShown();
}

const core::ForecastNode *ForecastPage::shownNode() const
{
    return m_report ? m_report->node(m_region->currentData().toString(), m_member->currentData().toString()) : nullptr;
}

void ForecastPage::showNode()
{
    const core::ForecastNode *node = shownNode();
    for (QPushButton *button : {m_exportPng, m_exportCsv, m_exportXlsx})
        button->setEnabled(node != nullptr);
    if (!node) {
        m_chart->clear(m_report ? tr("No sales for this selection") : QString());
        m_panel->clear();
        m_model->clear();
        return;
    }
    m_chart->setData(*m_report, *node, chartTitle(), measureLabel());
    m_panel->setNode(*m_report, *node);
    m_model->setNode(*m_report, node);
}

QString ForecastPage::nodeName() const
{
    const bool anyRegion = m_region->currentIndex() <= 0;
    const bool anyMember = m_member->currentIndex() <= 0;
    if (anyRegion && anyMember)
        return tr("all regions");
    if (anyMember)
        return m_region->currentText();
    if (anyRegion)
        return tr("%1, all regions", "a product category or rep across regions").arg(m_member->currentText());
    return tr("%1 · %2", "region · category or rep").arg(m_region->currentText(), m_member->currentText());
}

QString ForecastPage::measureLabel() const
{
    return m_report && m_report->request.measure == ForecastMeasure::WonDeals ? tr("Won deal value") : tr("Sales");
}

QString ForecastPage::chartTitle() const
{
    const bool deals = m_report && m_report->request.measure == ForecastMeasure::WonDeals;
    return deals ? tr("Won deal value forecast: %1").arg(nodeName()) : tr("Order revenue forecast: %1").arg(nodeName());
}

void ForecastPage::chooseExport(ExportKind kind)
{
    static constexpr ExportFormat kFormats[] = {ExportFormat::Png, ExportFormat::Csv, ExportFormat::Xlsx};
    const QString path = askExportPath(this, tr("forecast", "default export file name"), kFormats[int(kind)]);
    if (!path.isEmpty())
        exportTo(kind, path);
}

namespace {

core::TableCell decimal(double value, int digits)
{
    return std::isfinite(value) ? core::TableCell::number(QString::number(value, 'f', digits)) : core::TableCell::empty();
}

} // namespace

void ForecastPage::exportTo(ExportKind kind, const QString &path)
{
    const core::ForecastNode *node = shownNode();
    if (!node)
        return;
    QFuture<core::Status> writing;
    if (kind == ExportKind::ChartPng) {
        writing = savePng(path, m_chart->image().toImage()); // drawn here, encoded and written off the GUI thread
    } else {
        core::TableSheet table = m_model->sheet(tr("Forecast"));
        if (kind == ExportKind::Csv) {
            writing = saveCsv(path, std::move(table));
        } else {
            core::TableSheet about;
            about.name = tr("Method");
            about.headers = {tr("Item"), tr("Value")};
            const core::ForecastAccuracy &a = node->backtest;
            about.rows = {{core::TableCell::text(tr("Forecast")), core::TableCell::text(chartTitle())},
                          {core::TableCell::text(tr("Method")), core::TableCell::text(core::Forecaster::translatedMethod(node->forecast.method))},
                          {core::TableCell::text(tr("Backtest origins")), decimal(node->backtestOrigins, 0)},
                          {core::TableCell::text(tr("MASE")), decimal(a.mase, 3)},
                          {core::TableCell::text(tr("sMAPE (%)")), decimal(a.smape, 1)},
                          {core::TableCell::text(tr("Bias (%)")), decimal(a.bias, 1)},
                          {core::TableCell::text(tr("Actuals inside the 80% band (%)")), decimal(a.coverage80, 1)},
                          {core::TableCell::text(tr("Actuals inside the 95% band (%)")), decimal(a.coverage95, 1)}};
            writing = saveXlsx(path, {std::move(table), std::move(about)});
        }
    }
    core::watchFuture(this, std::move(writing), [this, path](const core::Status &status) {
        if (status)
            Q_EMIT message(tr("Saved %1.").arg(QDir::toNativeSeparators(path)), MessageBar::Level::Information);
        else
            Q_EMIT message(status.error().message, MessageBar::Level::Error);
        Q_EMIT exportFinished(path, status.ok());
    });
}

} // namespace vantage::ui
