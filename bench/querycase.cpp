#include "querycase.h"

#include "itemmodels/recordlistmodel.h"
#include "storage/dashboardrepository.h"
#include "storage/recordlistrepository.h"
#include "storage/recordlistspecs.h"

namespace vantage::bench {

using core::DashboardRepository;
using core::Status;

namespace {

// Results are dropped: only the cost of producing them counts.
template<typename R>
Status statusOf(const R &result)
{
    return result ? Status() : Status(result.error());
}

QueryCase listCase(const QSqlDatabase &db, const QString &key, const QString &label, const core::RecordListSpec &spec)
{
    // The first page exactly as RecordListModel asks for it when a list opens: default sort,
    // one page, with the total count.
    core::RecordListQuery query;
    query.sortColumn = spec.defaultSortColumn;
    query.sortOrder = spec.defaultSortOrder;
    query.limit = core::RecordListModel::kPageSize;
    query.withTotal = true;
    return {key, label, false, [db, &spec, query] { return statusOf(core::RecordListRepository(db).fetch(spec, query)); }};
}

} // namespace

std::vector<QueryCase> dashboardQueryCases(const QSqlDatabase &db, const core::DashboardFilter &requested,
                                           const QString &oneRegionId)
{
    const DashboardRepository repo(db);
    // The single queries get the filter load() settles on (it may choose the reporting currency),
    // so each runs with exactly the values it has inside the dashboard's load.
    auto loaded = repo.load(requested);
    const core::DashboardFilter filter = loaded ? loaded.value().filter : requested;
    // The same first month DashboardRepository::load uses for the chart.
    const QDate firstMonth = QDate(filter.asOf.year(), filter.asOf.month(), 1).addMonths(1 - DashboardRepository::kChartMonths);
    auto stages = repo.pipeline(filter);
    const std::vector<core::StageSummary> pipeline = stages ? stages.value() : std::vector<core::StageSummary>{};
    core::DashboardFilter regionFilter = requested;
    regionFilter.regionId = oneRegionId;

    std::vector<QueryCase> cases{
        {QStringLiteral("regions"), QStringLiteral("Regions (filter list)"), true, [repo] { return statusOf(repo.regions()); }},
        {QStringLiteral("reporting_currency"), QStringLiteral("Reporting currency (the one most records use)"), true,
         [repo, requested] { return statusOf(repo.reportingCurrency(requested)); }},
        {QStringLiteral("sales_by_month"), QStringLiteral("Sales by month and region, 24 months"), true,
         [repo, filter, firstMonth] { return statusOf(repo.salesByMonth(filter, firstMonth)); }},
        {QStringLiteral("pipeline"), QStringLiteral("Pipeline by stage"), true, [repo, filter] { return statusOf(repo.pipeline(filter)); }},
        {QStringLiteral("top_customers"), QStringLiteral("Top 10 customers, 12 months"), true,
         [repo, filter] { return statusOf(repo.topCustomers(filter)); }},
        {QStringLiteral("kpis"), QStringLiteral("KPI tiles"), true,
         [repo, filter, pipeline] {
             core::DashboardKpis kpis;
             return repo.fillKpis(filter, pipeline, kpis);
         }},
        // As the app asks for it: the requested filter, so load() settles the currency itself.
        {QStringLiteral("dashboard_load"), QStringLiteral("Whole dashboard load"), true,
         [repo, requested] { return statusOf(repo.load(requested)); }},
    };
    if (!oneRegionId.isEmpty())
        cases.push_back({QStringLiteral("dashboard_load_region"), QStringLiteral("Whole dashboard load, one region"), true,
                         [repo, regionFilter] { return statusOf(repo.load(regionFilter)); }});
    cases.push_back(listCase(db, QStringLiteral("list_opportunities"), QStringLiteral("Opportunities list, first page + count"),
                             core::opportunityListSpec()));
    cases.push_back(listCase(db, QStringLiteral("list_orders"), QStringLiteral("Orders list, first page + count"),
                             core::orderListSpec()));
    cases.push_back(listCase(db, QStringLiteral("list_customers"), QStringLiteral("Customers list, first page + count"),
                             core::customerListSpec()));
    return cases;
}

} // namespace vantage::bench
