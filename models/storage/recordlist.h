#pragma once

#include "domain/enumlabels.h"

#include <QHash>
#include <QString>
#include <QVariant>

#include <vector>

namespace vantage::core {

// How a list column is stored and shown.
enum class ColumnType {
    Text,
    DataName,  // text from the data that may have a demo translation (region, category)
    Date,      // ISO date text → QDate
    Timestamp, // UTC ms → QDateTime
    Money,     // minor units + currency → Money
    Integer,
    Enum,      // a code with a translated label (stage, status, kind)
};

struct RecordListColumn
{
    QString key;
    const char *title = nullptr; // QT_TRANSLATE_NOOP("vantage::core::RecordList", …)
    QString sql;                 // select and sort expression
    ColumnType type = ColumnType::Text;
    EnumLabels::Kind enumKind = EnumLabels::Kind::Stage;
    QString currencySql; // Money columns only
    QString sortSql;     // when sorting should follow something else than the value (stage order)
    bool nullable = true; // NOT NULL columns sort without the "empty last" term, so an index can serve
};

// A browsable list of one kind of record: its columns, joins, search and filters, as SQL pieces
// that are ours (never user text); user input only ever reaches the statement as bound values.
struct RecordListSpec
{
    QString entity;
    QString from;  // "opportunity o LEFT JOIN account a ON …"
    QString countFrom; // the base table alone ("opportunity o"): counts skip the joins when they can
    QString where; // always-true base condition, e.g. "o.deleted = 0"
    QString idSql;
    QStringList searchSql;           // expressions matched with LIKE
    QHash<QString, QString> filters; // filter key → condition with one ?
    QStringList joinedFilters;       // filter keys whose condition reads a joined table
    std::vector<RecordListColumn> columns;
    int defaultSortColumn = 0;
    Qt::SortOrder defaultSortOrder = Qt::AscendingOrder;

    QString columnTitle(int column) const;
};

struct RecordListQuery
{
    QString search;
    QHash<QString, QString> filters; // key → value; empty values are ignored
    int sortColumn = 0;
    Qt::SortOrder sortOrder = Qt::AscendingOrder;
    int offset = 0;
    int limit = 200;
    bool withTotal = true;
};

struct RecordListPage
{
    int offset = 0;
    qint64 total = -1; // -1 when not asked for
    std::vector<QString> ids;
    std::vector<QVariantList> rows;
};

} // namespace vantage::core
