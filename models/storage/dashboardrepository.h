#pragma once

#include "dashboarddata.h"

#include "domain/result.h"

#include <QSqlDatabase>

namespace vantage::core {

// The dashboard's figures, straight from SQL aggregates (see docs/benchmarks.md for their cost).
class DashboardRepository
{
public:
    static constexpr int kChartMonths = kDashboardChartMonths;
    static constexpr int kTopCustomers = kDashboardTopCustomers;

    explicit DashboardRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    Result<DashboardData> load(const DashboardFilter &filter) const;

    Result<QString> reportingCurrency(const DashboardFilter &filter) const;
    Result<std::vector<RegionRef>> regions() const;
    Result<std::vector<MonthRegionSales>> salesByMonth(const DashboardFilter &filter, const QDate &from) const;
    Result<std::vector<StageSummary>> pipeline(const DashboardFilter &filter) const;
    Result<std::vector<CustomerSales>> topCustomers(const DashboardFilter &filter) const;
    Status fillKpis(const DashboardFilter &filter, const std::vector<StageSummary> &pipeline, DashboardKpis &kpis) const;

    // The SQL texts, public so the benchmark can run the very same statements in the sqlite3 shell.
    static QString salesByMonthSql(bool byRegion);
    static QString pipelineSql(bool byRegion);
    static QString topCustomersSql(bool byRegion);

private:
    Result<DashboardData> loadInTransaction(const DashboardFilter &requested) const;

    QSqlDatabase m_db;
};

} // namespace vantage::core
