#pragma once

#include "storage/recordlist.h"

#include <QLocale>
#include <QVariant>

namespace vantage::core {

// How a stored value reads on screen in the current language: dates in the locale's short form,
// UTC timestamps in local time, money with its symbol, codes as translated labels.
QString displayText(const RecordListColumn &column, const QVariant &value, const QLocale &locale = QLocale());
QString displayDate(const QDate &date, const QLocale &locale = QLocale());

} // namespace vantage::core
