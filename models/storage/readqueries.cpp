#include "readqueries.h"

#include "dashboardrepository.h"
#include "recordlistrepository.h"

#include "domain/clock.h"

#include <QCoreApplication>

namespace vantage::core {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::core::ReadQueries)
};
} // namespace

QFuture<Result<DashboardData>> loadDashboard(Store &store, const DashboardFilter &filter)
{
    return store.submitRead<Result<DashboardData>>([filter](JobContext &context) -> Result<DashboardData> {
        auto db = context.connection();
        if (!db)
            return db.error();
        return DashboardRepository(db.value()).load(filter);
    }, Store::kInteractivePriority);
}

QFuture<Result<DashboardData>> loadFirstDashboard(Store &store, QFuture<Result<StoreInfo>> opening)
{
    auto job = [opening, path = store.path()](JobContext &context) mutable -> Result<DashboardData> {
        // A reader may wait for the writer (the writer never waits for a reader). The connection is
        // opened after the open, so it sees the migrated schema.
        opening.waitForFinished();
        if (opening.resultCount() == 0)
            return Error{ErrorCode::Cancelled, Tr::tr("The database was closed before it was open."),
                         QStringLiteral("the open of %1 never ran").arg(path)};
        const Result<StoreInfo> info = opening.result();
        if (!info)
            return info.error();
        auto db = context.connection();
        if (!db)
            return db.error();
        DashboardFilter filter; // all regions, in the currency most records use
        filter.asOf = dashboardAsOf(info.value());
        return DashboardRepository(db.value()).load(filter);
    };
    return store.submitRead<Result<DashboardData>>(std::move(job), Store::kInteractivePriority);
}

QDate dashboardAsOf(const StoreInfo &info)
{
    // The demo's "today" is the day it was built for; a company database lives in real time.
    if (info.kind == DatabaseKind::Demo && info.dataAsOf.isValid())
        return info.dataAsOf;
    return Clock::nowUtc().toLocalTime().date();
}

QFuture<Result<RecordListPage>> fetchRecordList(Store &store, const RecordListSpec &spec, const RecordListQuery &query)
{
    return store.submitRead<Result<RecordListPage>>([&spec, query](JobContext &context) -> Result<RecordListPage> {
        auto db = context.connection();
        if (!db)
            return db.error();
        return RecordListRepository(db.value()).fetch(spec, query);
    });
}

} // namespace vantage::core
