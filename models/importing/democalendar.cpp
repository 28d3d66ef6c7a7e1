#include "democalendar.h"

#include <QDateTime>
#include <QTimeZone>

namespace vantage::core {

DemoCalendar::DemoCalendar(QDate asOf) : m_asOf(asOf)
{
    m_shiftDays = static_cast<int>(sourceEnd().daysTo(asOf) - 1);
}

qint64 DemoCalendar::instantMs(QDate sourceDate) const
{
    return QDateTime(shift(sourceDate), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
}

} // namespace vantage::core
