#pragma once

#include "analytics/risklist.h"
#include "exporting/tabledata.h"

namespace vantage::core {

// The weekly list as a table for CSV and Excel: one row per entry, amounts exact, risk as a
// percentage, the reasons in three columns and the next action last.
TableSheet riskListSheet(const std::vector<RiskListEntry> &entries, const QHash<QString, QString> &regionNames,
                         const QHash<QString, QString> &actionRules = {});

// "New", "Up 4 pts", "Down 2 pts", "Unchanged" in the UI language.
QString riskChangeText(const RiskListEntry &entry);

} // namespace vantage::core
