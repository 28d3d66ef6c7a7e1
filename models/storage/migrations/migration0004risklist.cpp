#include "migration.h"

namespace vantage::core {

// The weekly risk list (docs/adr/0011): one snapshot per region and ISO week with its entries, as
// they were when made (names and reasons copied, so last year's list reads the same today); the
// manager's follow-up of each entry; and the company's own next-action rules per reason. All
// synced. Snapshot and entry ids are derived from region and week, so a list made on two machines
// from the same data is one record.
Migration migration0004RiskList()
{
    return {4, QStringLiteral("weekly risk list"), {
        QStringLiteral("CREATE TABLE risk_snapshot (" VANTAGE_SYNCED_COLUMNS
                       "iso_week TEXT NOT NULL, as_of TEXT NOT NULL, made_at INTEGER NOT NULL, "
                       "made_by TEXT NOT NULL CHECK (made_by IN ('client', 'server')), open_deals INTEGER NOT NULL, "
                       "learned_weight_bp INTEGER NOT NULL) STRICT"),
        QStringLiteral("CREATE TABLE risk_snapshot_entry (" VANTAGE_SYNCED_COLUMNS
                       "snapshot_id TEXT NOT NULL, rank INTEGER NOT NULL, opportunity_id TEXT NOT NULL, "
                       "opportunity_name TEXT NOT NULL, owner_id TEXT, owner_name TEXT, account_id TEXT, account_name TEXT, "
                       "stage_code TEXT NOT NULL, stage_name TEXT NOT NULL, amount_minor INTEGER NOT NULL, "
                       "currency TEXT NOT NULL, risk_bp INTEGER NOT NULL CHECK (risk_bp BETWEEN 0 AND 10000), "
                       "previous_risk_bp INTEGER, change TEXT NOT NULL CHECK (change IN ('new', 'up', 'down', 'unchanged')), "
                       "reason_codes TEXT NOT NULL, reasons TEXT NOT NULL, action TEXT) STRICT"),
        QStringLiteral("CREATE TABLE risk_follow_up (" VANTAGE_SYNCED_COLUMNS
                       "entry_id TEXT NOT NULL, opportunity_id TEXT NOT NULL, "
                       "status TEXT NOT NULL CHECK (status IN ('open', 'contacted', 'plan_agreed', 'escalated', 'resolved')), "
                       "note TEXT, due_on TEXT, acted_on_suggestion INTEGER NOT NULL DEFAULT 0 "
                       "CHECK (acted_on_suggestion IN (0, 1)), updated_by TEXT) STRICT"),
        QStringLiteral("CREATE TABLE risk_action_rule (" VANTAGE_SYNCED_COLUMNS
                       "reason_code TEXT NOT NULL, action_text TEXT NOT NULL) STRICT"),
        QStringLiteral("CREATE INDEX risk_snapshot_week ON risk_snapshot(region_id, iso_week)"),
        QStringLiteral("CREATE INDEX risk_snapshot_entry_snapshot ON risk_snapshot_entry(snapshot_id, rank)"),
        QStringLiteral("CREATE INDEX risk_snapshot_entry_opportunity ON risk_snapshot_entry(opportunity_id)"),
        QStringLiteral("CREATE INDEX risk_follow_up_entry ON risk_follow_up(entry_id)"),
    }};
}

} // namespace vantage::core
