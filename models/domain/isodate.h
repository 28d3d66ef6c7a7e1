#pragma once

#include <QDate>
#include <QString>

namespace vantage::core {

// Business dates are stored as ISO text ("2026-11-28"): they have no time zone (docs/adr/0003).
inline QString isoDate(const QDate &date)
{
    return date.toString(Qt::ISODate);
}

// The first day of the calendar quarter a date falls in.
inline QDate quarterStart(const QDate &date)
{
    return QDate(date.year(), (date.month() - 1) / 3 * 3 + 1, 1);
}

} // namespace vantage::core
