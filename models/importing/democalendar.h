#pragma once

#include <QDate>

namespace vantage::core {

// Moves every demo date forward by the same number of days so the data's last day is the day before
// the as-of date ("yesterday") and the demo looks current: orders placed in the last days are still
// open, recent invoices not yet due. docs/data.md explains the shift; the source files keep the
// original dates.
class DemoCalendar
{
public:
    // The last day covered by the bundled sources (superstore and CRM pipeline both end 2017-12-31).
    static QDate sourceEnd() { return QDate(2017, 12, 31); }

    explicit DemoCalendar(QDate asOf);

    QDate asOf() const { return m_asOf; }
    int shiftDays() const { return m_shiftDays; }
    QDate shift(QDate sourceDate) const { return sourceDate.addDays(m_shiftDays); }
    QDate shiftedEnd() const { return shift(sourceEnd()); }
    // Midnight UTC of the shifted day, in ms: the instant stored for date-only source events.
    qint64 instantMs(QDate sourceDate) const;

private:
    QDate m_asOf;
    int m_shiftDays = 0;
};

} // namespace vantage::core
