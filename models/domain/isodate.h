#pragma once

#include <QDate>
#include <QString>

namespace vantage::core {

// Business dates are stored as ISO text ("2026-11-28"): they have no time zone (docs/adr/0003).
inline QString isoDate(const QDate &date)
{
    return date.toString(Qt::ISODate);
}

} // namespace vantage::core
