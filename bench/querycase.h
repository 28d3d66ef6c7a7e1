#pragma once

#include "domain/result.h"
#include "storage/dashboarddata.h"

#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <vector>

namespace vantage::bench {

// One call through our code path (a DashboardRepository or RecordListRepository method) that the
// benchmark times and replays in the sqlite3 shell.
struct QueryCase
{
    QString key;            // file-name friendly: "sales_by_month"
    QString label;          // what the dashboard shows with it
    bool dashboardTarget;   // counts toward the "within 1.5x of the sqlite3 shell" target
    std::function<core::Status()> run;
};

// The dashboard's queries one by one (as DashboardRepository::load runs them), the whole load,
// the load for one region, and the first page of each record list as the app opens it.
std::vector<QueryCase> dashboardQueryCases(const QSqlDatabase &db, const core::DashboardFilter &filter,
                                           const QString &oneRegionId);

} // namespace vantage::bench
