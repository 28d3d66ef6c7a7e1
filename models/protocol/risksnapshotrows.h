#pragma once

#include "namedrow.h"

#include "analytics/risksnapshot.h"

#include <vector>

namespace vantage::core {

// The risk_snapshot and risk_snapshot_entry rows of weekly lists, as a laptop stores them through
// its outbox and the server writes them itself: the same fields either way.
std::vector<NamedRow> riskSnapshotRows(const std::vector<RiskSnapshot> &snapshots);

} // namespace vantage::core
