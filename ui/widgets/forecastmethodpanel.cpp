#include "forecastmethodpanel.h"

#include "analytics/forecaster.h"

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include <cmath>

namespace vantage::ui {

ForecastMethodPanel::ForecastMethodPanel(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("forecastMethodPanel"));
    setFrameShape(QFrame::StyledPanel);
    setMinimumWidth(240);
    setMaximumWidth(320);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 10);
    m_heading = new QLabel(this);
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    m_heading->setWordWrap(true);
    layout->addWidget(m_heading);
    for (QLabel **label : {&m_method, &m_accuracy, &m_explanation, &m_timing}) {
        *label = new QLabel(this);
        (*label)->setWordWrap(true);
        (*label)->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout->addWidget(*label);
    }
    QPalette muted = m_explanation->palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
    m_explanation->setPalette(muted);
    m_timing->setPalette(muted);
    layout->addStretch(1);
    clear();
}

void ForecastMethodPanel::clear()
{
    m_heading->setText(tr("Method and accuracy"));
    m_method->setText(tr("No forecast yet."));
    m_accuracy->clear();
    m_explanation->clear();
    m_timing->clear();
}

void ForecastMethodPanel::setNode(const core::ForecastReport &report, const core::ForecastNode &node)
{
    const QLocale locale;
    m_heading->setText(tr("Method and accuracy"));
    m_method->setText(tr("Method: %1").arg(core::Forecaster::translatedMethod(node.forecast.method)));
    const core::ForecastAccuracy &a = node.backtest;
    if (node.backtestOrigins > 0 && a.count > 0) {
        m_accuracy->setText(tr("Backtest over %n origins: MASE %1, sMAPE %2, bias %3, %4 of actuals inside the 80% band, "
                               "%5 inside the 95% band.", nullptr, node.backtestOrigins)
                                .arg(number(a.mase, locale), percent(a.smape, locale), percent(a.bias, locale, true),
                                     percent(a.coverage80, locale), percent(a.coverage95, locale)));
        m_explanation->setText(tr("MASE below 1 means the forecasts missed by less, on average, than repeating the "
                                  "same period of the year before would have."));
    } else {
        m_accuracy->setText(tr("Too little history for a backtest: the accuracy cannot be measured yet."));
        m_explanation->clear();
    }
    const QString seconds = locale.toString(report.seconds, 'f', report.seconds < 10 ? 1 : 0);
    m_timing->setText(report.refitted > 0
                          ? tr("Fitted in %1 s: %n models fitted anew, the others reused from the cache.", nullptr,
                               report.refitted)
                                .arg(seconds)
                          : tr("Ready in %1 s: every model came from the cache (the data has not changed).").arg(seconds));
}

QString ForecastMethodPanel::methodText() const { return m_method->text(); }
QString ForecastMethodPanel::accuracyText() const { return m_accuracy->text(); }
QString ForecastMethodPanel::timingText() const { return m_timing->text(); }

QString ForecastMethodPanel::number(double value, const QLocale &locale)
{
    return std::isfinite(value) ? locale.toString(value, 'f', 2) : tr("n/a", "a measure that cannot be computed");
}

QString ForecastMethodPanel::percent(double value, const QLocale &locale, bool signedValue)
{
    if (!std::isfinite(value))
        return tr("n/a", "a measure that cannot be computed");
    QString text = locale.toString(std::abs(value), 'f', 1) + locale.percent();
    if (signedValue && std::round(value * 10) != 0)
        text.prepend(value < 0 ? QStringLiteral("\u2212") : locale.positiveSign());
    return text;
}

} // namespace vantage::ui
