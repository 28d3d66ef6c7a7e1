#pragma once

#include "funnelalertrule.h"

namespace vantage::core {

enum class FunnelAlertStatus { Open, Acknowledged, Muted };
QString funnelAlertStatusCode(FunnelAlertStatus status);  // "open", "acknowledged", "muted"
std::optional<FunnelAlertStatus> funnelAlertStatusFromCode(const QString &code);
QString funnelAlertStatusLabel(FunnelAlertStatus status);  // translated

// What a manager did with an alert (stored and synced as funnel_alert_state, one row per key).
struct FunnelAlertState
{
    QString alertKey;
    FunnelAlertStatus status = FunnelAlertStatus::Open;
    QDate mutedUntil;  // muted: the last day muted; invalid = until unmuted
    QString note;
};

// An alert one rule raised, and where it stands after the states are applied.
struct RaisedFunnelAlert
{
    FunnelAlert alert;
    QString key;       // funnelAlertKey(alert)
    QString ruleId;    // "" = the built-in rule
    QString ruleName;
    FunnelAlertStatus status = FunnelAlertStatus::Open;
    QDate mutedUntil;
    QString stateKey;  // the state row that decided the status ("" = none): unmuting writes there
};

// The company's funnel alert rules and what was done with each alert.
struct FunnelAlertSetup
{
    std::vector<FunnelAlertRule> rules;  // none: the built-in rule
    std::vector<FunnelAlertState> states;
    // Whether this database's user may write rules for all regions: the server takes rows without
    // a region only from directors and administrators; a database nobody signed in to is its own.
    bool companyWide = true;
};

// "conversion_drop|engaging|<region>|<product>|2026-11-09": what moved, where, since when. The same
// on every machine, so two laptops acknowledging the same alert write one record.
QString funnelAlertKey(const FunnelAlert &alert);
QString funnelAlertStateId(const QString &alertKey);

// Each enabled rule's alerts (the built-in rule when there are none); an alert two rules raise is
// listed once, for the first rule by name. Sorted by |z|, largest first.
std::vector<RaisedFunnelAlert> raiseFunnelAlerts(const RiskHistory &history, const QDate &asOf,
                                                 const std::vector<FunnelAlertRule> &rules);

// Acknowledged: the state of the alert's own key. Muted: a mute of the same metric, stage and scope
// in any week, until its last day (or until unmuted), so a mute outlasts the week it was made in.
void applyFunnelAlertStates(std::vector<RaisedFunnelAlert> &alerts, const std::vector<FunnelAlertState> &states,
                            const QDate &today);

} // namespace vantage::core
