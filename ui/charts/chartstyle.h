#pragma once

#include "domain/currency.h"

#include <QString>

class QChart;
class QAbstractAxis;
class QValueAxis;

namespace vantage::ui {

// Common look of every chart: readable title, the application font (CJK-capable), no animation.
void styleChart(QChart *chart, const QString &title);

// Money on a chart axis is shown in a unit chosen from the largest value, so the labels stay short
// ("thousands of USD"); the chart title says what is measured. divisor: minor units per axis unit.
struct AxisMoneyUnit
{
    double divisor = 1;
    QString title; // translated axis title
};
AxisMoneyUnit moneyAxisUnit(qint64 largestMinor, const core::Currency &currency);
// Axis from 0 to the largest value in that unit, rounded out to nice numbers; the same on an axis
// shown before as on a new one.
void setValueRange(QValueAxis *axis, qint64 largestMinor, const AxisMoneyUnit &unit);

} // namespace vantage::ui
