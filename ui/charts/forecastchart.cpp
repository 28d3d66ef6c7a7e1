#include "forecastchart.h"

#include "chartstyle.h"

#include "itemmodels/forecasttablemodel.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QFontMetrics>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPainter>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace vantage::ui {
namespace {

const QColor kActual(0x2b, 0x5c, 0x8a);
const QColor kFitted(0x8f, 0xb3, 0xd9);
const QColor kForecast(0xd9, 0x6c, 0x00);
const QColor kTarget(0xa8, 0x32, 0x2a);

qreal timeOf(const QDate &date)
{
    return qreal(date.startOfDay().toMSecsSinceEpoch());
}

QLineSeries *line(const QString &name, const QColor &color, qreal width, Qt::PenStyle style)
{
    auto *series = new QLineSeries;
    series->setName(name);
    QPen pen(color, width, style);
    pen.setCapStyle(Qt::FlatCap);
    series->setPen(pen);
    return series;
}

QAreaSeries *band(const QString &name, const core::ForecastReport &report, const core::PredictionBand &values, int alpha)
{
    auto *upper = new QLineSeries;
    auto *lower = new QLineSeries;
    for (int h = 0; h < report.horizon && h < int(values.upper.size()); ++h) {
        const qreal at = timeOf(report.periods[std::size_t(report.historyLength + h)]);
        upper->append(at, values.upper[std::size_t(h)]);
        lower->append(at, values.lower[std::size_t(h)]);
    }
    auto *area = new QAreaSeries(upper, lower);
    upper->setParent(area); // an area series does not own its lines
    lower->setParent(area);
    area->setName(name);
    QColor fill = kForecast;
    fill.setAlpha(alpha);
    area->setBrush(fill);
    area->setPen(Qt::NoPen);
    return area;
}

// Date labels at exact period starts (a QDateTimeAxis spaces its ticks evenly in milliseconds,
// so its labels drift off month and quarter boundaries); at most about ten of them.
QCategoryAxis *periodAxis(const core::ForecastReport &report)
{
    auto *axis = new QCategoryAxis;
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    const int count = int(report.periods.size());
    const bool quarterly = report.request.granularity == core::ForecastGranularity::Quarter;
    const int stride = quarterly ? std::max(1, (count + 9) / 10) : std::max(3, ((count + 9) / 10 + 2) / 3 * 3);
    const qreal halfStep = (timeOf(report.periods[1]) - timeOf(report.periods[0])) / 2;
    axis->setRange(timeOf(report.periods.front()) - halfStep, timeOf(report.periods.back()) + halfStep);
    axis->setStartValue(axis->min());
    const QLocale locale;
    const int first = std::max(0, count - 1 - report.horizon) % stride; // the last actual is labelled
    for (int t = first; t < count; t += stride) {
        const QDate period = report.periods[std::size_t(t)];
        axis->append(quarterly ? core::ForecastTableModel::periodLabel(period, report.request.granularity, locale)
                               : locale.toString(period, ForecastChart::tr("MMM yy", "month on the forecast chart's axis")),
                     timeOf(period));
    }
    axis->setTruncateLabels(false);
    return axis;
}

} // namespace

ForecastChart::ForecastChart(QWidget *parent) : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(360);
    clear(QString());
}

void ForecastChart::clear(const QString &title)
{
    auto *chart = new QChart;
    styleChart(chart, title);
    m_actual = m_fitted = m_forecast = m_target = nullptr;
    m_band80 = m_band95 = nullptr;
    replaceChart(chart);
}

void ForecastChart::setData(const core::ForecastReport &report, const core::ForecastNode &node, const QString &title,
                            const QString &measureLabel)
{
    if (report.periods.size() < 2 || report.historyLength < 1) {
        clear(title);
        return;
    }
    auto *chart = new QChart;
    styleChart(chart, title);
    chart->setLocalizeNumbers(true);
    m_band95 = band(tr("95% range"), report, node.forecast.band95, 45);
    m_band80 = band(tr("80% range"), report, node.forecast.band80, 95);
    m_actual = line(tr("Actual"), kActual, 2.0, Qt::SolidLine);
    m_fitted = line(tr("Fitted (one step ahead)"), kFitted, 1.5, Qt::DashLine);
    m_forecast = line(tr("Forecast"), kForecast, 2.5, Qt::SolidLine);
    m_target = line(tr("Target"), kTarget, 1.5, Qt::DashLine);
    const auto [low, high] = fillSeries(report, node);
    for (QAbstractSeries *series : std::initializer_list<QAbstractSeries *>{m_band95, m_band80, m_fitted, m_actual,
                                                                           m_forecast, m_target})
        chart->addSeries(series);
    if (m_target->count() == 0)
        chart->legend()->markers(m_target).front()->setVisible(false);
    addAxes(chart, report, measureLabel, low, high);
    replaceChart(chart);
}

// Actuals, fits, forecast and targets in major units; returns the lowest and highest value shown.
std::pair<double, double> ForecastChart::fillSeries(const core::ForecastReport &report, const core::ForecastNode &node)
{
    double low = 0.0, high = 0.0;
    const auto seen = [&](double v) {
        low = std::min(low, v);
        high = std::max(high, v);
    };
    const int history = report.historyLength;
    for (int t = 0; t < history && t < int(node.history.size()); ++t) {
        m_actual->append(timeOf(report.periods[std::size_t(t)]), node.history[std::size_t(t)]);
        seen(node.history[std::size_t(t)]);
        if (t < int(node.forecast.fitted.size()) && std::isfinite(node.forecast.fitted[std::size_t(t)]))
            m_fitted->append(timeOf(report.periods[std::size_t(t)]), node.forecast.fitted[std::size_t(t)]);
    }
    if (!node.history.empty()) // the forecast line continues from the last actual
        m_forecast->append(m_actual->points().back());
    for (int h = 0; h < report.horizon && h < int(node.forecast.mean.size()); ++h) {
        m_forecast->append(timeOf(report.periods[std::size_t(history + h)]), node.forecast.mean[std::size_t(h)]);
        if (std::size_t(h) < node.forecast.band95.upper.size()) {
            seen(node.forecast.band95.upper[std::size_t(h)]);
            seen(node.forecast.band95.lower[std::size_t(h)]);
        }
    }
    for (std::size_t t = 0; t < node.targets.size() && t < report.periods.size(); ++t)
        if (node.targets[t]) {
            m_target->append(timeOf(report.periods[t]), *node.targets[t]);
            seen(*node.targets[t]);
        }
    return {low, high};
}

// The period axis and a money axis in a readable unit (thousands, 万, …); the series, plotted in
// major units, are scaled to that unit.
void ForecastChart::addAxes(QChart *chart, const core::ForecastReport &report, const QString &measureLabel,
                            double low, double high)
{
    const auto currency = core::Currency::fromCode(report.currency).value_or(core::Currency::usd());
    const double minorPerMajor = core::minorUnitsPerMajor(report.currency);
    const AxisMoneyUnit unit = moneyAxisUnit(qint64(high * minorPerMajor), currency);
    auto *yAxis = new QValueAxis;
    yAxis->setTitleText(tr("%1 (%2)", "value axis: measure (unit), e.g. Sales (thousands of USD)").arg(measureLabel, unit.title));
    yAxis->setLabelFormat(QStringLiteral("%.0f"));
    setValueRange(yAxis, qint64(high * minorPerMajor), unit);
    if (low < 0) {
        yAxis->setMin(low * minorPerMajor / unit.divisor);
        yAxis->applyNiceNumbers();
    }
    QCategoryAxis *xAxis = periodAxis(report);
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);
    // The last label is centred on the last period, half a step from the plot's right edge: the
    // margin makes room for the rest of it, so a long one ("27年10月") is not cut off.
    if (const QStringList labels = xAxis->categoriesLabels(); !labels.isEmpty()) {
        QMargins margins = chart->margins();
        margins.setRight(std::max(margins.right(), QFontMetrics(xAxis->labelsFont()).horizontalAdvance(labels.last()) / 2 + 4));
        chart->setMargins(margins);
    }
    const qreal scale = minorPerMajor / unit.divisor;
    for (QLineSeries *s : {m_actual, m_fitted, m_forecast, m_target, m_band80->upperSeries(), m_band80->lowerSeries(),
                           m_band95->upperSeries(), m_band95->lowerSeries()}) {
        QList<QPointF> points = s->points();
        for (QPointF &p : points)
            p.setY(p.y() * scale);
        s->replace(points);
    }
    for (QAbstractSeries *series : chart->series()) {
        series->attachAxis(xAxis);
        series->attachAxis(yAxis);
    }
}

void ForecastChart::replaceChart(QChart *chart)
{
    QChart *old = this->chart();
    setChart(chart);
    delete old;
}

QPixmap ForecastChart::image() const
{
    constexpr qreal ratio = 2.0;
    QPixmap pixmap(size() * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::white);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const_cast<ForecastChart *>(this)->render(&painter);
    return pixmap;
}

} // namespace vantage::ui
