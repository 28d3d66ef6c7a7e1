#include "recordlistmodel.h"

#include "displayformat.h"

#include <QFutureWatcher>

namespace vantage::core {

RecordListModel::RecordListModel(const RecordListSpec &spec, PageLoader loader, QObject *parent)
    : QAbstractTableModel(parent), m_spec(spec), m_loader(std::move(loader))
{
    m_query.sortColumn = spec.defaultSortColumn;
    m_query.sortOrder = spec.defaultSortOrder;
    m_query.limit = kPageSize;
}

void RecordListModel::setSearch(const QString &text)
{
    if (text == m_query.search)
        return;
    m_query.search = text;
    reload();
}

void RecordListModel::setFilter(const QString &key, const QString &value)
{
    if (m_query.filters.value(key) == value)
        return;
    m_query.filters.insert(key, value);
    reload();
}

void RecordListModel::setQueryState(const QString &search, const QHash<QString, QString> &filters)
{
    m_query.search = search;
    m_query.filters = filters;
    reload();
}

void RecordListModel::reload()
{
    ++m_generation;
    // Loading from the start: views that ask for more during the reset get nothing twice.
    m_loading = true;
    beginResetModel();
    m_ids.clear();
    m_rows.clear();
    m_total = 0;
    endResetModel();
    requestPage(0, true);
}

void RecordListModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

void RecordListModel::requestPage(int offset, bool withTotal)
{
    RecordListQuery query = m_query;
    query.offset = offset;
    query.withTotal = withTotal;
    m_loading = true;
    Q_EMIT loadingChanged(true);
    auto *watcher = new QFutureWatcher<Result<RecordListPage>>(this);
    const quint64 generation = m_generation;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (watcher->future().resultCount() == 0)
            return;
        applyPage(generation, watcher->result());
    });
    watcher->setFuture(m_loader(query));
}

void RecordListModel::applyPage(quint64 generation, const Result<RecordListPage> &page)
{
    if (generation != m_generation)
        return;
    if (!page) {
        m_loading = false;
        Q_EMIT loadingChanged(false);
        Q_EMIT loadFailed(page.error().message);
        return;
    }
    const RecordListPage &p = page.value();
    if (p.offset == static_cast<int>(m_rows.size())) {
        if (p.total >= 0 && p.total != m_total) {
            m_total = p.total;
            Q_EMIT totalChanged(m_total);
        }
        if (!p.rows.empty()) {
            const int first = static_cast<int>(m_rows.size());
            beginInsertRows({}, first, first + static_cast<int>(p.rows.size()) - 1);
            m_ids.insert(m_ids.end(), p.ids.begin(), p.ids.end());
            m_rows.insert(m_rows.end(), p.rows.begin(), p.rows.end());
            endInsertRows();
        }
    }
    // Still "loading" while rows are inserted, so nobody asks for the same page again meanwhile;
    // announced after the rows are in, so views can size columns to them.
    m_loading = false;
    Q_EMIT loadingChanged(false);
}

int RecordListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int RecordListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_spec.columns.size());
}

QVariant RecordListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto row = static_cast<size_t>(index.row());
    const RecordListColumn &column = m_spec.columns.at(static_cast<size_t>(index.column()));
    const QVariant &value = m_rows.at(row).at(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(column, value);
    case Qt::TextAlignmentRole:
        if (column.type == ColumnType::Money || column.type == ColumnType::Integer)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case RawValueRole:
        return value;
    case RecordIdRole:
        return m_ids.at(row);
    default:
        return {};
    }
}

QVariant RecordListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole)
        return m_spec.columnTitle(section);
    return {};
}

void RecordListModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= columnCount())
        return;
    if (column == m_query.sortColumn && order == m_query.sortOrder)
        return;
    m_query.sortColumn = column;
    m_query.sortOrder = order;
    reload();
}

bool RecordListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_loading && static_cast<qint64>(m_rows.size()) < m_total;
}

void RecordListModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        requestPage(static_cast<int>(m_rows.size()), false);
}

} // namespace vantage::core
