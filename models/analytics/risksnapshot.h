#pragma once

#include "risklist.h"

#include <QDate>

namespace vantage::core {

// "2026-W48": the ISO week a day falls in (business weeks start on Monday).
QString isoWeekOf(const QDate &day);
QDate mondayOf(const QDate &day);

enum class FollowUpStatus { Open, Contacted, PlanAgreed, Escalated, Resolved };
QString followUpStatusCode(FollowUpStatus status);  // "open", "contacted", "plan_agreed", …
std::optional<FollowUpStatus> followUpStatusFromCode(const QString &code);
QString followUpStatusLabel(FollowUpStatus status);  // translated

// What the manager did about an entry.
struct RiskFollowUp
{
    QString id;
    QString entryId;
    QString opportunityId;
    FollowUpStatus status = FollowUpStatus::Open;
    QString note;
    QDate dueOn;
    bool actedOnSuggestion = false;
};

// One region's list for one ISO week as stored: made once, then only followed up.
struct RiskSnapshot
{
    QString id;
    QString regionId;
    QString isoWeek;
    QDate asOf;
    qint64 madeAt = 0;
    QString madeBy;           // "client" or "server"
    int openDeals = 0;
    int learnedWeightBp = 0;
    std::vector<RiskListEntry> entries;
};

// Ids derived from region and week (and rank), the same on every machine.
QString riskSnapshotId(const QString &regionId, const QString &isoWeek);
QString riskEntryId(const QString &snapshotId, int rank);
QString riskFollowUpId(const QString &entryId);

} // namespace vantage::core
