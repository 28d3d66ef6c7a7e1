#include "risksnapshotrepository.h"

#include "sql.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace vantage::core {

namespace {

// Reasons stored by this or a newer version: one the version does not know is left out.
std::vector<RiskReason> reasonsOf(const QString &json)
{
    std::vector<RiskReason> reasons;
    for (const QJsonValue &value : QJsonDocument::fromJson(json.toUtf8()).array())
        if (auto reason = riskReasonFromJson(value.toObject()))
            reasons.push_back(*reason);
    return reasons;
}

} // namespace

Result<std::vector<RiskSnapshot>> RiskSnapshotRepository::snapshotsOf(const QString &isoWeek) const
{
    auto q = Sql(m_db).query(QStringLiteral("SELECT id, region_id, as_of, made_at, made_by, open_deals, learned_weight_bp "
                                            "FROM risk_snapshot WHERE deleted = 0 AND iso_week = ? ORDER BY region_id"),
                             {isoWeek});
    if (!q)
        return q.error();
    std::vector<RiskSnapshot> snapshots;
    while (q.value().next()) {
        const QSqlQuery &row = q.value();
        RiskSnapshot snapshot;
        snapshot.id = row.value(0).toString();
        snapshot.regionId = row.value(1).toString();
        snapshot.isoWeek = isoWeek;
        snapshot.asOf = QDate::fromString(row.value(2).toString(), Qt::ISODate);
        snapshot.madeAt = row.value(3).toLongLong();
        snapshot.madeBy = row.value(4).toString();
        snapshot.openDeals = row.value(5).toInt();
        snapshot.learnedWeightBp = row.value(6).toInt();
        snapshots.push_back(std::move(snapshot));
    }
    for (RiskSnapshot &snapshot : snapshots)
        if (Status read = readEntries(snapshot); !read)
            return read.error();
    return snapshots;
}

Status RiskSnapshotRepository::readEntries(RiskSnapshot &snapshot) const
{
    auto q = Sql(m_db).query(
        QStringLiteral("SELECT id, rank, opportunity_id, opportunity_name, owner_id, owner_name, account_id, account_name, "
                       "stage_code, stage_name, amount_minor, currency, risk_bp, previous_risk_bp, change, reason_codes, "
                       "reasons, action FROM risk_snapshot_entry WHERE deleted = 0 AND snapshot_id = ? ORDER BY rank"),
        {snapshot.id});
    if (!q)
        return q.error();
    while (q.value().next()) {
        const QSqlQuery &row = q.value();
        RiskListEntry entry;
        entry.id = row.value(0).toString();
        entry.rank = row.value(1).toInt();
        entry.opportunityId = row.value(2).toString();
        entry.opportunityName = row.value(3).toString();
        entry.regionId = snapshot.regionId;
        entry.ownerId = row.value(4).toString();
        entry.ownerName = row.value(5).toString();
        entry.accountId = row.value(6).toString();
        entry.accountName = row.value(7).toString();
        entry.stageCode = row.value(8).toString();
        entry.kind = entry.stageCode == kOrderOpenStage ? RiskDealKind::Order : RiskDealKind::Opportunity;
        entry.stageName = row.value(9).toString();
        entry.amountMinor = row.value(10).toLongLong();
        entry.currency = row.value(11).toString();
        entry.riskBp = row.value(12).toInt();
        if (!row.value(13).isNull())
            entry.previousRiskBp = row.value(13).toInt();
        entry.change = riskChangeFromCode(row.value(14).toString()).value_or(RiskChange::New);
        entry.reasons = reasonsOf(row.value(16).toString());
        entry.customAction = row.value(17).toString();
        snapshot.entries.push_back(std::move(entry));
    }
    return {};
}

Result<QHash<QString, RiskFollowUp>> RiskSnapshotRepository::followUpsOf(const QString &isoWeek) const
{
    auto q = Sql(m_db).query(
        QStringLiteral("SELECT f.id, f.entry_id, f.opportunity_id, f.status, f.note, f.due_on, f.acted_on_suggestion "
                       "FROM risk_follow_up f JOIN risk_snapshot_entry e ON e.id = f.entry_id "
                       "JOIN risk_snapshot s ON s.id = e.snapshot_id WHERE f.deleted = 0 AND s.iso_week = ?"),
        {isoWeek});
    if (!q)
        return q.error();
    QHash<QString, RiskFollowUp> followUps;
    while (q.value().next()) {
        const QSqlQuery &row = q.value();
        RiskFollowUp followUp;
        followUp.id = row.value(0).toString();
        followUp.entryId = row.value(1).toString();
        followUp.opportunityId = row.value(2).toString();
        followUp.status = followUpStatusFromCode(row.value(3).toString()).value_or(FollowUpStatus::Open);
        followUp.note = row.value(4).toString();
        followUp.dueOn = QDate::fromString(row.value(5).toString(), Qt::ISODate);
        followUp.actedOnSuggestion = row.value(6).toBool();
        followUps.insert(followUp.entryId, followUp);
    }
    return followUps;
}

Result<QHash<QString, QString>> RiskSnapshotRepository::actionRules() const
{
    auto q = Sql(m_db).query(QStringLiteral("SELECT reason_code, action_text FROM risk_action_rule WHERE deleted = 0 "
                                            "ORDER BY updated_at, id"));
    if (!q)
        return q.error();
    QHash<QString, QString> rules;
    while (q.value().next())
        rules.insert(q.value().value(0).toString(), q.value().value(1).toString());
    return rules;
}

} // namespace vantage::core
