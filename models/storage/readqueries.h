#pragma once

#include "dashboarddata.h"
#include "recordlist.h"
#include "store.h"

#include "domain/result.h"

#include <QFuture>

namespace vantage::core {

// The app's read operations, each run on one of the store's reader threads.
QFuture<Result<DashboardData>> loadDashboard(Store &store, const DashboardFilter &filter);
QFuture<Result<RecordListPage>> fetchRecordList(Store &store, const RecordListSpec &spec, const RecordListQuery &query);

} // namespace vantage::core
