#include "readqueries.h"

#include "dashboardrepository.h"
#include "recordlistrepository.h"

namespace vantage::core {

QFuture<Result<DashboardData>> loadDashboard(Store &store, const DashboardFilter &filter)
{
    return store.submitRead<Result<DashboardData>>([filter](JobContext &context) -> Result<DashboardData> {
        auto db = context.connection();
        if (!db)
            return db.error();
        return DashboardRepository(db.value()).load(filter);
    }, Store::kInteractivePriority);
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
