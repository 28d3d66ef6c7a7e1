#include "recordlistrepository.h"

#include "sql.h"

#include "domain/money.h"

#include <QDateTime>

namespace vantage::core {
namespace {

struct WhereClause
{
    QString sql;
    QVariantList values;
};

WhereClause whereClause(const RecordListSpec &spec, const RecordListQuery &query)
{
    WhereClause where{spec.where, {}};
    for (auto it = query.filters.cbegin(); it != query.filters.cend(); ++it) {
        const QString condition = spec.filters.value(it.key());
        if (condition.isEmpty() || it.value().isEmpty())
            continue;
        where.sql += QStringLiteral(" AND ") + condition;
        where.values << it.value();
    }
    const QString search = query.search.trimmed();
    if (!search.isEmpty() && !spec.searchSql.isEmpty()) {
        QStringList likes;
        for (const QString &expression : spec.searchSql) {
            likes << expression + QStringLiteral(" LIKE ? ESCAPE '\\'");
            where.values << likePattern(search);
        }
        where.sql += QStringLiteral(" AND (") + likes.join(QStringLiteral(" OR ")) + u')';
    }
    return where;
}

QVariant columnValue(const RecordListColumn &column, const QVariant &value, const QVariant &currency)
{
    if (value.isNull())
        return {};
    switch (column.type) {
    case ColumnType::Date:
        return QDate::fromString(value.toString(), Qt::ISODate);
    case ColumnType::Timestamp:
        return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
    case ColumnType::Money: {
        // A currency this version does not know is shown as stored (minor units and code), not hidden.
        const auto parsed = Currency::fromCode(currency.toString());
        return parsed ? QVariant::fromValue(Money(value.toLongLong(), *parsed))
                      : QVariant(QStringLiteral("%1 %2").arg(value.toLongLong()).arg(currency.toString()));
    }
    case ColumnType::Integer:
        return value.toLongLong();
    default:
        return value.toString();
    }
}

} // namespace

QString likePattern(const QString &search)
{
    QString escaped = search;
    escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'%', QStringLiteral("\\%")).replace(u'_', QStringLiteral("\\_"));
    return u'%' + escaped + u'%';
}

Result<RecordListPage> RecordListRepository::fetch(const RecordListSpec &spec, const RecordListQuery &query) const
{
    const WhereClause where = whereClause(spec, query);
    const Sql sql(m_db);
    RecordListPage page;
    page.offset = query.offset;
    if (query.withTotal) {
        // The joins are lookups by unique key: they cannot change the count unless a condition reads them.
        bool needsJoins = !query.search.trimmed().isEmpty() || spec.countFrom.isEmpty();
        for (auto it = query.filters.cbegin(); it != query.filters.cend(); ++it)
            needsJoins = needsJoins || (!it.value().isEmpty() && spec.joinedFilters.contains(it.key()));
        auto total = sql.scalar(QStringLiteral("SELECT count(*) FROM %1 WHERE %2").arg(needsJoins ? spec.from : spec.countFrom, where.sql),
                                where.values);
        if (!total)
            return total.error();
        page.total = total.value().toLongLong();
    }
    QStringList select{spec.idSql};
    for (const RecordListColumn &column : spec.columns)
        select << column.sql << (column.currencySql.isEmpty() ? QStringLiteral("NULL") : column.currencySql);
    const int sortColumn = query.sortColumn >= 0 && query.sortColumn < static_cast<int>(spec.columns.size())
        ? query.sortColumn : spec.defaultSortColumn;
    const QString direction = query.sortOrder == Qt::DescendingOrder ? QStringLiteral("DESC") : QStringLiteral("ASC");
    // NULLs last in either direction; the id makes the order total so pages never overlap.
    const RecordListColumn &sortBy = spec.columns.at(static_cast<size_t>(sortColumn));
    QString sortSql = sortBy.sortSql.isEmpty() ? sortBy.sql : sortBy.sortSql;
    if (sortBy.type == ColumnType::Text || sortBy.type == ColumnType::DataName)
        sortSql += QStringLiteral(" COLLATE NOCASE");
    const QString order = sortBy.nullable ? QStringLiteral("(%1) IS NULL, %1 %2").arg(sortSql, direction)
                                          : QStringLiteral("%1 %2").arg(sortSql, direction);
    const QString statement = QStringLiteral("SELECT %1 FROM %2 WHERE %3 ORDER BY %4, %5 LIMIT ? OFFSET ?")
                                  .arg(select.join(QStringLiteral(", ")), spec.from, where.sql, order, spec.idSql);
    QVariantList values = where.values;
    values << query.limit << query.offset;
    auto q = sql.query(statement, values);
    if (!q)
        return q.error();
    while (q.value().next()) {
        page.ids.push_back(q.value().value(0).toString());
        QVariantList row;
        row.reserve(static_cast<qsizetype>(spec.columns.size()));
        for (size_t c = 0; c < spec.columns.size(); ++c) {
            const int base = 1 + static_cast<int>(c) * 2;
            row << columnValue(spec.columns[c], q.value().value(base), q.value().value(base + 1));
        }
        page.rows.push_back(std::move(row));
    }
    return page;
}

} // namespace vantage::core
