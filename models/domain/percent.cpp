#include "percent.h"

#include "decimal.h"

namespace vantage::core {

QString formatPercent(qint64 numerator, qint64 denominator, const QLocale &locale, bool showPlus)
{
    if (denominator == 0)
        return QStringLiteral("—");
    auto tenths = divideRounded(static_cast<Int128>(numerator) * 1000, denominator, Rounding::HalfUp);
    if (!tenths)
        return QStringLiteral("—");
    const qint64 value = tenths.value();
    const qint64 magnitude = value < 0 ? -value : value;
    QString text = locale.toString(magnitude / 10) + locale.decimalPoint() + QString::number(magnitude % 10)
        + locale.percent();
    if (value < 0)
        text.prepend(locale.negativeSign());
    else if (showPlus && value > 0)
        text.prepend(locale.positiveSign());
    return text;
}

} // namespace vantage::core
