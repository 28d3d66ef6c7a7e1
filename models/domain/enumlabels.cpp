#include "enumlabels.h"

#include <QCoreApplication>

#include <atomic>

#include <utility>
#include <vector>

namespace vantage::core {
namespace {

struct Label
{
    const char *text;
    const char *comment = nullptr; // disambiguation for translators
};

struct Entry
{
    const char *code;
    Label label;
};

const std::vector<Entry> &entries(EnumLabels::Kind kind)
{
    static const std::vector<Entry> stages{
        {"prospecting", QT_TRANSLATE_NOOP("vantage::core::EnumLabels", "Prospecting")},
        {"engaging", QT_TRANSLATE_NOOP("vantage::core::EnumLabels", "Engaging")},
        {"won", QT_TRANSLATE_NOOP("vantage::core::EnumLabels", "Won")},
        {"lost", QT_TRANSLATE_NOOP("vantage::core::EnumLabels", "Lost")},
    };
    static const std::vector<Entry> orderStatus{
        {"open", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Open", "order status: not shipped yet")},
        {"shipped", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Shipped", "order status")},
        {"cancelled", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Cancelled", "order status")},
    };
    static const std::vector<Entry> accountKind{
        {"customer", QT_TRANSLATE_NOOP("vantage::core::EnumLabels", "Customer")},
        {"dealer", QT_TRANSLATE_NOOP("vantage::core::EnumLabels", "Dealer")},
        {"prospect", QT_TRANSLATE_NOOP("vantage::core::EnumLabels", "Prospect")},
    };
    static const std::vector<Entry> role{
        {"rep", QT_TRANSLATE_NOOP("vantage::core::EnumLabels", "Sales rep")},
        {"regional_manager", QT_TRANSLATE_NOOP("vantage::core::EnumLabels", "Regional manager")},
        {"director", QT_TRANSLATE_NOOP("vantage::core::EnumLabels", "Sales director")},
        {"admin", QT_TRANSLATE_NOOP("vantage::core::EnumLabels", "Administrator")},
    };
    static const std::vector<Entry> invoiceStatus{
        {"open", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Unpaid", "invoice status")},
        {"paid", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Paid", "invoice status")},
        {"void", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Void", "invoice status")},
    };
    static const std::vector<Entry> entity{
        {"account", QT_TRANSLATE_NOOP("vantage::core::EnumLabels", "Customer or dealer")},
        {"contact", QT_TRANSLATE_NOOP("vantage::core::EnumLabels", "Contact")},
        {"opportunity", QT_TRANSLATE_NOOP("vantage::core::EnumLabels", "Opportunity")},
        {"activity", QT_TRANSLATE_NOOP("vantage::core::EnumLabels", "Activity")},
        {"sales_order", QT_TRANSLATE_NOOP("vantage::core::EnumLabels", "Order")},
        {"order_line", QT_TRANSLATE_NOOP("vantage::core::EnumLabels", "Order line")},
        {"approval_request", QT_TRANSLATE_NOOP("vantage::core::EnumLabels", "Approval request")},
        {"quote", QT_TRANSLATE_NOOP("vantage::core::EnumLabels", "Quote")},
        {"quote_line", QT_TRANSLATE_NOOP("vantage::core::EnumLabels", "Quote line")},
        {"contract", QT_TRANSLATE_NOOP("vantage::core::EnumLabels", "Contract")},
        {"contract_clause", QT_TRANSLATE_NOOP("vantage::core::EnumLabels", "Contract clause")},
        {"sales_target", QT_TRANSLATE_NOOP("vantage::core::EnumLabels", "Sales target")},
    };
    static const std::vector<Entry> documentField{
        {"quote_no", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Quote number", "field of a quote or contract")},
        {"contract_no", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Contract number", "field of a quote or contract")},
        {"revision", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Revision", "field of a quote or contract")},
        {"parent_quote_id", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Previous revision", "field of a quote or contract")},
        {"account_id", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Customer", "field of a quote or contract")},
        {"opportunity_id", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Opportunity", "field of a quote or contract")},
        {"owner_id", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Owner", "field of a quote or contract")},
        {"status", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Status", "field of a quote or contract")},
        {"currency", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Currency", "field of a quote or contract")},
        {"price_book_id", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Price book", "field of a quote or contract")},
        {"exchange_rate", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Exchange rate", "field of a quote or contract")},
        {"exchange_rate_on", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Rate date", "field of a quote or contract")},
        {"country", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Country", "field of a quote or contract")},
        {"language", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Language", "field of a quote or contract")},
        {"valid_until", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Valid until", "field of a quote or contract")},
        {"subtotal_minor", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Subtotal", "field of a quote or contract")},
        {"discount_minor", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Discount", "field of a quote or contract")},
        {"tax_minor", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Tax", "field of a quote or contract")},
        {"total_minor", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Total", "field of a quote or contract")},
        {"notes", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Notes", "field of a quote or contract")},
        {"created_at", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Created", "field of a quote or contract")},
        {"quote_id", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Quote", "field of a quote or contract")},
        {"starts_on", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Starts", "field of a quote or contract")},
        {"ends_on", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Ends", "field of a quote or contract")},
        {"signed_on", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Signed", "field of a quote or contract")},
        {"name", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Name", "field of a record")},
        {"kind", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Kind", "field of a record")},
        {"stage_code", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Stage", "field of a record")},
        {"amount_minor", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Amount", "field of a record")},
        {"expected_close_on", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Expected close", "field of a record")},
        {"closed_on", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Closed", "field of a record")},
        {"product_id", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Product", "field of a record")},
        {"subject", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Subject", "field of a record")},
        {"title", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Job title", "field of a record")},
        {"email", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "E-mail", "field of a record")},
        {"phone", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Phone", "field of a record")},
        {"order_no", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Order number", "field of a record")},
        {"order_date", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Order date", "field of a record")},
        {"ship_date", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Ship date", "field of a record")},
        {"due_date", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Due date", "field of a record")},
        {"total_minor", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Order total", "field of a record")},
        {"occurred_at", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "When", "field of a record")},
        {"duration_minutes", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Minutes", "field of a record")},
        {"city", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "City", "field of a record")},
        {"segment", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Segment", "field of a record")},
        {"metric", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Metric", "field of a record")},
        {"recipients", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Recipients", "field of a record")},
        {"enabled", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Enabled", "field of a record")},
        {"sigma_centi", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Sensitivity (hundredths of a sigma)", "field of a record")},
        {"minimum_deals", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Minimum deals", "field of a record")},
        {"recent_weeks", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Recent weeks", "field of a record")},
        {"baseline_weeks", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Baseline weeks", "field of a record")},
        {"seasonal_quarters", QT_TRANSLATE_NOOP3("vantage::core::EnumLabels", "Quarters compared", "field of a record")},
    };
    switch (kind) {
    case EnumLabels::Kind::Stage: return stages;
    case EnumLabels::Kind::OrderStatus: return orderStatus;
    case EnumLabels::Kind::AccountKind: return accountKind;
    case EnumLabels::Kind::Role: return role;
    case EnumLabels::Kind::InvoiceStatus: return invoiceStatus;
    case EnumLabels::Kind::Entity: return entity;
    case EnumLabels::Kind::DocumentField: return documentField;
    }
    return stages;
}

// Names that occur in the bundled demo data; lupdate sees them here.
[[maybe_unused]] const char *const kDemoVocabulary[] = {
    QT_TRANSLATE_NOOP("vantage::core::DemoVocabulary", "Central"),
    QT_TRANSLATE_NOOP("vantage::core::DemoVocabulary", "East"),
    QT_TRANSLATE_NOOP("vantage::core::DemoVocabulary", "South"),
    QT_TRANSLATE_NOOP("vantage::core::DemoVocabulary", "West"),
    QT_TRANSLATE_NOOP("vantage::core::DemoVocabulary", "Furniture"),
    QT_TRANSLATE_NOOP("vantage::core::DemoVocabulary", "Office Supplies"),
    QT_TRANSLATE_NOOP("vantage::core::DemoVocabulary", "Technology"),
    QT_TRANSLATE_NOOP("vantage::core::DemoVocabulary", "Consumer"),
    QT_TRANSLATE_NOOP("vantage::core::DemoVocabulary", "Corporate"),
    QT_TRANSLATE_NOOP("vantage::core::DemoVocabulary", "Home Office"),
    QT_TRANSLATE_NOOP("vantage::core::DemoVocabulary", "Same Day"),
    QT_TRANSLATE_NOOP("vantage::core::DemoVocabulary", "First Class"),
    QT_TRANSLATE_NOOP("vantage::core::DemoVocabulary", "Second Class"),
    QT_TRANSLATE_NOOP("vantage::core::DemoVocabulary", "Standard Class"),
    QT_TRANSLATE_NOOP("vantage::core::DemoVocabulary", "United States"),
};

} // namespace

QString EnumLabels::label(Kind kind, const QString &code)
{
    for (const Entry &entry : entries(kind))
        if (code == QLatin1String(entry.code))
            return QCoreApplication::translate("vantage::core::EnumLabels", entry.label.text, entry.label.comment);
    return code;
}

QString EnumLabels::stageName(const QString &code, const QString &storedName)
{
    // The risk list's stage of an order (not a pipeline stage: not offered with the stages).
    if (code == QLatin1String("order_open"))
        return QCoreApplication::translate("vantage::core::EnumLabels", "Awaiting shipment");
    const QString translated = label(Kind::Stage, code);
    return translated == code && !storedName.isEmpty() ? storedName : translated;
}

QStringList EnumLabels::codes(Kind kind)
{
    QStringList result;
    for (const Entry &entry : entries(kind))
        result << QString::fromLatin1(entry.code);
    return result;
}

namespace {
std::atomic_bool s_demoVocabulary{false};
} // namespace

void EnumLabels::setDemoVocabulary(bool enabled)
{
    s_demoVocabulary = enabled;
}

QString EnumLabels::dataName(const QString &name)
{
    if (name.isEmpty() || !s_demoVocabulary)
        return name;
    return QCoreApplication::translate("vantage::core::DemoVocabulary", name.toUtf8().constData());
}

} // namespace vantage::core
