#pragma once

#include "analytics/funnelalertrules.h"
#include "domain/result.h"

#include <QFuture>
#include <QSqlDatabase>

namespace vantage::core {
class Store;
}

namespace vantage::sync {

// Stores funnel alert rules and acknowledge/mute states as synced records (row and outbox in one
// transaction each).
class FunnelAlertRecorder
{
public:
    explicit FunnelAlertRecorder(QSqlDatabase db) : m_db(std::move(db)) {}

    // A rule without an id is new and gets one; returns the id.
    core::Result<QString> saveRule(const core::FunnelAlertRule &rule) const;
    core::Status removeRule(const QString &ruleId) const;
    // regionId: the alert's region ("" for a company-wide alert), so it syncs to who sees the alert.
    core::Status saveState(const core::FunnelAlertState &state, const QString &regionId) const;

private:
    QSqlDatabase m_db;
};

// What the rules dialog changed: rules to save (new ones without an id) and ids to remove.
struct FunnelRuleChanges
{
    std::vector<core::FunnelAlertRule> saved;
    QStringList removed;
};

// The same on the store's writer thread. The rules come back with their ids.
QFuture<core::Result<std::vector<core::FunnelAlertRule>>> storeFunnelAlertRules(core::Store &store,
                                                                               FunnelRuleChanges changes);
QFuture<core::Status> storeFunnelAlertState(core::Store &store, core::FunnelAlertState state, QString regionId);

} // namespace vantage::sync
