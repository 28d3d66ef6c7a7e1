#include "entitycatalog.h"

namespace vantage::core {
namespace {

using F = FieldType;

EntityField f(const char *name, FieldType type, bool required = false)
{
    return {QString::fromLatin1(name), type, required};
}

} // namespace

const EntityField *EntityDescriptor::field(const QString &fieldName) const
{
    for (const EntityField &candidate : fields)
        if (candidate.name == fieldName)
            return &candidate;
    return nullptr;
}

const EntityCatalog &EntityCatalog::instance()
{
    static const EntityCatalog catalog;
    return catalog;
}

const EntityDescriptor *EntityCatalog::find(const QString &name) const
{
    for (const EntityDescriptor &entity : m_entities)
        if (entity.name == name)
            return &entity;
    return nullptr;
}

std::vector<const EntityDescriptor *> EntityCatalog::childrenOf(const QString &document) const
{
    std::vector<const EntityDescriptor *> children;
    for (const EntityDescriptor &entity : m_entities)
        if (entity.parentEntity == document)
            children.push_back(&entity);
    return children;
}

// Mirrors the client tables of storage/migrations (sync columns excluded). ServerOwned entities
// are reference and back-office data (regions, users, products, invoices); FieldMerge entities are
// what reps edit offline; Document entities are quotes and contracts with their lines.
EntityCatalog::EntityCatalog()
{
    const auto q = [](const char *s) { return QString::fromLatin1(s); };
    m_entities.push_back({q("region"), ConflictPolicy::ServerOwned,
                          {f("code", F::Text, true), f("name", F::Text, true), f("country", F::Text), f("currency", F::Text, true)},
                          {}, QString(), QString()});
    m_entities.push_back({q("pipeline_stage"), ConflictPolicy::ServerOwned,
                          {f("code", F::Text, true), f("name", F::Text, true), f("sort_order", F::Integer, true), f("is_closed", F::Boolean, true), f("is_won", F::Boolean, true), f("default_probability_bp", F::Integer, true)},
                          {}, QString(), QString()});
    m_entities.push_back({q("territory"), ConflictPolicy::ServerOwned,
                          {f("code", F::Text, true), f("name", F::Text, true), f("country", F::Text)},
                          {}, QString(), QString()});
    m_entities.push_back({q("app_user"), ConflictPolicy::ServerOwned,
                          {f("login", F::Text, true), f("display_name", F::Text, true), f("email", F::Text), f("role", F::Text, true), f("manager_id", F::Reference), f("active", F::Boolean), f("source_ref", F::Text)},
                          {}, QString(), QString()});
    m_entities.push_back({q("user_region"), ConflictPolicy::ServerOwned,
                          {f("user_id", F::Reference, true)},
                          {}, QString(), QString()});
    m_entities.push_back({q("exchange_rate"), ConflictPolicy::ServerOwned,
                          {f("base_currency", F::Text, true), f("quote_currency", F::Text, true), f("rate", F::Text, true), f("valid_on", F::Date, true), f("source", F::Text)},
                          {}, QString(), QString()});
    m_entities.push_back({q("sales_target"), ConflictPolicy::ServerOwned,
                          {f("user_id", F::Reference), f("period_kind", F::Text, true), f("period_start", F::Date, true), f("period_end", F::Date, true), f("amount_minor", F::Integer, true), f("currency", F::Text, true), f("origin", F::Text, true)},
                          {}, QString(), QString()});
    m_entities.push_back({q("product"), ConflictPolicy::ServerOwned,
                          {f("sku", F::Text, true), f("name", F::Text, true), f("category", F::Text, true), f("subcategory", F::Text), f("hs_code", F::Text), f("eccn", F::Text), f("unit", F::Text), f("active", F::Boolean), f("source_ref", F::Text)},
                          {}, QString(), QString()});
    m_entities.push_back({q("price_book"), ConflictPolicy::ServerOwned,
                          {f("name", F::Text, true), f("currency", F::Text, true), f("valid_from", F::Date), f("valid_to", F::Date), f("is_default", F::Boolean), f("origin", F::Text, true)},
                          {}, QString(), QString()});
    m_entities.push_back({q("price_book_entry"), ConflictPolicy::ServerOwned,
                          {f("price_book_id", F::Reference, true), f("product_id", F::Reference, true), f("unit_price_minor", F::Integer, true), f("min_quantity", F::Integer)},
                          {}, QString(), QString()});
    m_entities.push_back({q("invoice"), ConflictPolicy::ServerOwned,
                          {f("invoice_no", F::Text, true), f("order_id", F::Reference), f("account_id", F::Reference, true), f("issued_on", F::Date, true), f("due_on", F::Date, true), f("currency", F::Text, true), f("amount_minor", F::Integer, true), f("status", F::Text, true), f("origin", F::Text, true)},
                          {}, QString(), QString()});
    m_entities.push_back({q("payment"), ConflictPolicy::ServerOwned,
                          {f("invoice_id", F::Reference), f("account_id", F::Reference, true), f("paid_on", F::Date, true), f("currency", F::Text, true), f("amount_minor", F::Integer, true), f("method", F::Text), f("origin", F::Text, true)},
                          {}, QString(), QString()});
    m_entities.push_back({q("account"), ConflictPolicy::FieldMerge,
                          {f("kind", F::Text, true), f("name", F::Text, true), f("segment", F::Text), f("sector", F::Text), f("country", F::Text), f("state", F::Text), f("city", F::Text), f("postal_code", F::Text), f("territory_id", F::Reference), f("owner_id", F::Reference), f("parent_account_id", F::Reference), f("registered_capital_minor", F::Integer), f("registered_capital_currency", F::Text), f("founded_on", F::Date), f("legal_status", F::Text), f("tax_id", F::Text), f("annual_revenue_minor", F::Integer), f("annual_revenue_currency", F::Text), f("employees", F::Integer), f("payment_terms_days", F::Integer), f("source_ref", F::Text), f("created_at", F::Timestamp, true)},
                          {q("owner_id")}, QString(), QString()});
    m_entities.push_back({q("contact"), ConflictPolicy::FieldMerge,
                          {f("account_id", F::Reference, true), f("name", F::Text, true), f("title", F::Text), f("email", F::Text), f("phone", F::Text), f("created_at", F::Timestamp, true)},
                          {}, QString(), QString()});
    m_entities.push_back({q("opportunity"), ConflictPolicy::FieldMerge,
                          {f("name", F::Text, true), f("account_id", F::Reference), f("owner_id", F::Reference, true), f("product_id", F::Reference), f("stage_code", F::Text, true), f("amount_minor", F::Integer, true), f("currency", F::Text, true), f("expected_close_on", F::Date), f("closed_on", F::Date), f("created_at", F::Timestamp, true), f("source_ref", F::Text)},
                          {q("stage_code"), q("owner_id"), q("amount_minor")}, QString(), QString()});
    m_entities.push_back({q("opportunity_stage_history"), ConflictPolicy::FieldMerge,
                          {f("opportunity_id", F::Reference, true), f("stage_code", F::Text, true), f("entered_at", F::Timestamp, true), f("changed_by", F::Text), f("estimated", F::Boolean)},
                          {}, QString(), QString()});
    m_entities.push_back({q("opportunity_close_date_history"), ConflictPolicy::FieldMerge,
                          {f("opportunity_id", F::Reference, true), f("expected_close_on", F::Date, true), f("changed_at", F::Timestamp, true), f("changed_by", F::Text), f("estimated", F::Boolean)},
                          {}, QString(), QString()});
    m_entities.push_back({q("opportunity_amount_history"), ConflictPolicy::FieldMerge,
                          {f("opportunity_id", F::Reference, true), f("amount_minor", F::Integer, true), f("currency", F::Text, true), f("changed_at", F::Timestamp, true), f("changed_by", F::Text)},
                          {}, QString(), QString()});
    m_entities.push_back({q("activity"), ConflictPolicy::FieldMerge,
                          {f("kind", F::Text, true), f("subject", F::Text, true), f("account_id", F::Reference), f("contact_id", F::Reference), f("opportunity_id", F::Reference), f("owner_id", F::Reference, true), f("occurred_at", F::Timestamp, true), f("duration_minutes", F::Integer), f("notes", F::Text)},
                          {}, QString(), QString()});
    m_entities.push_back({q("sales_order"), ConflictPolicy::FieldMerge,
                          {f("order_no", F::Text, true), f("account_id", F::Reference, true), f("owner_id", F::Reference), f("territory_id", F::Reference), f("order_date", F::Date, true), f("ship_date", F::Date), f("due_date", F::Date), f("ship_mode", F::Text), f("status", F::Text, true), f("currency", F::Text, true), f("total_minor", F::Integer, true), f("country", F::Text), f("state", F::Text), f("city", F::Text), f("postal_code", F::Text), f("source_ref", F::Text), f("created_at", F::Timestamp, true)},
                          {q("status"), q("total_minor")}, QString(), QString()});
    m_entities.push_back({q("order_line"), ConflictPolicy::FieldMerge,
                          {f("order_id", F::Reference, true), f("line_no", F::Integer, true), f("product_id", F::Reference, true), f("quantity", F::Integer, true), f("unit_price_minor", F::Integer, true), f("discount_bp", F::Integer), f("amount_minor", F::Integer, true), f("profit_minor", F::Integer), f("ship_date", F::Date), f("due_date", F::Date)},
                          {q("quantity"), q("unit_price_minor"), q("amount_minor")}, QString(), QString()});
    m_entities.push_back({q("approval_request"), ConflictPolicy::FieldMerge,
                          {f("entity", F::Text, true), f("entity_id", F::Reference, true), f("kind", F::Text, true), f("requested_by", F::Text, true), f("approver_id", F::Reference), f("status", F::Text, true), f("reason", F::Text), f("requested_at", F::Timestamp, true), f("decided_at", F::Timestamp), f("decision_note", F::Text)},
                          {q("status")}, QString(), QString()});
    // The weekly risk list: made on laptops and on the server from the same data with the same
    // ids, so the same values meet; follow-ups and action rules are what managers edit.
    m_entities.push_back({q("risk_snapshot"), ConflictPolicy::FieldMerge,
                          {f("iso_week", F::Text, true), f("as_of", F::Date, true), f("made_at", F::Timestamp, true), f("made_by", F::Text, true), f("open_deals", F::Integer, true), f("learned_weight_bp", F::Integer, true)},
                          {}, QString(), QString()});
    m_entities.push_back({q("risk_snapshot_entry"), ConflictPolicy::FieldMerge,
                          {f("snapshot_id", F::Reference, true), f("rank", F::Integer, true), f("opportunity_id", F::Reference, true), f("opportunity_name", F::Text, true), f("owner_id", F::Reference), f("owner_name", F::Text), f("account_id", F::Reference), f("account_name", F::Text), f("stage_code", F::Text, true), f("stage_name", F::Text, true), f("amount_minor", F::Integer, true), f("currency", F::Text, true), f("risk_bp", F::Integer, true), f("previous_risk_bp", F::Integer), f("change", F::Text, true), f("reason_codes", F::Text, true), f("reasons", F::Text, true), f("action", F::Text)},
                          {}, QString(), QString()});
    m_entities.push_back({q("risk_follow_up"), ConflictPolicy::FieldMerge,
                          {f("entry_id", F::Reference, true), f("opportunity_id", F::Reference, true), f("status", F::Text, true), f("note", F::Text), f("due_on", F::Date), f("acted_on_suggestion", F::Boolean), f("updated_by", F::Text)},
                          {}, QString(), QString()});
    m_entities.push_back({q("risk_action_rule"), ConflictPolicy::FieldMerge,
                          {f("reason_code", F::Text, true), f("action_text", F::Text, true)},
                          {}, QString(), QString()});
    // Funnel alert rules (region_id = the rule's scope) and acknowledge/mute per alert key.
    m_entities.push_back({q("funnel_alert_rule"), ConflictPolicy::FieldMerge,
                          {f("name", F::Text, true), f("metric", F::Text, true), f("product_id", F::Reference), f("sigma_centi", F::Integer, true), f("minimum_deals", F::Integer, true), f("recent_weeks", F::Integer, true), f("baseline_weeks", F::Integer, true), f("seasonal_quarters", F::Integer), f("recipients", F::Text), f("enabled", F::Boolean, true)},
                          {}, QString(), QString()});
    m_entities.push_back({q("funnel_alert_state"), ConflictPolicy::FieldMerge,
                          {f("alert_key", F::Text, true), f("status", F::Text, true), f("muted_until", F::Date), f("note", F::Text), f("updated_by", F::Text)},
                          {}, QString(), QString()});
    m_entities.push_back({q("quote"), ConflictPolicy::Document,
                          {f("quote_no", F::Text), f("revision", F::Integer), f("parent_quote_id", F::Reference), f("account_id", F::Reference, true), f("opportunity_id", F::Reference), f("owner_id", F::Reference, true), f("status", F::Text, true), f("currency", F::Text, true), f("price_book_id", F::Reference), f("exchange_rate", F::Text), f("exchange_rate_on", F::Date), f("country", F::Text), f("language", F::Text), f("valid_until", F::Date), f("subtotal_minor", F::Integer), f("discount_minor", F::Integer), f("tax_minor", F::Integer), f("total_minor", F::Integer), f("notes", F::Text), f("created_at", F::Timestamp, true)},
                          {}, QString(), QString()});
    m_entities.push_back({q("quote_line"), ConflictPolicy::Document,
                          {f("quote_id", F::Reference, true), f("line_no", F::Integer, true), f("product_id", F::Reference), f("description", F::Text, true), f("quantity", F::Integer, true), f("unit_price_minor", F::Integer, true), f("discount_bp", F::Integer), f("tax_rate_bp", F::Integer), f("amount_minor", F::Integer, true)},
                          {}, q("quote"), q("quote_id")});
    m_entities.push_back({q("contract"), ConflictPolicy::Document,
                          {f("contract_no", F::Text), f("revision", F::Integer), f("quote_id", F::Reference), f("account_id", F::Reference, true), f("owner_id", F::Reference, true), f("status", F::Text, true), f("currency", F::Text, true), f("total_minor", F::Integer), f("language", F::Text), f("starts_on", F::Date), f("ends_on", F::Date), f("signed_on", F::Date), f("created_at", F::Timestamp, true)},
                          {}, QString(), QString()});
    m_entities.push_back({q("contract_clause"), ConflictPolicy::Document,
                          {f("contract_id", F::Reference, true), f("clause_no", F::Integer, true), f("kind", F::Text, true), f("title", F::Text, true), f("body", F::Text, true), f("mandatory", F::Boolean)},
                          {}, q("contract"), q("contract_id")});
    for (EntityDescriptor &entity : m_entities)
        entity.companyWide = entity.name == QLatin1String("risk_action_rule") || entity.name == QLatin1String("funnel_alert_rule")
                          || entity.name == QLatin1String("funnel_alert_state");
}

} // namespace vantage::core
