#pragma once

#include "analytics/forecastreport.h"

#include <QFrame>

class QLabel;

namespace vantage::ui {

// Beside the forecast chart: which method made the forecast, how accurate it was in the
// rolling backtest, what MASE means in plain words, and how long fitting took.
class ForecastMethodPanel : public QFrame
{
    Q_OBJECT
public:
    explicit ForecastMethodPanel(QWidget *parent = nullptr);

    void setNode(const core::ForecastReport &report, const core::ForecastNode &node);
    void clear();

    QString methodText() const;
    QString accuracyText() const;
    QString timingText() const;

    // "0.82", "n/a" for NaN; percentages as "12.3%" / "−2.1%".
    static QString number(double value, const QLocale &locale);
    static QString percent(double value, const QLocale &locale, bool signedValue = false);

private:
    QLabel *m_heading = nullptr;
    QLabel *m_method = nullptr;
    QLabel *m_accuracy = nullptr;
    QLabel *m_explanation = nullptr;
    QLabel *m_timing = nullptr;
};

} // namespace vantage::ui
