#include "dashboardrepository.h"

#include "sql.h"

namespace vantage::core {
namespace {

QString iso(const QDate &date)
{
    return date.toString(Qt::ISODate);
}

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
    return QStringLiteral("SELECT s.code, s.name, s.is_closed, s.is_won, count(o.id), coalesce(sum(o.amount_minor), 0) "
                          "FROM pipeline_stage s LEFT JOIN opportunity o ON o.stage_code = s.code AND o.deleted = 0 "
                          "AND o.currency = ? AND (s.is_closed = 0 OR (o.closed_on > ? AND o.closed_on <= ?))%1 "
                          "GROUP BY s.code ORDER BY s.sort_order")
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

Result<DashboardData> DashboardRepository::load(const DashboardFilter &filter) const
{
    DashboardData data;
    data.filter = filter;
    data.firstMonth = monthStart(filter.asOf).addMonths(1 - kChartMonths);
    auto regionList = regions();
    if (!regionList)
        return regionList.error();
    data.regions = std::move(regionList.value());
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
                             withRegion({iso(from), iso(filter.asOf), filter.currency}, filter));
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
                             withRegion({filter.currency, iso(filter.asOf.addYears(-1)), iso(filter.asOf)}, filter));
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
                             withRegion({iso(filter.asOf.addYears(-1)), iso(filter.asOf), filter.currency}, filter));
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
    const QString region = filter.regionId.isEmpty() ? QString() : QStringLiteral(" AND region_id = ?");
    const QString yearAgo = iso(filter.asOf.addYears(-1));
    auto sales = sql.query(QStringLiteral("SELECT coalesce(sum(CASE WHEN order_date > ? THEN total_minor END), 0), "
                                          "coalesce(sum(CASE WHEN order_date <= ? THEN total_minor END), 0) "
                                          "FROM sales_order WHERE deleted = 0 AND currency = ? AND order_date > ? "
                                          "AND order_date <= ?%1").arg(region),
                           withRegion({yearAgo, yearAgo, filter.currency, iso(filter.asOf.addYears(-2)), iso(filter.asOf)}, filter));
    auto orders = sql.query(QStringLiteral("SELECT count(*), coalesce(sum(total_minor), 0), "
                                           "(SELECT count(*) FROM sales_order WHERE deleted = 0 AND currency <> ?%1) "
                                           "FROM sales_order WHERE deleted = 0 AND status = 'open' AND currency = ?%1").arg(region),
                            filter.regionId.isEmpty() ? QVariantList{filter.currency, filter.currency}
                                                      : QVariantList{filter.currency, filter.regionId, filter.currency, filter.regionId});
    auto overdue = sql.query(QStringLiteral("SELECT count(*), coalesce(sum(amount_minor), 0) FROM invoice "
                                            "WHERE deleted = 0 AND status = 'open' AND due_on < ? AND currency = ?%1").arg(region),
                             withRegion({iso(filter.asOf), filter.currency}, filter));
    for (auto *q : {&sales, &orders, &overdue}) {
        if (!*q)
            return q->error();
        q->value().next();
    }
    kpis.salesLast12Minor = sales.value().value(0).toLongLong();
    kpis.salesPrevious12Minor = sales.value().value(1).toLongLong();
    kpis.openOrders = orders.value().value(0).toLongLong();
    kpis.openOrdersMinor = orders.value().value(1).toLongLong();
    kpis.otherCurrencyOrders = orders.value().value(2).toLongLong();
    kpis.overdueInvoices = overdue.value().value(0).toLongLong();
    kpis.overdueMinor = overdue.value().value(1).toLongLong();
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
