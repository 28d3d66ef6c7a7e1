#pragma once

#include "analytics/risksnapshot.h"
#include "domain/result.h"

#include <QSqlDatabase>

namespace vantage::core {

// Reads the stored weekly risk lists, their follow-ups and the company's next-action rules.
class RiskSnapshotRepository
{
public:
    explicit RiskSnapshotRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    // Every region's list of an ISO week, entries in rank order.
    Result<std::vector<RiskSnapshot>> snapshotsOf(const QString &isoWeek) const;
    // Follow-ups of the entries of an ISO week, by entry id.
    Result<QHash<QString, RiskFollowUp>> followUpsOf(const QString &isoWeek) const;
    // Reason code → the company's own next-action text.
    Result<QHash<QString, QString>> actionRules() const;

private:
    Status readEntries(RiskSnapshot &snapshot) const;

    QSqlDatabase m_db;
};

} // namespace vantage::core
