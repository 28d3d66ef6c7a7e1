#include "migration.h"

namespace vantage::core {

// Funnel alert rules the manager edits (docs/adr/0013) and what was done with each alert. Both
// synced. A rule's region_id is its scope (NULL = all regions); a state's id is derived from the
// alert key, so two laptops acknowledging the same alert write one record. The numeric ranges are
// checked when a rule is saved, not here: a later version may widen them, and a row synced in
// from it must still be stored.
Migration migration0005FunnelAlertRules()
{
    return {5, QStringLiteral("funnel alert rules"), {
        QStringLiteral("CREATE TABLE funnel_alert_rule (" VANTAGE_SYNCED_COLUMNS
                       "name TEXT NOT NULL, metric TEXT NOT NULL CHECK (metric IN ('any', 'conversion_drop', "
                       "'conversion_rise', 'cycle_longer', 'cycle_shorter')), product_id TEXT, "
                       "sigma_centi INTEGER NOT NULL, minimum_deals INTEGER NOT NULL, recent_weeks INTEGER NOT NULL, "
                       "baseline_weeks INTEGER NOT NULL, recipients TEXT NOT NULL DEFAULT '', "
                       "enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1))) STRICT"),
        QStringLiteral("CREATE TABLE funnel_alert_state (" VANTAGE_SYNCED_COLUMNS
                       "alert_key TEXT NOT NULL, "
                       "status TEXT NOT NULL CHECK (status IN ('open', 'acknowledged', 'muted')), "
                       "muted_until TEXT, note TEXT, updated_by TEXT) STRICT"),
        QStringLiteral("CREATE INDEX funnel_alert_state_key ON funnel_alert_state(alert_key)"),
    }};
}

} // namespace vantage::core
