#include "risklistrecorder.h"

#include "recordeditor.h"

#include "domain/isodate.h"
#include "domain/namedid.h"
#include "storage/store.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace vantage::sync {

namespace {

QString compact(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QJsonValue optionalText(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

QJsonObject entryFields(const core::RiskSnapshot &snapshot, const core::RiskListEntry &entry)
{
    QJsonArray codes;
    QJsonArray reasons;
    for (const core::RiskReason &reason : entry.reasons) {
        codes.append(core::riskFactorCode(reason.factor));
        reasons.append(core::riskReasonToJson(reason));
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
            {QStringLiteral("change"), core::riskChangeCode(entry.change)},
            {QStringLiteral("reason_codes"), compact(codes)},
            {QStringLiteral("reasons"), compact(reasons)},
            {QStringLiteral("action"), optionalText(entry.customAction)}};
}

} // namespace

core::Status RiskListRecorder::saveSnapshots(const std::vector<core::RiskSnapshot> &snapshots) const
{
    std::vector<RecordEditor::PutRow> rows;
    for (const core::RiskSnapshot &snapshot : snapshots) {
        rows.push_back({QStringLiteral("risk_snapshot"), snapshot.id, snapshot.regionId,
                        {{QStringLiteral("iso_week"), snapshot.isoWeek},
                         {QStringLiteral("as_of"), core::isoDate(snapshot.asOf)},
                         {QStringLiteral("made_at"), snapshot.madeAt},
                         {QStringLiteral("made_by"), snapshot.madeBy},
                         {QStringLiteral("open_deals"), snapshot.openDeals},
                         {QStringLiteral("learned_weight_bp"), snapshot.learnedWeightBp}}});
        for (const core::RiskListEntry &entry : snapshot.entries)
            rows.push_back({QStringLiteral("risk_snapshot_entry"), entry.id, snapshot.regionId, entryFields(snapshot, entry)});
    }
    return RecordEditor(m_db).put(rows);
}

core::Status RiskListRecorder::saveFollowUp(const core::RiskFollowUp &followUp, const QString &regionId) const
{
    return RecordEditor(m_db).put({{QStringLiteral("risk_follow_up"), core::riskFollowUpId(followUp.entryId), regionId,
                                    {{QStringLiteral("entry_id"), followUp.entryId},
                                     {QStringLiteral("opportunity_id"), followUp.opportunityId},
                                     {QStringLiteral("status"), core::followUpStatusCode(followUp.status)},
                                     {QStringLiteral("note"), optionalText(followUp.note)},
                                     {QStringLiteral("due_on"), followUp.dueOn.isValid() ? QJsonValue(core::isoDate(followUp.dueOn)) : QJsonValue()},
                                     {QStringLiteral("acted_on_suggestion"), followUp.actedOnSuggestion}}}});
}

core::Status RiskListRecorder::saveActionRule(const QString &reasonCode, const QString &actionText) const
{
    return RecordEditor(m_db).put({{QStringLiteral("risk_action_rule"), core::namedId(QStringLiteral("risk_action_rule|") + reasonCode),
                                    QString(),
                                    {{QStringLiteral("reason_code"), reasonCode}, {QStringLiteral("action_text"), actionText}}}});
}

QFuture<core::Status> storeRiskSnapshots(core::Store &store, std::vector<core::RiskSnapshot> snapshots)
{
    return store.submitWrite<core::Status>([snapshots = std::move(snapshots)](core::JobContext &context) -> core::Status {
        auto db = context.connection();
        if (!db)
            return db.error();
        return RiskListRecorder(db.value()).saveSnapshots(snapshots);
    });
}

QFuture<core::Status> storeRiskFollowUp(core::Store &store, core::RiskFollowUp followUp, QString regionId)
{
    return store.submitWrite<core::Status>(
        [followUp = std::move(followUp), regionId = std::move(regionId)](core::JobContext &context) -> core::Status {
            auto db = context.connection();
            if (!db)
                return db.error();
            return RiskListRecorder(db.value()).saveFollowUp(followUp, regionId);
        });
}

QFuture<core::Status> storeRiskActionRules(core::Store &store, QHash<QString, QString> rules)
{
    return store.submitWrite<core::Status>([rules = std::move(rules)](core::JobContext &context) -> core::Status {
        auto db = context.connection();
        if (!db)
            return db.error();
        for (auto it = rules.cbegin(); it != rules.cend(); ++it)
            if (core::Status saved = RiskListRecorder(db.value()).saveActionRule(it.key(), it.value()); !saved)
                return saved;
        return {};
    });
}

} // namespace vantage::sync
