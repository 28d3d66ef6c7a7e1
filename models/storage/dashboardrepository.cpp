#include "dashboardrepository.h"

#include "sql.h"

#include "domain/isodate.h"

namespace vantage::core {
namespace {

QDate monthStart(const QDate &date)
{
    return QDate(date.year(), date.month(), 1);
}

QVariantList withRegion(QVariantList values, const DashboardFilter &filter)
{
    if (!filter.regionId.isEmpty())
        values << filter.regionId;
    return values;
}

QString regionCondition(const DashboardFilter &filter)
{
    return filter.regionId.isEmpty() ? QString() : QStringLiteral(" AND region_id = ?");
}

// First row of a query as a list of 64-bit integers.
Result<std::vector<qint64>> integers(const Sql &sql, const QString &statement, const QVariantList &values, int columns)
{
    auto q = sql.query(statement, values);
    if (!q)
        return q.error();
    std::vector<qint64> row(static_cast<size_t>(columns), 0);
    if (q.value().next())
        for (int i = 0; i < columns; ++i)
            row[static_cast<size_t>(i)] = q.value().value(i).toLongLong();
    return row;
}

// Values for the count query: three "currency <> ?" subqueries, then two totals, each with its region.
QVariantList otherCurrencyValues(const DashboardFilter &filter)
{
    QVariantList values;
    for (int i = 0; i < 3; ++i)
        values = withRegion(values << filter.currency, filter);
    for (int i = 0; i < 2; ++i)
        values = withRegion(values, filter);
    return values;
}

} // namespace

QString DashboardRepository::salesByMonthSql(bool byRegion)
{
    return QStringLiteral("SELECT substr(order_date, 1, 7) AS month, region_id, sum(total_minor) "
                          "FROM sales_order WHERE deleted = 0 AND order_date >= ? AND order_date <= ? "
                          "AND currency = ?%1 GROUP BY month, region_id ORDER BY month, region_id")
        .arg(byRegion ? QStringLiteral(" AND region_id = ?") : QString());
}

QString DashboardRepository::pipelineSql(bool byRegion)
{
    // Open stages count every open deal; closed stages only deals closed in the last 12 months.
    // Aggregated first, then joined to the stages: the reporting index serves the aggregate.
    return QStringLiteral("SELECT s.code, s.name, s.is_closed, s.is_won, coalesce(a.deals, 0), coalesce(a.amount, 0) "
                          "FROM pipeline_stage s LEFT JOIN (SELECT o.stage_code, count(*) AS deals, sum(o.amount_minor) AS amount "
                          "FROM opportunity o JOIN pipeline_stage st ON st.code = o.stage_code "
                          "WHERE o.deleted = 0 AND o.currency = ? AND (st.is_closed = 0 OR (o.closed_on > ? AND o.closed_on <= ?))%1 "
                          "GROUP BY o.stage_code) a ON a.stage_code = s.code WHERE s.deleted = 0 ORDER BY s.sort_order")
        .arg(byRegion ? QStringLiteral(" AND o.region_id = ?") : QString());
}

QString DashboardRepository::topCustomersSql(bool byRegion)
{
    return QStringLiteral("SELECT t.account_id, a.name, a.kind, r.name, t.orders, t.amount FROM "
                          "(SELECT account_id, count(*) AS orders, sum(total_minor) AS amount FROM sales_order "
                          "WHERE deleted = 0 AND order_date > ? AND order_date <= ? AND currency = ?%1 "
                          "GROUP BY account_id ORDER BY amount DESC LIMIT %2) t "
                          "LEFT JOIN account a ON a.id = t.account_id LEFT JOIN region r ON r.id = a.region_id "
                          "ORDER BY t.amount DESC")
        .arg(byRegion ? QStringLiteral(" AND region_id = ?") : QString())
        .arg(kTopCustomers);
}

Result<DashboardData> DashboardRepository::load(const DashboardFilter &requested) const
{
    // One read transaction: every figure comes from the same state of the database.
    const Sql sql(m_db);
    if (auto begin = sql.exec(QStringLiteral("BEGIN")); !begin)
        return begin.error();
    auto data = loadInTransaction(requested);
    if (auto end = sql.exec(QStringLiteral("COMMIT")); !end && data)
        return end.error();
    return data;
}

Result<DashboardData> DashboardRepository::loadInTransaction(const DashboardFilter &requested) const
{
    DashboardData data;
    data.filter = requested;
    data.firstMonth = monthStart(requested.asOf).addMonths(1 - kChartMonths);
    auto regionList = regions();
    if (!regionList)
        return regionList.error();
    data.regions = std::move(regionList.value());
    if (data.filter.currency.isEmpty()) {
        auto currency = reportingCurrency(data.filter);
        if (!currency)
            return currency.error();
        data.filter.currency = currency.value();
    }
    const DashboardFilter &filter = data.filter;
    auto sales = salesByMonth(filter, data.firstMonth);
    if (!sales)
        return sales.error();
    data.salesByMonth = std::move(sales.value());
    auto stages = pipeline(filter);
    if (!stages)
        return stages.error();
    data.pipeline = std::move(stages.value());
    auto customers = topCustomers(filter);
    if (!customers)
        return customers.error();
    data.topCustomers = std::move(customers.value());
    if (auto kpis = fillKpis(filter, data.pipeline, data.kpis); !kpis)
        return kpis.error();
    return data;
}

Result<QString> DashboardRepository::reportingCurrency(const DashboardFilter &filter) const
{
    // Without exchange rates, figures are summed in the currency most orders and deals use.
    const QString region = regionCondition(filter);
    auto q = Sql(m_db).query(QStringLiteral("SELECT currency FROM (SELECT currency FROM sales_order WHERE deleted = 0%1 "
                                            "UNION ALL SELECT currency FROM opportunity WHERE deleted = 0%1) "
                                            "GROUP BY currency ORDER BY count(*) DESC, currency LIMIT 1").arg(region),
                             withRegion(withRegion({}, filter), filter)); // the region twice: one per %1
    if (!q)
        return q.error();
    if (q.value().next())
        return q.value().value(0).toString();
    // No orders or deals yet: the region's own currency.
    auto fallback = Sql(m_db).scalar(QStringLiteral("SELECT currency FROM region WHERE deleted = 0%1 ORDER BY name LIMIT 1")
                                         .arg(filter.regionId.isEmpty() ? QString() : QStringLiteral(" AND id = ?")),
                                     withRegion({}, filter));
    if (!fallback)
        return fallback.error();
    return fallback.value().isValid() ? fallback.value().toString() : QStringLiteral("USD");
}

Result<std::vector<RegionRef>> DashboardRepository::regions() const
{
    auto q = Sql(m_db).query(QStringLiteral("SELECT id, name FROM region WHERE deleted = 0 ORDER BY name"));
    if (!q)
        return q.error();
    std::vector<RegionRef> regions;
    while (q.value().next())
        regions.push_back({q.value().value(0).toString(), q.value().value(1).toString()});
    return regions;
}

Result<std::vector<MonthRegionSales>> DashboardRepository::salesByMonth(const DashboardFilter &filter,
                                                                         const QDate &from) const
{
    auto q = Sql(m_db).query(salesByMonthSql(!filter.regionId.isEmpty()),
                             withRegion({isoDate(from), isoDate(filter.asOf), filter.currency}, filter));
    if (!q)
        return q.error();
    std::vector<MonthRegionSales> rows;
    while (q.value().next())
        rows.push_back({QDate::fromString(q.value().value(0).toString() + QStringLiteral("-01"), Qt::ISODate),
                        q.value().value(1).toString(), q.value().value(2).toLongLong()});
    return rows;
}

Result<std::vector<StageSummary>> DashboardRepository::pipeline(const DashboardFilter &filter) const
{
    auto q = Sql(m_db).query(pipelineSql(!filter.regionId.isEmpty()),
                             withRegion({filter.currency, isoDate(filter.asOf.addYears(-1)), isoDate(filter.asOf)}, filter));
    if (!q)
        return q.error();
    std::vector<StageSummary> rows;
    while (q.value().next()) {
        const QSqlQuery &r = q.value();
        rows.push_back({r.value(0).toString(), r.value(1).toString(), r.value(2).toBool(), r.value(3).toBool(),
                        r.value(4).toLongLong(), r.value(5).toLongLong()});
    }
    return rows;
}

Result<std::vector<CustomerSales>> DashboardRepository::topCustomers(const DashboardFilter &filter) const
{
    auto q = Sql(m_db).query(topCustomersSql(!filter.regionId.isEmpty()),
                             withRegion({isoDate(filter.asOf.addYears(-1)), isoDate(filter.asOf), filter.currency}, filter));
    if (!q)
        return q.error();
    std::vector<CustomerSales> rows;
    while (q.value().next()) {
        const QSqlQuery &r = q.value();
        rows.push_back({r.value(0).toString(), r.value(1).toString(), r.value(2).toString(), r.value(3).toString(),
                        r.value(4).toLongLong(), r.value(5).toLongLong()});
    }
    return rows;
}

Status DashboardRepository::fillKpis(const DashboardFilter &filter, const std::vector<StageSummary> &pipeline,
                                     DashboardKpis &kpis) const
{
    const Sql sql(m_db);
    const QString region = regionCondition(filter);
    const QString yearAgo = isoDate(filter.asOf.addYears(-1));
    auto sales = integers(sql, QStringLiteral("SELECT coalesce(sum(CASE WHEN order_date > ? THEN total_minor END), 0), "
                                              "coalesce(sum(CASE WHEN order_date <= ? THEN total_minor END), 0) "
                                              "FROM sales_order WHERE deleted = 0 AND currency = ? AND order_date > ? "
                                              "AND order_date <= ?%1").arg(region),
                          withRegion({yearAgo, yearAgo, filter.currency, isoDate(filter.asOf.addYears(-2)), isoDate(filter.asOf)}, filter), 2);
    auto orders = integers(sql, QStringLiteral("SELECT count(*), coalesce(sum(total_minor), 0) FROM sales_order "
                                               "WHERE deleted = 0 AND status = 'open' AND currency = ?%1").arg(region),
                           withRegion({filter.currency}, filter), 2);
    auto overdue = integers(sql, QStringLiteral("SELECT count(*), coalesce(sum(amount_minor), 0) FROM invoice "
                                                "WHERE deleted = 0 AND status = 'open' AND due_on < ? AND currency = ?%1").arg(region),
                            withRegion({isoDate(filter.asOf), filter.currency}, filter), 2);
    auto counts = integers(sql, QStringLiteral("SELECT (SELECT count(*) FROM sales_order WHERE deleted = 0 AND currency <> ?%1) "
                                               "+ (SELECT count(*) FROM opportunity WHERE deleted = 0 AND currency <> ?%1) "
                                               "+ (SELECT count(*) FROM invoice WHERE deleted = 0 AND status = 'open' AND currency <> ?%1), "
                                               "(SELECT count(*) FROM sales_order WHERE deleted = 0%1) "
                                               "+ (SELECT count(*) FROM opportunity WHERE deleted = 0%1)").arg(region),
                           otherCurrencyValues(filter), 2);
    for (auto *row : {&sales, &orders, &overdue, &counts})
        if (!*row)
            return row->error();
    kpis.salesLast12Minor = sales.value()[0];
    kpis.salesPrevious12Minor = sales.value()[1];
    kpis.openOrders = orders.value()[0];
    kpis.openOrdersMinor = orders.value()[1];
    kpis.overdueInvoices = overdue.value()[0];
    kpis.overdueMinor = overdue.value()[1];
    kpis.otherCurrencyRecords = counts.value()[0];
    kpis.recordsInAnyCurrency = counts.value()[1];
    for (const StageSummary &s : pipeline) {
        if (!s.closed) {
            kpis.openPipelineCount += s.count;
            kpis.openPipelineMinor += s.amountMinor;
        } else if (s.won) {
            kpis.won12 += s.count;
        } else {
            kpis.lost12 += s.count;
        }
    }
    return {};
}

} // namespace vantage::core
