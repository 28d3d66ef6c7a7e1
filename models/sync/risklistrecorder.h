#pragma once

#include "analytics/risksnapshot.h"
#include "domain/result.h"

#include <QFuture>
#include <QSqlDatabase>

namespace vantage::core {
class Store;
}

namespace vantage::sync {

// Stores weekly risk lists and follow-ups as synced records (row and outbox in one transaction).
class RiskListRecorder
{
public:
    explicit RiskListRecorder(QSqlDatabase db) : m_db(std::move(db)) {}

    core::Status saveSnapshots(const std::vector<core::RiskSnapshot> &snapshots) const;
    core::Status saveFollowUp(const core::RiskFollowUp &followUp, const QString &regionId) const;
    core::Status saveActionRule(const QString &reasonCode, const QString &actionText) const;

private:
    QSqlDatabase m_db;
};

// The same on the store's writer thread.
QFuture<core::Status> storeRiskSnapshots(core::Store &store, std::vector<core::RiskSnapshot> snapshots);
QFuture<core::Status> storeRiskFollowUp(core::Store &store, core::RiskFollowUp followUp, QString regionId);
QFuture<core::Status> storeRiskActionRules(core::Store &store, QHash<QString, QString> rules);

} // namespace vantage::sync
