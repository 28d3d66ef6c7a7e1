#include "migration.h"

namespace vantage::core {

// Covering indexes for the dashboard and the customer list: sales by month/region, top customers
// and per-customer order figures read only the index, not the wide order rows; open orders and
// overdue invoices are found without a full scan (docs/benchmarks.md, scale run).
Migration migration0002ReportingIndexes()
{
    return {2, QStringLiteral("reporting indexes"), {
        QStringLiteral("CREATE INDEX sales_order_reporting ON sales_order"
                       "(order_date, region_id, currency, total_minor, account_id) WHERE deleted = 0"),
        QStringLiteral("CREATE INDEX opportunity_reporting ON opportunity"
                       "(stage_code, region_id, currency, amount_minor, closed_on) WHERE deleted = 0"),
        QStringLiteral("CREATE INDEX sales_order_by_account ON sales_order"
                       "(account_id, currency, total_minor, order_date) WHERE deleted = 0"),
        QStringLiteral("CREATE INDEX sales_order_open ON sales_order(status, currency) WHERE deleted = 0"),
        QStringLiteral("CREATE INDEX invoice_open ON invoice(status, due_on, currency) WHERE deleted = 0"),
    }};
}

} // namespace vantage::core
