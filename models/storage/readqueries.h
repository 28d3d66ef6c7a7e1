#pragma once

#include "dashboarddata.h"
#include "recordlist.h"
#include "store.h"
#include "storeinfo.h"

#include "domain/result.h"

#include <QFuture>

namespace vantage::core {

// The app's read operations, each run on one of the store's reader threads.
QFuture<Result<DashboardData>> loadDashboard(Store &store, const DashboardFilter &filter);
// The figures the dashboard shows first for a database that is still being opened: a reader waits
// for the open and reads them at once, without a turn through the GUI thread.
QFuture<Result<DashboardData>> loadFirstDashboard(Store &store, QFuture<Result<StoreInfo>> opening);
// The dashboard's "today": the day the demo data ends, or the real date for company data.
QDate dashboardAsOf(const StoreInfo &info);
QFuture<Result<RecordListPage>> fetchRecordList(Store &store, const RecordListSpec &spec, const RecordListQuery &query);

} // namespace vantage::core
