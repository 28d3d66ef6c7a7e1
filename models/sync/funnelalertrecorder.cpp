#include "funnelalertrecorder.h"

#include "recordeditor.h"
#include "syncstate.h"

#include "domain/isodate.h"
#include "domain/uuid7.h"
#include "storage/store.h"

namespace vantage::sync {

namespace {

const QString kRule = QStringLiteral("funnel_alert_rule");
const QString kState = QStringLiteral("funnel_alert_state");

QJsonValue optionalText(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

QJsonObject ruleFields(const core::FunnelAlertRule &rule)
{
    return {{QStringLiteral("name"), rule.name.trimmed()},
            {QStringLiteral("metric"), core::funnelMetricCode(rule.metric)},
            {QStringLiteral("product_id"), optionalText(rule.productId)},
            {QStringLiteral("sigma_centi"), rule.sigmaCenti},
            {QStringLiteral("minimum_deals"), rule.minimumDeals},
            {QStringLiteral("recent_weeks"), rule.recentWeeks},
            {QStringLiteral("baseline_weeks"), rule.baselineWeeks},
            {QStringLiteral("seasonal_quarters"), rule.seasonalQuarters},
            {QStringLiteral("recipients"), rule.recipients.join(QStringLiteral(", "))},
            {QStringLiteral("enabled"), rule.enabled}};
}

} // namespace

core::Result<QString> FunnelAlertRecorder::saveRule(const core::FunnelAlertRule &rule) const
{
    if (const auto problems = core::funnelRuleProblems(rule); !problems.empty())
        return core::Error{core::ErrorCode::InvalidInput, problems.front().message, rule.name};
    if (rule.id.isEmpty()) {
        const QString id = core::Uuid7Generator::generate();
        if (core::Status saved = RecordEditor(m_db).put({{kRule, id, rule.regionId, ruleFields(rule)}}); !saved)
            return saved.error();
        return id;
    }
    // An existing rule may move to another region: its scope is the row's region.
    QJsonObject fields = ruleFields(rule);
    fields.insert(QStringLiteral("region_id"), optionalText(rule.regionId));
    if (core::Status saved = RecordEditor(m_db).put({{kRule, rule.id, rule.regionId, fields}}); !saved)
        return saved.error();
    return rule.id;
}

core::Status FunnelAlertRecorder::removeRule(const QString &ruleId) const
{
    return RecordEditor(m_db).remove(kRule, ruleId);
}

core::Status FunnelAlertRecorder::saveState(const core::FunnelAlertState &state, const QString &regionId) const
{
    const QString user = SyncState(m_db).value(SyncState::kUserId).value_or(QString());
    const bool muted = state.status == core::FunnelAlertStatus::Muted && state.mutedUntil.isValid();
    return RecordEditor(m_db).put({{kState, core::funnelAlertStateId(state.alertKey), regionId,
                                    {{QStringLiteral("alert_key"), state.alertKey},
                                     {QStringLiteral("status"), core::funnelAlertStatusCode(state.status)},
                                     {QStringLiteral("muted_until"), muted ? QJsonValue(core::isoDate(state.mutedUntil)) : QJsonValue()},
                                     {QStringLiteral("note"), optionalText(state.note)},
                                     {QStringLiteral("updated_by"), optionalText(user)}}}});
}

QFuture<core::Result<std::vector<core::FunnelAlertRule>>> storeFunnelAlertRules(core::Store &store,
                                                                               FunnelRuleChanges changes)
{
    using Saved = core::Result<std::vector<core::FunnelAlertRule>>;
    return store.submitWrite<Saved>([changes = std::move(changes)](core::JobContext &context) -> Saved {
        auto db = context.connection();
        if (!db)
            return db.error();
        const FunnelAlertRecorder recorder(db.value());
        for (const QString &id : changes.removed)
            if (core::Status removed = recorder.removeRule(id); !removed)
                return removed.error();
        std::vector<core::FunnelAlertRule> saved = changes.saved;
        for (core::FunnelAlertRule &rule : saved) {
            auto id = recorder.saveRule(rule);
            if (!id)
                return id.error();
            rule.id = id.value();
        }
        return saved;
    });
}

QFuture<core::Status> storeFunnelAlertState(core::Store &store, core::FunnelAlertState state, QString regionId)
{
    return store.submitWrite<core::Status>(
        [state = std::move(state), regionId = std::move(regionId)](core::JobContext &context) -> core::Status {
            auto db = context.connection();
            if (!db)
                return db.error();
            return FunnelAlertRecorder(db.value()).saveState(state, regionId);
        });
}

} // namespace vantage::sync
