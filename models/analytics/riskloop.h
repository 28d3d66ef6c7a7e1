#pragma once

#include "riskhistory.h"
#include "risksnapshot.h"

#include <QHash>
#include <QStringList>

#include <vector>

namespace vantage::core {

// How one regional manager's lists were worked over recent weeks: of the entries on the lists of
// the manager's regions, how many got a follow-up and in how many the suggested step was taken.
struct RiskLoopRow
{
    QString managerId;        // "" = regions without a regional manager
    QString managerName;
    QStringList regionIds;
    int lists = 0;
    int entries = 0;
    int followedUp = 0;       // a status other than "to do" was recorded
    int actedOnSuggestion = 0;

    double followUpRate() const { return entries > 0 ? double(followedUp) / entries : 0.0; }
    double actedRate() const { return entries > 0 ? double(actedOnSuggestion) / entries : 0.0; }
};

constexpr int kRiskLoopWeeks = 8;  // this week and the seven before

// One row per regional manager (by name; a region with two managers counts for both), then one
// for the regions that have none, if they had lists. followUps: by entry id.
std::vector<RiskLoopRow> riskLoopByManager(const std::vector<RiskSnapshot> &lists,
                                           const QHash<QString, RiskFollowUp> &followUps, const RiskHistory &history);

} // namespace vantage::core
