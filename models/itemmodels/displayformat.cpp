#include "displayformat.h"

#include "domain/money.h"

#include <QCoreApplication>
#include <QDateTime>

namespace vantage::core {

QString displayDate(const QDate &date, const QLocale &locale)
{
    // Unambiguous everywhere: "28 Nov 2026" in English, "2026-11-28" in Chinese.
    return date.isValid()
        ? locale.toString(date, QCoreApplication::translate("vantage::core::DisplayFormat", "d MMM yyyy", "date format"))
        : QString();
}

QString displayText(const RecordListColumn &column, const QVariant &value, const QLocale &locale)
{
    if (value.isNull())
        return column.type == ColumnType::Money ? QStringLiteral("—") : QString();
    switch (column.type) {
    case ColumnType::Date:
        return displayDate(value.toDate(), locale);
    case ColumnType::Timestamp:
        return displayDate(value.toDateTime().toLocalTime().date(), locale);
    case ColumnType::Money:
        return value.canConvert<Money>() ? value.value<Money>().format(locale) : value.toString();
    case ColumnType::Integer:
        return locale.toString(value.toLongLong());
    case ColumnType::Enum:
        return EnumLabels::label(column.enumKind, value.toString());
    case ColumnType::DataName:
        return EnumLabels::dataName(value.toString());
    case ColumnType::Text:
        break;
    }
    return value.toString();
}

} // namespace vantage::core
