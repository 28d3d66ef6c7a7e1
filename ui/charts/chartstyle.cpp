#include "chartstyle.h"

#include <QApplication>
#include <QChart>
#include <QCoreApplication>
#include <QLocale>
#include <QValueAxis>

namespace vantage::ui {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::ui::ChartStyle)
};
} // namespace

void styleChart(QChart *chart, const QString &title)
{
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setTheme(QChart::ChartThemeLight);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(6, 6, 6, 6));
    QFont titleFont = QApplication::font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    chart->setTitle(title);
    chart->legend()->setFont(QApplication::font());
    chart->legend()->setAlignment(Qt::AlignBottom);
}

AxisMoneyUnit moneyAxisUnit(qint64 largestMinor, const core::Currency &currency)
{
    double minorPerMajor = 1;
    for (int i = 0; i < currency.minorDigits(); ++i)
        minorPerMajor *= 10;
    const double major = static_cast<double>(largestMinor) / minorPerMajor;
    if (QLocale().language() == QLocale::Chinese) { // Chinese counts in 万 (10^4) and 亿 (10^8)
        if (major >= 5e8)
            return {minorPerMajor * 1e8, Tr::tr("hundred millions of %1").arg(currency.code())};
        if (major >= 5e4)
            return {minorPerMajor * 1e4, Tr::tr("ten thousands of %1").arg(currency.code())};
        return {minorPerMajor, currency.code()};
    }
    if (major >= 5e6)
        return {minorPerMajor * 1e6, Tr::tr("millions of %1").arg(currency.code())};
    if (major >= 5e3)
        return {minorPerMajor * 1e3, Tr::tr("thousands of %1").arg(currency.code())};
    return {minorPerMajor, currency.code()};
}

void setValueRange(QValueAxis *axis, qint64 largestMinor, const AxisMoneyUnit &unit)
{
    // Nice numbers start from the tick count: that of a new axis, not the one the last range chose.
    static const int defaultTickCount = QValueAxis().tickCount();
    axis->setTickCount(defaultTickCount);
    axis->setRange(0, largestMinor > 0 ? static_cast<double>(largestMinor) / unit.divisor : 1.0);
    axis->applyNiceNumbers();
}

} // namespace vantage::ui
