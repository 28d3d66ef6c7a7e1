#pragma once

#include <QStringList>

namespace vantage::bench {

// `vantage-bench risk`: how long the risk list takes for a large open pipeline. Loads a database's
// history (RiskRepository), trains the model as assessRisk does for the day after the last stage
// entry, then clones the deals open that day (same events, owners and regions spread over the
// existing ones) until about --deals are open, keeping every original deal, and times, median and
// min over --runs: the week's context and features (riskWeekAt), the scoring, reasons and ranking
// (scoreRiskWeek), and both together. Prints one markdown table, with the peak RSS.
class RiskCommand
{
public:
    static int run(const QStringList &arguments);
};

} // namespace vantage::bench
