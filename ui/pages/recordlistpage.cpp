#include "recordlistpage.h"

#include "domain/enumlabels.h"
#include "itemmodels/recordlistmodel.h"
#include "storage/readqueries.h"

#include "widgets/pagetitle.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTimer>

namespace vantage::ui {

RecordListPage::RecordListPage(const core::RecordListSpec &spec, QStringList filterKeys, QWidget *parent)
    : QWidget(parent), m_spec(spec), m_filterKeys(std::move(filterKeys))
{
    buildUi();
}

void RecordListPage::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    auto *header = new QHBoxLayout;
    m_title = createPageTitle(this);
    header->addWidget(m_title);
    header->addStretch(1);
    m_count = new QLabel(this);
    header->addWidget(m_count);
    layout->addLayout(header);

    auto *tools = new QHBoxLayout;
    m_search = new QLineEdit(this);
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(280);
    tools->addWidget(m_search, 1);
    for (const QString &key : std::as_const(m_filterKeys)) {
        auto *combo = new QComboBox(this);
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        m_filters.emplace_back(key, combo);
        tools->addWidget(combo);
        connect(combo, &QComboBox::currentIndexChanged, this, [this, combo] {
            if (!combo->signalsBlocked())
                applyQuery();
        });
    }
    layout->addLayout(tools);

    m_view = new QTableView(this);
    m_view->setSortingEnabled(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionsMovable(true);
    layout->addWidget(m_view, 1);

    // Wait until typing pauses before asking the database again.
    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, &RecordListPage::applyQuery);
}

void RecordListPage::setStore(core::Store *store)
{
    m_store = store;
    delete m_model;
    m_model = nullptr;
    // Region ids belong to a database: a new store starts with all regions until its list arrives.
    setRegions({});
    m_columnsSized = false;
    m_model = new core::RecordListModel(m_spec, [this](const core::RecordListQuery &query) {
        return core::fetchRecordList(*m_store, m_spec, query);
    }, this);
    m_view->setModel(m_model);
    m_view->horizontalHeader()->setSortIndicator(m_spec.defaultSortColumn, m_spec.defaultSortOrder);
    connect(m_model, &core::RecordListModel::loadFailed, this, [this](const QString &message) {
        Q_EMIT failed(tr("%1: %2", "page title: error message").arg(title(), message));
    });
    connect(m_model, &core::RecordListModel::loadingChanged, this, [this](bool loading) {
        updateCount();
        if (!loading) {
            sizeColumnsOnce();
            Q_EMIT loaded();
        }
    });
    connect(m_model, &core::RecordListModel::totalChanged, this, &RecordListPage::updateCount);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &RecordListPage::updateCount);
    m_loaded = false;
    applyQuery();
}

void RecordListPage::applyQuery()
{
    if (!m_model)
        return;
    // A hidden page reads nothing: the dashboard and the page in view get the database first.
    if (!isVisible() && !m_loaded)
        return;
    QHash<QString, QString> filters;
    for (const auto &[key, combo] : m_filters)
        filters.insert(key, combo->currentData().toString());
    if (m_loaded && filters == m_model->query().filters && m_search->text() == m_model->query().search)
        return;
    m_loaded = true;
    m_model->setQueryState(m_search->text(), filters);
}


void RecordListPage::reload()
{
    m_loaded = true;
    if (m_model)
        m_model->reload();
}

void RecordListPage::reloadIfLoaded()
{
    if (m_loaded && m_model)
        m_model->reload();
}

void RecordListPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    sizeColumnsOnce(); // rows read while the page was hidden
    applyQuery();
}

void RecordListPage::sizeColumnsOnce()
{
    // Size columns to the first rows once; later searches and sorts keep the user's widths. Not
    // while the page is hidden: measuring every cell of a page of rows blocks the window for tens
    // of milliseconds, so a list read in the background is sized when it is first shown, before
    // it is painted, to the same rows.
    if (m_columnsSized || !m_model || m_model->rowCount() == 0 || !isVisible())
        return;
    m_view->resizeColumnsToContents();
    m_columnsSized = true;
}

void RecordListPage::clearStore()
{
    m_view->setModel(nullptr);
    delete m_model;
    m_model = nullptr;
    m_store = nullptr;
}

void RecordListPage::setRegions(const std::vector<core::RegionRef> &regions)
{
    m_regions = regions;
    fillFilter(QStringLiteral("region"));
    // The combo may have fallen back to "All regions": the list must filter by what it shows.
    applyQuery();
}

QComboBox *RecordListPage::filter(const QString &key) const
{
    for (const auto &[k, combo] : m_filters)
        if (k == key)
            return combo;
    return nullptr;
}

bool RecordListPage::isLoading() const
{
    return m_model && m_model->isLoading();
}

QString RecordListPage::countText() const
{
    return m_count->text();
}

void RecordListPage::updateCount()
{
    if (!m_model) {
        m_count->clear();
        return;
    }
    const QLocale locale;
    if (m_model->isLoading() && m_model->rowCount() == 0) {
        m_count->setText(tr("Loading…"));
        return;
    }
    if (m_model->totalCount() == 0) {
        m_count->setText(m_search->text().isEmpty() ? tr("No records") : tr("Nothing matches the search"));
        return;
    }
    m_count->setText(tr("%1 of %2 shown", "%1 rows loaded so far, %2 rows that match").arg(locale.toString(m_model->rowCount()), locale.toString(m_model->totalCount())));
}

void RecordListPage::fillFilter(const QString &key)
{
    QComboBox *combo = filter(key);
    if (!combo)
        return;
    const bool first = combo->count() == 0; // the first choice is the default
    const QString current = combo->currentData().toString();
    std::vector<std::pair<QString, QString>> choices;
    if (key == QLatin1String("region")) {
        choices.emplace_back(QString(), tr("All regions"));
        for (const core::RegionRef &region : m_regions)
            choices.emplace_back(region.id, core::EnumLabels::dataName(region.name));
    } else {
        choices = filterChoices(key);
    }
    const QSignalBlocker block(combo);
    combo->clear();
    for (const auto &[value, label] : choices)
        combo->addItem(label, value);
    combo->setCurrentIndex(first ? 0 : std::max(0, combo->findData(current)));
}

void RecordListPage::retranslateUi()
{
    m_title->setText(title());
    m_search->setPlaceholderText(searchPlaceholder());
    for (const auto &entry : m_filters)
        fillFilter(entry.first);
    if (m_model)
        m_model->retranslate();
    updateCount();
}

void RecordListPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace vantage::ui
