#include "dashboardpage.h"

#include "charts/pipelinechart.h"
#include "charts/salesbymonthchart.h"
#include "domain/futurewatch.h"
#include "widgets/kpitile.h"
#include "widgets/quarteroutlookrow.h"

#include "domain/enumlabels.h"
#include "domain/money.h"
#include "domain/percent.h"
#include "itemmodels/displayformat.h"
#include "itemmodels/topcustomersmodel.h"
#include "storage/readqueries.h"

#include "widgets/pagetitle.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QTableView>
#include <QTimer>

namespace vantage::ui {
namespace {

constexpr int kOutlookDelayMs = 1500;

enum Tile { SalesTile, PipelineTile, WinRateTile, OpenOrdersTile, OverdueTile, TileCount };

} // namespace

DashboardPage::DashboardPage(QWidget *parent) : QWidget(parent)
{
    buildUi();
    retranslateUi();
}

void DashboardPage::buildUi()
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll);
    auto *content = new QWidget(scroll);
    scroll->setWidget(content);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(16, 12, 16, 16);
    layout->setSpacing(12);
    layout->addLayout(buildHeader(content));
    m_empty = new QLabel(content);
    m_empty->setWordWrap(true);
    m_empty->hide();
    layout->addWidget(m_empty);
    auto *tiles = new QHBoxLayout;
    for (int i = 0; i < TileCount; ++i) {
        m_tiles.push_back(new KpiTile(content));
        tiles->addWidget(m_tiles.back());
    }
    layout->addLayout(tiles);
    m_outlook = new QuarterOutlookRow(content);
    connect(m_outlook, &QuarterOutlookRow::failed, this, &DashboardPage::failed);
    layout->addWidget(m_outlook);
    auto *charts = new QHBoxLayout;
    m_salesChart = new SalesByMonthChart(content);
    m_pipelineChart = new PipelineChart(content);
    charts->addWidget(m_salesChart, 3);
    charts->addWidget(m_pipelineChart, 2);
    layout->addLayout(charts, 1);
    buildTopCustomers(content, layout);
}

QLayout *DashboardPage::buildHeader(QWidget *content)
{
    auto *header = new QHBoxLayout;
    m_title = createPageTitle(content);
    m_asOf = new QLabel(content);
    m_region = new QComboBox(content);
    m_region->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_refresh = new QPushButton(content);
    m_refresh->setShortcut(QKeySequence::Refresh);
    header->addWidget(m_title);
    header->addSpacing(12);
    header->addWidget(m_asOf);
    header->addStretch(1);
    header->addWidget(m_region);
    header->addWidget(m_refresh);
    connect(m_refresh, &QPushButton::clicked, this, &DashboardPage::refresh);
    connect(m_region, &QComboBox::currentIndexChanged, this, [this] {
        if (m_store && !m_region->signalsBlocked())
            refresh();
    });
    return header;
}

void DashboardPage::buildTopCustomers(QWidget *content, QBoxLayout *layout)
{
    m_topTitle = new QLabel(content);
    QFont sectionFont = m_topTitle->font();
    sectionFont.setBold(true);
    m_topTitle->setFont(sectionFont);
    layout->addWidget(m_topTitle);
    m_topModel = new core::TopCustomersModel(this);
    m_topCustomers = new QTableView(content);
    m_topCustomers->setModel(m_topModel);
    m_topCustomers->verticalHeader()->hide();
    m_topCustomers->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_topCustomers->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_topCustomers->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_topCustomers->horizontalHeader()->setSectionResizeMode(core::TopCustomersModel::Customer, QHeaderView::Stretch);
    m_topCustomers->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_topCustomers->setFixedHeight(m_topCustomers->verticalHeader()->defaultSectionSize()
                                       * (core::kDashboardTopCustomers + 1) + 6);
    layout->addWidget(m_topCustomers);
}

void DashboardPage::retranslateUi()
{
    m_title->setText(tr("Dashboard"));
    m_refresh->setText(tr("Refresh"));
    m_refresh->setToolTip(tr("Read the figures again from the database (F5)"));
    m_region->setToolTip(tr("Show one region or all regions"));
    m_topTitle->setText(tr("Top customers by sales, last 12 months"));
    m_topModel->retranslate();
    fillRegionFilter();
    if (m_hasData)
        showData(m_data);
    else
        showPlaceholders();
}

// Nothing from any database: shown before the first answer and after the store is closed, so
// figures of one database never stay on screen under another.
void DashboardPage::showPlaceholders()
{
    const QStringList captions{tr("Sales, last 12 months"), tr("Open pipeline"), tr("Win rate, last 12 months"),
                               tr("Open orders"), tr("Overdue invoices")};
    for (int i = 0; i < TileCount; ++i) {
        m_tiles[static_cast<size_t>(i)]->setCaption(captions[i]);
        m_tiles[static_cast<size_t>(i)]->setValue(QStringLiteral("…"));
        m_tiles[static_cast<size_t>(i)]->setDetail(QString());
    }
    m_asOf->clear();
    m_empty->hide();
    m_salesChart->setData(core::DashboardData{});
    m_pipelineChart->setData(core::DashboardData{});
    m_topModel->setData(core::DashboardData{});
}

void DashboardPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void DashboardPage::setStore(core::Store *store, const core::StoreInfo &info)
{
    attachStore(store, info);
    refresh();
}

void DashboardPage::setStore(core::Store *store, const core::StoreInfo &info,
                             QFuture<core::Result<core::DashboardData>> firstFigures)
{
    attachStore(store, info);
    watchLoad(std::move(firstFigures));
}

void DashboardPage::attachStore(core::Store *store, const core::StoreInfo &info)
{
    m_store = store;
    m_info = info;
    m_hasData = false;
    m_data = {};
    m_currency.clear();
    m_outlookStale = true;
    fillRegionFilter();
}

void DashboardPage::clearStore()
{
    m_store = nullptr;
    m_hasData = false;
    m_loading = false;
    ++m_loadGeneration;
    m_data = {};
    m_currency.clear();
    m_outlook->clear();
    m_outlookStale = true;
    fillRegionFilter();
    showPlaceholders();
}

void DashboardPage::reloadAll()
{
    m_currency.clear();
    m_outlookStale = true;
    refresh();
}

void DashboardPage::refresh()
{
    if (!m_store)
        return;
    core::DashboardFilter filter;
    filter.asOf = core::dashboardAsOf(m_info);
    filter.regionId = m_region->currentData().toString();
    // Found on the first load of this database and kept: it scans every order and deal.
    filter.currency = m_currency;
    watchLoad(core::loadDashboard(*m_store, filter));
}

void DashboardPage::watchLoad(QFuture<core::Result<core::DashboardData>> load)
{
    m_loading = true;
    m_refresh->setEnabled(false);
    const quint64 generation = ++m_loadGeneration;
    if (load.isFinished() && load.resultCount() > 0) {
        // Read while the window was being built: shown now, in the window's first frame if it is
        // not on screen yet, instead of one event-loop turn later.
        onLoaded(load.result());
        return;
    }
    core::watchFuture(this, std::move(load), [this, generation](const core::Result<core::DashboardData> &result) {
        if (generation == m_loadGeneration) // else the user changed the region (or the database) meanwhile
            onLoaded(result);
    });
}

void DashboardPage::onLoaded(const core::Result<core::DashboardData> &result)
{
    m_loading = false;
    m_refresh->setEnabled(true);
    if (!result) {
        Q_EMIT failed(tr("The dashboard could not be loaded: %1").arg(result.error().message));
        return;
    }
    const bool regionsChanged = result.value().regions.size() != m_data.regions.size();
    m_data = result.value();
    m_currency = m_data.filter.currency;
    m_hasData = true;
    if (regionsChanged) {
        fillRegionFilter();
        Q_EMIT this->regionsChanged(m_data.regions);
    }
    showData(m_data);
    // The outlook is for the whole company: shown with "All regions" only. It is computed when the
    // database opens or changed (sync), not at every refresh, and a moment after the first
    // figures are painted, so its reads and fits never compete with them.
    m_outlook->setVisible(m_data.filter.regionId.isEmpty());
    if (m_store && m_outlookStale && m_data.filter.regionId.isEmpty() && m_data.kpis.recordsInAnyCurrency > 0) {
        m_outlookStale = false;
        QTimer::singleShot(kOutlookDelayMs, m_outlook, [this, store = m_store, asOf = m_data.filter.asOf, currency = m_currency] {
            if (store == m_store)
                m_outlook->load(store, asOf, currency);
        });
    }
    Q_EMIT loaded();
}

void DashboardPage::fillRegionFilter()
{
    const QString current = m_region->currentData().toString();
    const QSignalBlocker block(m_region);
    m_region->clear();
    m_region->addItem(tr("All regions"), QString());
    for (const core::RegionRef &region : m_data.regions)
        m_region->addItem(core::EnumLabels::dataName(region.name), region.id);
    m_region->setCurrentIndex(std::max(0, m_region->findData(current)));
}

void DashboardPage::showData(const core::DashboardData &data)
{
    m_asOf->setText(tr("as of %1").arg(core::displayDate(data.filter.asOf)));
    if (data.kpis.recordsInAnyCurrency == 0) {
        m_empty->setText(tr("This database holds no sales yet. Company data arrives through sync with your "
                            "company's server; until then you can explore the demo database (Settings)."));
        m_empty->show();
    } else if (data.kpis.otherCurrencyRecords > 0) {
        // Without exchange rates, amounts in other currencies cannot be added; say so, visibly.
        m_empty->setText(tr("Amounts are in %1. %Ln orders, opportunities and open invoices in other currencies "
                            "are not included, because no exchange rates are set up.", nullptr,
                            static_cast<int>(data.kpis.otherCurrencyRecords))
                             .arg(data.filter.currency));
        m_empty->show();
    } else {
        m_empty->hide();
    }
    fillTiles();
    m_salesChart->setData(data);
    m_pipelineChart->setData(data);
    m_topModel->setData(data);
}

void DashboardPage::fillTiles()
{
    const core::DashboardKpis &k = m_data.kpis;
    const QLocale locale;
    const core::Currency currency = core::Currency::fromCode(m_data.filter.currency).value_or(core::Currency::usd());
    const auto money = [&](qint64 minor) { return core::Money(minor, currency); };
    KpiTile *sales = m_tiles[SalesTile];
    sales->setCaption(tr("Sales, last 12 months"));
    sales->setValue(money(k.salesLast12Minor).formatCompact(locale), money(k.salesLast12Minor).format(locale));
    sales->setDetail(tr("%1 vs the 12 months before", "%1 is a signed percentage change, e.g. +12.3%")
                         .arg(core::formatPercent(k.salesLast12Minor - k.salesPrevious12Minor, k.salesPrevious12Minor, locale, true)));
    KpiTile *pipeline = m_tiles[PipelineTile];
    pipeline->setCaption(tr("Open pipeline"));
    pipeline->setValue(money(k.openPipelineMinor).formatCompact(locale), money(k.openPipelineMinor).format(locale));
    pipeline->setDetail(tr("%Ln open opportunities", nullptr, static_cast<int>(k.openPipelineCount)));
    KpiTile *winRate = m_tiles[WinRateTile];
    winRate->setCaption(tr("Win rate, last 12 months"));
    winRate->setValue(core::formatPercent(k.won12, k.won12 + k.lost12, locale));
    winRate->setDetail(tr("%1 won, %2 lost").arg(locale.toString(k.won12), locale.toString(k.lost12)));
    KpiTile *orders = m_tiles[OpenOrdersTile];
    orders->setCaption(tr("Open orders"));
    orders->setValue(locale.toString(k.openOrders));
    orders->setDetail(tr("worth %1", "%1 is an amount of money").arg(money(k.openOrdersMinor).format(locale)));
    KpiTile *overdue = m_tiles[OverdueTile];
    overdue->setCaption(tr("Overdue invoices"));
    overdue->setValue(locale.toString(k.overdueInvoices));
    overdue->setDetail(m_info.kind == core::DatabaseKind::Demo
                           ? tr("%1 (derived demo invoices)").arg(money(k.overdueMinor).format(locale))
                           : money(k.overdueMinor).format(locale));
}

} // namespace vantage::ui
