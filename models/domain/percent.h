#pragma once

#include <QLocale>
#include <QString>

namespace vantage::core {

// numerator / denominator as a percentage with one decimal, rounded half up in integer arithmetic
// ("12.4%", "+19.9%" with showPlus); "—" when the denominator is zero.
QString formatPercent(qint64 numerator, qint64 denominator, const QLocale &locale, bool showPlus = false);

} // namespace vantage::core
