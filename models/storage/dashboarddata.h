#pragma once

#include <QDate>
#include <QString>

#include <vector>

namespace vantage::core {

inline constexpr int kDashboardChartMonths = 24;  // months in the sales chart, the current one included
inline constexpr int kDashboardTopCustomers = 10; // rows in the top-customers table

struct DashboardFilter
{
    QString regionId; // empty: every region the database holds
    QDate asOf;       // "today" for the figures
    QString currency; // empty: the currency most records use (there are no exchange rates yet)
};

struct RegionRef
{
    QString id;
    QString name;
};

struct MonthRegionSales
{
    QDate month; // first day of the month
    QString regionId;
    qint64 amountMinor = 0;
};

struct StageSummary
{
    QString code;
    QString name;
    bool closed = false;
    bool won = false;
    qint64 count = 0;       // open stages: all open deals; closed stages: closed in the last 12 months
    qint64 amountMinor = 0;
};

struct CustomerSales
{
    QString accountId;
    QString name;
    QString kind;
    QString regionName;
    qint64 orders = 0;
    qint64 amountMinor = 0;
};

struct DashboardKpis
{
    qint64 salesLast12Minor = 0;
    qint64 salesPrevious12Minor = 0;
    qint64 openPipelineMinor = 0;
    qint64 openPipelineCount = 0;
    qint64 won12 = 0;
    qint64 lost12 = 0;
    qint64 openOrders = 0;
    qint64 openOrdersMinor = 0;
    qint64 overdueInvoices = 0;
    qint64 overdueMinor = 0;
    qint64 otherCurrencyRecords = 0; // orders, opportunities and open invoices in other currencies: not summed
    qint64 recordsInAnyCurrency = 0; // orders and opportunities of every currency (0: an empty database)
};

// Everything the dashboard shows, read in one job on a reader thread.
struct DashboardData
{
    DashboardFilter filter;
    QDate firstMonth; // the chart covers firstMonth .. asOf's month
    std::vector<RegionRef> regions;
    std::vector<MonthRegionSales> salesByMonth;
    std::vector<StageSummary> pipeline;
    std::vector<CustomerSales> topCustomers;
    DashboardKpis kpis;
};

} // namespace vantage::core
