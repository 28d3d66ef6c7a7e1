#include "migration.h"

namespace vantage::core {

// Covering indexes for the dashboard and the customer list: sales by month/region, top customers
// and per-customer order figures read only the index, not the wide order rows; open orders and
// overdue invoices are found without a full scan (docs/benchmarks.md, scale run).
Migration migration0002ReportingIndexes()
{
    // Not partial on "deleted = 0" alone: SQLite would then walk such an index row by row instead of
    // scanning the table; deleted goes last in the key instead (docs/benchmarks.md).
    return {2, QStringLiteral("reporting indexes"), {
        QStringLiteral("CREATE INDEX sales_order_reporting ON sales_order"
                       "(order_date, region_id, currency, total_minor, account_id, deleted)"),
        QStringLiteral("CREATE INDEX opportunity_reporting ON opportunity"
                       "(stage_code, region_id, currency, amount_minor, closed_on, deleted)"),
        QStringLiteral("CREATE INDEX sales_order_by_account ON sales_order"
                       "(account_id, currency, total_minor, order_date, deleted)"),
        QStringLiteral("CREATE INDEX sales_order_list_date ON sales_order(order_date DESC, id)"),
        QStringLiteral("CREATE INDEX sales_order_open ON sales_order(currency, total_minor, region_id) "
                       "WHERE deleted = 0 AND status = 'open'"),
        QStringLiteral("CREATE INDEX invoice_open ON invoice(due_on, currency, amount_minor, region_id) "
                       "WHERE deleted = 0 AND status = 'open'"),
    }};
}

} // namespace vantage::core
