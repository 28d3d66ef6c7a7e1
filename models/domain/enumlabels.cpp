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
    switch (kind) {
    case EnumLabels::Kind::Stage: return stages;
    case EnumLabels::Kind::OrderStatus: return orderStatus;
    case EnumLabels::Kind::AccountKind: return accountKind;
    case EnumLabels::Kind::Role: return role;
    case EnumLabels::Kind::InvoiceStatus: return invoiceStatus;
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
