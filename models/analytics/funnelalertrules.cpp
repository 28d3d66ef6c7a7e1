#include "funnelalertrules.h"

#include "domain/enumcodes.h"
#include "domain/isodate.h"
#include "domain/namedid.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>
#include <array>
#include <cmath>

namespace vantage::core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::core::FunnelAlertRules)
};

constexpr std::array<const char *, 3> kStatusCodes{"open", "acknowledged", "muted"};

// The key without the week: a mute applies to the same move in later weeks too.
QString scopeOfKey(const QString &key)
{
    return key.left(key.lastIndexOf(QLatin1Char('|')));
}

bool muteHolds(const FunnelAlertState &state, const QDate &today)
{
    return state.status == FunnelAlertStatus::Muted && (!state.mutedUntil.isValid() || state.mutedUntil >= today);
}

} // namespace

QString funnelAlertStatusCode(FunnelAlertStatus status)
{
    return enumCode(kStatusCodes, status);
}

std::optional<FunnelAlertStatus> funnelAlertStatusFromCode(const QString &code)
{
    return enumFromCode<FunnelAlertStatus>(kStatusCodes, code);
}

QString funnelAlertStatusLabel(FunnelAlertStatus status)
{
    switch (status) {
    case FunnelAlertStatus::Open: return Tr::tr("New");
    case FunnelAlertStatus::Acknowledged: return Tr::tr("Acknowledged");
    case FunnelAlertStatus::Muted: return Tr::tr("Muted");
    }
    return {};
}

QString funnelAlertKey(const FunnelAlert &alert)
{
    return QStringList{funnelMetricCode(alert.metric), alert.stageCode, alert.regionId, alert.productId,
                       isoDate(alert.since)}
        .join(QLatin1Char('|'));
}

QString funnelAlertStateId(const QString &alertKey)
{
    return namedId(QStringLiteral("funnel_alert_state|") + alertKey);
}

std::vector<RaisedFunnelAlert> raiseFunnelAlerts(const RiskHistory &history, const QDate &asOf,
                                                 const std::vector<FunnelAlertRule> &rules)
{
    std::vector<FunnelAlertRule> enabled;
    std::copy_if(rules.begin(), rules.end(), std::back_inserter(enabled), [](const FunnelAlertRule &r) { return r.enabled; });
    if (rules.empty())
        enabled.push_back(builtInFunnelAlertRule());
    std::stable_sort(enabled.begin(), enabled.end(),
                     [](const FunnelAlertRule &a, const FunnelAlertRule &b) { return a.name < b.name; });
    std::vector<RaisedFunnelAlert> raised;
    QSet<QString> keys;
    for (const FunnelAlertRule &rule : enabled) {
        for (FunnelAlert &alert : funnelAlerts(history, asOf, rule.options())) {
            const QString key = funnelAlertKey(alert);
            if (!rule.covers(alert) || keys.contains(key))
                continue;
            keys.insert(key);
            raised.push_back({std::move(alert), key, rule.id, rule.name, FunnelAlertStatus::Open, {}, {}});
        }
    }
    std::stable_sort(raised.begin(), raised.end(), [](const RaisedFunnelAlert &a, const RaisedFunnelAlert &b) {
        return std::abs(a.alert.zScore) > std::abs(b.alert.zScore);
    });
    return raised;
}

void applyFunnelAlertStates(std::vector<RaisedFunnelAlert> &alerts, const std::vector<FunnelAlertState> &states,
                            const QDate &today)
{
    for (RaisedFunnelAlert &raised : alerts) {
        raised.status = FunnelAlertStatus::Open;
        raised.mutedUntil = {};
        raised.stateKey.clear();
        const QString scope = scopeOfKey(raised.key);
        for (const FunnelAlertState &state : states) {
            if (muteHolds(state, today) && scopeOfKey(state.alertKey) == scope) {
                raised.status = FunnelAlertStatus::Muted;
                raised.mutedUntil = state.mutedUntil;
                raised.stateKey = state.alertKey;
                break;
            }
            if (state.alertKey == raised.key && state.status == FunnelAlertStatus::Acknowledged) {
                raised.status = FunnelAlertStatus::Acknowledged;
                raised.stateKey = state.alertKey;
            }
        }
    }
}

} // namespace vantage::core
