#include "risksnapshotrows.h"

#include "domain/isodate.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace vantage::core {

namespace {

QString compact(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QJsonValue optionalText(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

QJsonObject snapshotFields(const RiskSnapshot &snapshot)
{
    return {{QStringLiteral("iso_week"), snapshot.isoWeek},
            {QStringLiteral("as_of"), isoDate(snapshot.asOf)},
            {QStringLiteral("made_at"), snapshot.madeAt},
            {QStringLiteral("made_by"), snapshot.madeBy},
            {QStringLiteral("open_deals"), snapshot.openDeals},
            {QStringLiteral("learned_weight_bp"), snapshot.learnedWeightBp}};
}

QJsonObject entryFields(const RiskSnapshot &snapshot, const RiskListEntry &entry)
{
    QJsonArray codes;
    QJsonArray reasons;
    for (const RiskReason &reason : entry.reasons) {
        codes.append(riskFactorCode(reason.factor));
        reasons.append(riskReasonToJson(reason));
    }
    return {{QStringLiteral("snapshot_id"), snapshot.id},
            {QStringLiteral("rank"), entry.rank},
            {QStringLiteral("opportunity_id"), entry.opportunityId},
            {QStringLiteral("opportunity_name"), entry.opportunityName},
            {QStringLiteral("owner_id"), optionalText(entry.ownerId)},
            {QStringLiteral("owner_name"), optionalText(entry.ownerName)},
            {QStringLiteral("account_id"), optionalText(entry.accountId)},
            {QStringLiteral("account_name"), optionalText(entry.accountName)},
            {QStringLiteral("stage_code"), entry.stageCode},
            {QStringLiteral("stage_name"), entry.stageName},
            {QStringLiteral("amount_minor"), entry.amountMinor},
            {QStringLiteral("currency"), entry.currency},
            {QStringLiteral("risk_bp"), entry.riskBp},
            {QStringLiteral("previous_risk_bp"), entry.previousRiskBp ? QJsonValue(*entry.previousRiskBp) : QJsonValue()},
            {QStringLiteral("change"), riskChangeCode(entry.change)},
            {QStringLiteral("reason_codes"), compact(codes)},
            {QStringLiteral("reasons"), compact(reasons)},
            {QStringLiteral("action"), optionalText(entry.customAction)}};
}

} // namespace

std::vector<NamedRow> riskSnapshotRows(const std::vector<RiskSnapshot> &snapshots)
{
    std::vector<NamedRow> rows;
    for (const RiskSnapshot &snapshot : snapshots) {
        rows.push_back({QStringLiteral("risk_snapshot"), snapshot.id, snapshot.regionId, snapshotFields(snapshot)});
        for (const RiskListEntry &entry : snapshot.entries)
            rows.push_back({QStringLiteral("risk_snapshot_entry"), entry.id, snapshot.regionId, entryFields(snapshot, entry)});
    }
    return rows;
}

} // namespace vantage::core
