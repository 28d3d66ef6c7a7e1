#include "migration.h"

namespace vantage::core {

// The whole sales domain, designed up front for sync, forecasting, risk, credit, quotes and
// contracts. References between aggregates are plain ids, not SQLite foreign keys: a laptop holds
// only its regions' rows, so a referenced row may legitimately be absent (docs/adr/0004).
Migration migration0001Domain()
{
    return {1, QStringLiteral("sales domain"), {
        QStringLiteral("CREATE TABLE app_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) STRICT"),

        QStringLiteral("CREATE TABLE currency (code TEXT PRIMARY KEY NOT NULL CHECK (length(code) = 3), "
                       "minor_digits INTEGER NOT NULL CHECK (minor_digits BETWEEN 0 AND 4), name TEXT NOT NULL) STRICT"),
        QStringLiteral("CREATE TABLE exchange_rate (" VANTAGE_SYNCED_COLUMNS
                       "base_currency TEXT NOT NULL REFERENCES currency(code), "
                       "quote_currency TEXT NOT NULL REFERENCES currency(code), "
                       "rate TEXT NOT NULL, valid_on TEXT NOT NULL, source TEXT) STRICT"),

        QStringLiteral("CREATE TABLE region (" VANTAGE_SYNCED_COLUMNS
                       "code TEXT NOT NULL UNIQUE, name TEXT NOT NULL, country TEXT, "
                       "currency TEXT NOT NULL REFERENCES currency(code)) STRICT"),
        QStringLiteral("CREATE TABLE territory (" VANTAGE_SYNCED_COLUMNS
                       "code TEXT NOT NULL, name TEXT NOT NULL, country TEXT) STRICT"),
        QStringLiteral("CREATE TABLE app_user (" VANTAGE_SYNCED_COLUMNS
                       "login TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL, email TEXT, "
                       "role TEXT NOT NULL CHECK (role IN ('rep', 'regional_manager', 'director', 'admin')), "
                       "manager_id TEXT, active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)), source_ref TEXT) STRICT"),
        QStringLiteral("CREATE TABLE user_region (" VANTAGE_SYNCED_COLUMNS "user_id TEXT NOT NULL) STRICT"),
        QStringLiteral("CREATE TABLE pipeline_stage (code TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, "
                       "sort_order INTEGER NOT NULL, is_closed INTEGER NOT NULL CHECK (is_closed IN (0, 1)), "
                       "is_won INTEGER NOT NULL CHECK (is_won IN (0, 1)), "
                       "default_probability_bp INTEGER NOT NULL CHECK (default_probability_bp BETWEEN 0 AND 10000)) STRICT"),
        QStringLiteral("CREATE TABLE sales_target (" VANTAGE_SYNCED_COLUMNS
                       "user_id TEXT, period_kind TEXT NOT NULL CHECK (period_kind IN ('month', 'quarter', 'year')), "
                       "period_start TEXT NOT NULL, period_end TEXT NOT NULL, amount_minor INTEGER NOT NULL, "
                       "currency TEXT NOT NULL REFERENCES currency(code), "
                       "origin TEXT NOT NULL CHECK (origin IN ('entered', 'derived'))) STRICT"),

        QStringLiteral("CREATE TABLE account (" VANTAGE_SYNCED_COLUMNS
                       "kind TEXT NOT NULL CHECK (kind IN ('customer', 'dealer', 'prospect')), "
                       "name TEXT NOT NULL, segment TEXT, sector TEXT, country TEXT, state TEXT, city TEXT, "
                       "postal_code TEXT, territory_id TEXT, owner_id TEXT, parent_account_id TEXT, "
                       "registered_capital_minor INTEGER, registered_capital_currency TEXT REFERENCES currency(code), "
                       "founded_on TEXT, legal_status TEXT, tax_id TEXT, "
                       "annual_revenue_minor INTEGER, annual_revenue_currency TEXT REFERENCES currency(code), "
                       "employees INTEGER, payment_terms_days INTEGER NOT NULL DEFAULT 30, "
                       "source_ref TEXT, created_at INTEGER NOT NULL) STRICT"),
        QStringLiteral("CREATE TABLE contact (" VANTAGE_SYNCED_COLUMNS
                       "account_id TEXT NOT NULL, name TEXT NOT NULL, title TEXT, email TEXT, phone TEXT, "
                       "created_at INTEGER NOT NULL) STRICT"),
        QStringLiteral("CREATE TABLE product (" VANTAGE_SYNCED_COLUMNS
                       "sku TEXT NOT NULL UNIQUE, name TEXT NOT NULL, category TEXT NOT NULL, subcategory TEXT, "
                       "hs_code TEXT, eccn TEXT, unit TEXT NOT NULL DEFAULT 'pcs', "
                       "active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)), source_ref TEXT) STRICT"),
        QStringLiteral("CREATE TABLE price_book (" VANTAGE_SYNCED_COLUMNS
                       "name TEXT NOT NULL, currency TEXT NOT NULL REFERENCES currency(code), "
                       "valid_from TEXT, valid_to TEXT, is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)), "
                       "origin TEXT NOT NULL CHECK (origin IN ('entered', 'source', 'derived'))) STRICT"),
        QStringLiteral("CREATE TABLE price_book_entry (" VANTAGE_SYNCED_COLUMNS
                       "price_book_id TEXT NOT NULL REFERENCES price_book(id) ON DELETE CASCADE, "
                       "product_id TEXT NOT NULL, unit_price_minor INTEGER NOT NULL CHECK (unit_price_minor >= 0), "
                       "min_quantity INTEGER NOT NULL DEFAULT 1) STRICT"),

        QStringLiteral("CREATE TABLE opportunity (" VANTAGE_SYNCED_COLUMNS
                       "name TEXT NOT NULL, account_id TEXT, owner_id TEXT NOT NULL, product_id TEXT, "
                       "stage_code TEXT NOT NULL REFERENCES pipeline_stage(code), "
                       "amount_minor INTEGER NOT NULL, currency TEXT NOT NULL REFERENCES currency(code), "
                       "expected_close_on TEXT, closed_on TEXT, created_at INTEGER NOT NULL, source_ref TEXT) STRICT"),
        QStringLiteral("CREATE TABLE opportunity_stage_history (" VANTAGE_SYNCED_COLUMNS
                       "opportunity_id TEXT NOT NULL REFERENCES opportunity(id) ON DELETE CASCADE, "
                       "stage_code TEXT NOT NULL REFERENCES pipeline_stage(code), entered_at INTEGER NOT NULL, "
                       "changed_by TEXT, estimated INTEGER NOT NULL DEFAULT 0 CHECK (estimated IN (0, 1))) STRICT"),
        QStringLiteral("CREATE TABLE opportunity_close_date_history (" VANTAGE_SYNCED_COLUMNS
                       "opportunity_id TEXT NOT NULL REFERENCES opportunity(id) ON DELETE CASCADE, "
                       "expected_close_on TEXT NOT NULL, changed_at INTEGER NOT NULL, changed_by TEXT, "
                       "estimated INTEGER NOT NULL DEFAULT 0 CHECK (estimated IN (0, 1))) STRICT"),
        QStringLiteral("CREATE TABLE opportunity_amount_history (" VANTAGE_SYNCED_COLUMNS
                       "opportunity_id TEXT NOT NULL REFERENCES opportunity(id) ON DELETE CASCADE, "
                       "amount_minor INTEGER NOT NULL, currency TEXT NOT NULL REFERENCES currency(code), "
                       "changed_at INTEGER NOT NULL, changed_by TEXT) STRICT"),
        QStringLiteral("CREATE TABLE activity (" VANTAGE_SYNCED_COLUMNS
                       "kind TEXT NOT NULL CHECK (kind IN ('call', 'visit', 'email', 'meeting', 'task')), "
                       "subject TEXT NOT NULL, account_id TEXT, contact_id TEXT, opportunity_id TEXT, "
                       "owner_id TEXT NOT NULL, occurred_at INTEGER NOT NULL, duration_minutes INTEGER, notes TEXT) STRICT"),

        QStringLiteral("CREATE TABLE sales_order (" VANTAGE_SYNCED_COLUMNS
                       "order_no TEXT NOT NULL, account_id TEXT NOT NULL, owner_id TEXT, territory_id TEXT, "
                       "order_date TEXT NOT NULL, ship_date TEXT, due_date TEXT, ship_mode TEXT, "
                       "status TEXT NOT NULL CHECK (status IN ('open', 'shipped', 'cancelled')), "
                       "currency TEXT NOT NULL REFERENCES currency(code), total_minor INTEGER NOT NULL, "
                       "country TEXT, state TEXT, city TEXT, postal_code TEXT, source_ref TEXT, "
                       "created_at INTEGER NOT NULL) STRICT"),
        QStringLiteral("CREATE TABLE order_line (" VANTAGE_SYNCED_COLUMNS
                       "order_id TEXT NOT NULL REFERENCES sales_order(id) ON DELETE CASCADE, "
                       "line_no INTEGER NOT NULL, product_id TEXT NOT NULL, quantity INTEGER NOT NULL CHECK (quantity > 0), "
                       "unit_price_minor INTEGER NOT NULL, "
                       "discount_bp INTEGER NOT NULL DEFAULT 0 CHECK (discount_bp BETWEEN 0 AND 10000), "
                       "amount_minor INTEGER NOT NULL, profit_minor INTEGER, ship_date TEXT, due_date TEXT) STRICT"),
        QStringLiteral("CREATE TABLE invoice (" VANTAGE_SYNCED_COLUMNS
                       "invoice_no TEXT NOT NULL, order_id TEXT, account_id TEXT NOT NULL, "
                       "issued_on TEXT NOT NULL, due_on TEXT NOT NULL, currency TEXT NOT NULL REFERENCES currency(code), "
                       "amount_minor INTEGER NOT NULL, status TEXT NOT NULL CHECK (status IN ('open', 'paid', 'void')), "
                       "origin TEXT NOT NULL CHECK (origin IN ('entered', 'source', 'derived'))) STRICT"),
        QStringLiteral("CREATE TABLE payment (" VANTAGE_SYNCED_COLUMNS
                       "invoice_id TEXT, account_id TEXT NOT NULL, paid_on TEXT NOT NULL, "
                       "currency TEXT NOT NULL REFERENCES currency(code), amount_minor INTEGER NOT NULL, method TEXT, "
                       "origin TEXT NOT NULL CHECK (origin IN ('entered', 'source', 'derived'))) STRICT"),

        QStringLiteral("CREATE TABLE quote (" VANTAGE_SYNCED_COLUMNS
                       "quote_no TEXT, revision INTEGER NOT NULL DEFAULT 1, parent_quote_id TEXT, "
                       "account_id TEXT NOT NULL, opportunity_id TEXT, owner_id TEXT NOT NULL, "
                       "status TEXT NOT NULL CHECK (status IN ('draft', 'pending_approval', 'approved', 'sent', "
                       "'accepted', 'rejected', 'expired', 'archived')), "
                       "currency TEXT NOT NULL REFERENCES currency(code), price_book_id TEXT, "
                       "exchange_rate TEXT, exchange_rate_on TEXT, country TEXT, language TEXT NOT NULL DEFAULT 'en', "
                       "valid_until TEXT, subtotal_minor INTEGER NOT NULL DEFAULT 0, discount_minor INTEGER NOT NULL DEFAULT 0, "
                       "tax_minor INTEGER NOT NULL DEFAULT 0, total_minor INTEGER NOT NULL DEFAULT 0, notes TEXT, "
                       "created_at INTEGER NOT NULL) STRICT"),
        QStringLiteral("CREATE TABLE quote_line (" VANTAGE_SYNCED_COLUMNS
                       "quote_id TEXT NOT NULL REFERENCES quote(id) ON DELETE CASCADE, line_no INTEGER NOT NULL, "
                       "product_id TEXT, description TEXT NOT NULL, quantity INTEGER NOT NULL CHECK (quantity > 0), "
                       "unit_price_minor INTEGER NOT NULL, "
                       "discount_bp INTEGER NOT NULL DEFAULT 0 CHECK (discount_bp BETWEEN 0 AND 10000), "
                       "tax_rate_bp INTEGER NOT NULL DEFAULT 0, amount_minor INTEGER NOT NULL) STRICT"),
        QStringLiteral("CREATE TABLE contract (" VANTAGE_SYNCED_COLUMNS
                       "contract_no TEXT, revision INTEGER NOT NULL DEFAULT 1, quote_id TEXT, account_id TEXT NOT NULL, "
                       "owner_id TEXT NOT NULL, status TEXT NOT NULL CHECK (status IN ('draft', 'pending_approval', "
                       "'approved', 'sent', 'signed', 'archived', 'terminated')), "
                       "currency TEXT NOT NULL REFERENCES currency(code), total_minor INTEGER NOT NULL DEFAULT 0, "
                       "language TEXT NOT NULL DEFAULT 'en', starts_on TEXT, ends_on TEXT, signed_on TEXT, "
                       "created_at INTEGER NOT NULL) STRICT"),
        QStringLiteral("CREATE TABLE contract_clause (" VANTAGE_SYNCED_COLUMNS
                       "contract_id TEXT NOT NULL REFERENCES contract(id) ON DELETE CASCADE, clause_no INTEGER NOT NULL, "
                       "kind TEXT NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL, "
                       "mandatory INTEGER NOT NULL DEFAULT 0 CHECK (mandatory IN (0, 1))) STRICT"),
        QStringLiteral("CREATE TABLE approval_request (" VANTAGE_SYNCED_COLUMNS
                       "entity TEXT NOT NULL, entity_id TEXT NOT NULL, kind TEXT NOT NULL, requested_by TEXT NOT NULL, "
                       "approver_id TEXT, status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn')), "
                       "reason TEXT, requested_at INTEGER NOT NULL, decided_at INTEGER, decision_note TEXT) STRICT"),
        QStringLiteral("CREATE TABLE audit_log (id TEXT PRIMARY KEY NOT NULL, region_id TEXT, at INTEGER NOT NULL, "
                       "user_id TEXT, action TEXT NOT NULL, entity TEXT, entity_id TEXT, detail TEXT) STRICT"),

        // Local side of sync (SYNC.md): mutations waiting for the server, in mid order, and the cursor.
        QStringLiteral("CREATE TABLE outbox (mid INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, "
                       "entity TEXT NOT NULL, row_id TEXT NOT NULL, base_version INTEGER, set_json TEXT NOT NULL, "
                       "base_json TEXT, created_at INTEGER NOT NULL, "
                       "state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'rejected', 'conflict')), "
                       "result_code TEXT, result_message TEXT) STRICT"),
        QStringLiteral("CREATE TABLE sync_state (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) STRICT"),

        QStringLiteral("CREATE INDEX territory_region ON territory(region_id)"),
        QStringLiteral("CREATE INDEX user_region_user ON user_region(user_id)"),
        QStringLiteral("CREATE INDEX account_name ON account(name COLLATE NOCASE)"),
        QStringLiteral("CREATE INDEX account_region ON account(region_id)"),
        QStringLiteral("CREATE INDEX contact_account ON contact(account_id)"),
        QStringLiteral("CREATE INDEX price_book_entry_book ON price_book_entry(price_book_id, product_id)"),
        QStringLiteral("CREATE INDEX opportunity_stage ON opportunity(stage_code)"),
        QStringLiteral("CREATE INDEX opportunity_account ON opportunity(account_id)"),
        QStringLiteral("CREATE INDEX opportunity_owner ON opportunity(owner_id)"),
        QStringLiteral("CREATE INDEX stage_history_opportunity ON opportunity_stage_history(opportunity_id, entered_at)"),
        QStringLiteral("CREATE INDEX close_history_opportunity ON opportunity_close_date_history(opportunity_id, changed_at)"),
        QStringLiteral("CREATE INDEX amount_history_opportunity ON opportunity_amount_history(opportunity_id, changed_at)"),
        QStringLiteral("CREATE INDEX activity_opportunity ON activity(opportunity_id, occurred_at)"),
        QStringLiteral("CREATE INDEX activity_account ON activity(account_id, occurred_at)"),
        QStringLiteral("CREATE INDEX sales_order_date ON sales_order(order_date)"),
        QStringLiteral("CREATE INDEX sales_order_account ON sales_order(account_id)"),
        QStringLiteral("CREATE INDEX order_line_order ON order_line(order_id, line_no)"),
        QStringLiteral("CREATE INDEX invoice_account ON invoice(account_id, due_on)"),
        QStringLiteral("CREATE INDEX payment_invoice ON payment(invoice_id)"),
        QStringLiteral("CREATE INDEX quote_account ON quote(account_id)"),
        QStringLiteral("CREATE INDEX quote_line_quote ON quote_line(quote_id, line_no)"),
        QStringLiteral("CREATE INDEX contract_account ON contract(account_id)"),
        QStringLiteral("CREATE INDEX contract_clause_contract ON contract_clause(contract_id, clause_no)"),
        QStringLiteral("CREATE INDEX approval_entity ON approval_request(entity, entity_id)"),
        QStringLiteral("CREATE INDEX audit_log_at ON audit_log(at)"),
        QStringLiteral("CREATE INDEX outbox_row ON outbox(entity, row_id)"),

        QStringLiteral("INSERT INTO currency (code, minor_digits, name) VALUES "
                       "('AUD', 2, 'Australian dollar'), ('CNY', 2, 'Chinese yuan'), ('EUR', 2, 'Euro'), "
                       "('GBP', 2, 'Pound sterling'), ('HKD', 2, 'Hong Kong dollar'), ('IDR', 2, 'Indonesian rupiah'), "
                       "('INR', 2, 'Indian rupee'), ('JPY', 0, 'Japanese yen'), ('KHR', 2, 'Cambodian riel'), "
                       "('KRW', 0, 'South Korean won'), ('MMK', 2, 'Myanmar kyat'), ('MYR', 2, 'Malaysian ringgit'), "
                       "('PHP', 2, 'Philippine peso'), ('SGD', 2, 'Singapore dollar'), ('THB', 2, 'Thai baht'), "
                       "('TWD', 2, 'New Taiwan dollar'), ('USD', 2, 'US dollar'), ('VND', 0, 'Vietnamese dong')"),
    }};
}

} // namespace vantage::core
