#include "migration.h"

namespace vantage::core {

// Covering indexes for the dashboard: sales by month/region and top customers read only the
// index, not the 40-column order rows (docs/benchmarks.md, scale run).
Migration migration0002ReportingIndexes()
{
    return {2, QStringLiteral("reporting indexes"), {
        QStringLiteral("CREATE INDEX sales_order_reporting ON sales_order"
                       "(order_date, region_id, currency, total_minor, account_id) WHERE deleted = 0"),
        QStringLiteral("CREATE INDEX opportunity_reporting ON opportunity"
                       "(stage_code, region_id, currency, amount_minor, closed_on) WHERE deleted = 0"),
    }};
}

} // namespace vantage::core
