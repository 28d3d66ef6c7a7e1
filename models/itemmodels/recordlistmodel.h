#pragma once

#include "storage/recordlist.h"

#include "domain/result.h"

#include <QAbstractTableModel>
#include <QFuture>

#include <functional>

namespace vantage::core {

// A table over a record list that loads pages on demand from a background reader: sorting,
// filtering and searching re-query SQL instead of holding every row in memory.
class RecordListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    using PageLoader = std::function<QFuture<Result<RecordListPage>>(const RecordListQuery &)>;
    static constexpr int kPageSize = 200;
    enum Role { RawValueRole = Qt::UserRole + 1, RecordIdRole };

    RecordListModel(const RecordListSpec &spec, PageLoader loader, QObject *parent = nullptr);

    const RecordListSpec &spec() const { return m_spec; }
    qint64 totalCount() const { return m_total; }
    bool isLoading() const { return m_loading; }
    const RecordListQuery &query() const { return m_query; }

    void setSearch(const QString &text);
    void setFilter(const QString &key, const QString &value);
    // Sets search and every filter at once, then reloads once.
    void setQueryState(const QString &search, const QHash<QString, QString> &filters);
    // Throws away what is loaded and reads the first page again.
    void reload();
    // Headers and labels in the current language (after a language switch).
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    void loadingChanged(bool loading);
    void totalChanged(qint64 total);
    void loadFailed(const QString &message);

private:
    void requestPage(int offset, bool withTotal);
    void applyPage(quint64 generation, const Result<RecordListPage> &page);

    const RecordListSpec &m_spec;
    PageLoader m_loader;
    RecordListQuery m_query;
    std::vector<QString> m_ids;
    std::vector<QVariantList> m_rows;
    qint64 m_total = 0;
    bool m_loading = false;
    quint64 m_generation = 0; // answers to an older query are dropped
};

} // namespace vantage::core
