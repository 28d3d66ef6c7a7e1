#pragma once

#include "funnelanomaly.h"

#include <QStringList>

#include <optional>

namespace vantage::core {

// "conversion_drop", "conversion_rise", "cycle_longer", "cycle_shorter"; "any" for no metric.
QString funnelMetricCode(std::optional<FunnelMetric> metric);
// nullopt for "any" (and for a code this version does not know: check with isFunnelMetricCode).
std::optional<FunnelMetric> funnelMetricFromCode(const QString &code);
bool isFunnelMetricCode(const QString &code);
QString funnelMetricLabel(std::optional<FunnelMetric> metric);  // translated

// A rule the manager edits (stored and synced as funnel_alert_rule): which alerts to raise, where,
// how sensitive, and who should hear about them.
struct FunnelAlertRule
{
    QString id;                          // "" = the built-in rule
    QString name;
    std::optional<FunnelMetric> metric;  // nullopt = any metric
    QString regionId;                    // "" = all regions (the synced region_id of the row)
    QString productId;                   // "" = all products
    int sigmaCenti = 300;                // control limits in hundredths of a standard error
    int minimumDeals = 10;
    int recentWeeks = 2;
    int baselineWeeks = 12;
    int seasonalQuarters = 4;            // compare with the same weeks of this many quarters; 0 = trailing
    QStringList recipients;              // user ids or e-mail addresses
    bool enabled = true;

    FunnelAlertOptions options() const;
    // Whether an alert of the unrestricted scan falls in the rule's metric, region and product.
    bool covers(const FunnelAlert &alert) const;

    friend bool operator==(const FunnelAlertRule &, const FunnelAlertRule &) = default;
};

// Today's behaviour when the company has no rule of its own: every metric everywhere at 3 sigma.
FunnelAlertRule builtInFunnelAlertRule();

enum class FunnelRuleField { Name, Region, Sigma, MinimumDeals, RecentWeeks, BaselineWeeks, SeasonalQuarters, Recipients };

struct FunnelRuleProblem
{
    FunnelRuleField field = FunnelRuleField::Name;
    QString message;  // translated, shown next to the field
};

// Empty when the rule can be saved.
std::vector<FunnelRuleProblem> funnelRuleProblems(const FunnelAlertRule &rule);

// An address mail can go to as written (ASCII, no spaces, commas, brackets or quotes).
bool isEmailAddress(const QString &text);
// An e-mail address or a user id.
bool isRecipient(const QString &text);
// "a@b.cn, 0192…" → the trimmed, non-empty parts.
QStringList splitRecipients(const QString &text);

} // namespace vantage::core
