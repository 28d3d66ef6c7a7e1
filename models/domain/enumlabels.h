#pragma once

#include <QString>
#include <QStringList>

namespace vantage::core {

// Translated labels for the codes stored in the database ("engaging", "open", "dealer"), and for
// names in the bundled demo data (regions, categories) so a Chinese UI shows Chinese there too.
class EnumLabels
{
public:
    enum class Kind { Stage, OrderStatus, AccountKind, Role, InvoiceStatus, Entity, DocumentField };

    // The translated label of code; the code itself when it is unknown (e.g. a custom stage).
    static QString label(Kind kind, const QString &code);
    static QStringList codes(Kind kind);
    // A pipeline stage: the translated built-in name, or the company's own stored name.
    static QString stageName(const QString &code, const QString &storedName);
    // A name from the demo data in the UI language while a demo database is open; a company's own
    // names are always shown as entered.
    static QString dataName(const QString &name);
    static void setDemoVocabulary(bool enabled);
};

} // namespace vantage::core
