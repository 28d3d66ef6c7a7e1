#pragma once

#include "recordlist.h"

namespace vantage::core {

// The lists the app browses. Filter keys: "region" everywhere, plus "stage"/"state" (open|closed)
// for opportunities, "status" for orders, "kind" for accounts.
const RecordListSpec &opportunityListSpec();
const RecordListSpec &orderListSpec();
const RecordListSpec &customerListSpec();

} // namespace vantage::core
