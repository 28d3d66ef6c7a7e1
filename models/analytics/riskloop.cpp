#include "riskloop.h"

#include <QCoreApplication>

#include <algorithm>
#include <map>

namespace vantage::core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::core::RiskLoop)
};

void count(RiskLoopRow &row, const RiskSnapshot &list, const QHash<QString, RiskFollowUp> &followUps)
{
    row.lists += 1;
    for (const RiskListEntry &entry : list.entries) {
        row.entries += 1;
        const auto followUp = followUps.constFind(entry.id);
        if (followUp == followUps.constEnd())
            continue;
        row.followedUp += followUp->status != FollowUpStatus::Open ? 1 : 0;
        row.actedOnSuggestion += followUp->actedOnSuggestion ? 1 : 0;
    }
}

} // namespace

std::vector<RiskLoopRow> riskLoopByManager(const std::vector<RiskSnapshot> &lists,
                                           const QHash<QString, RiskFollowUp> &followUps, const RiskHistory &history)
{
    std::map<QString, RiskLoopRow> byManager;  // ordered by id, sorted by name below
    for (auto it = history.regionManagers.cbegin(); it != history.regionManagers.cend(); ++it)
        for (const QString &manager : *it) {
            RiskLoopRow &row = byManager[manager];
            row.managerId = manager;
            row.managerName = history.userNames.value(manager, manager);
            row.regionIds << it.key();
        }
    RiskLoopRow unmanaged;
    unmanaged.managerName = Tr::tr("No regional manager");
    for (const RiskSnapshot &list : lists) {
        const QStringList managers = history.regionManagers.value(list.regionId);
        for (const QString &manager : managers)
            count(byManager[manager], list, followUps);
        if (managers.isEmpty()) {
            count(unmanaged, list, followUps);
            if (!unmanaged.regionIds.contains(list.regionId))
                unmanaged.regionIds << list.regionId;
        }
    }
    std::vector<RiskLoopRow> rows;
    for (auto &[id, row] : byManager) {
        row.regionIds.sort();
        rows.push_back(std::move(row));
    }
    std::sort(rows.begin(), rows.end(), [](const RiskLoopRow &a, const RiskLoopRow &b) {
        return a.managerName != b.managerName ? a.managerName < b.managerName : a.managerId < b.managerId;
    });
    if (unmanaged.lists > 0)
        rows.push_back(std::move(unmanaged));
    return rows;
}

} // namespace vantage::core
