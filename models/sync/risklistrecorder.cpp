#include "risklistrecorder.h"

#include "recordeditor.h"

#include "domain/isodate.h"
#include "domain/namedid.h"
#include "protocol/risksnapshotrows.h"
#include "storage/store.h"


namespace vantage::sync {

namespace {

QJsonValue optionalText(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

} // namespace

core::Status RiskListRecorder::saveSnapshots(const std::vector<core::RiskSnapshot> &snapshots) const
{
    return RecordEditor(m_db).put(core::riskSnapshotRows(snapshots));
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
