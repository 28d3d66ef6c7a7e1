#include "migration.h"

namespace vantage::core {

// A funnel alert rule may compare the recent weeks with the same weeks of earlier quarters instead
// of the weeks just before (docs/adr/0013): how many quarters, 0 = the trailing weeks.
Migration migration0006SeasonalBaseline()
{
    return {6, QStringLiteral("seasonal funnel baseline"), {
        QStringLiteral("ALTER TABLE funnel_alert_rule ADD COLUMN seasonal_quarters INTEGER NOT NULL DEFAULT 4"),
    }};
}

} // namespace vantage::core
