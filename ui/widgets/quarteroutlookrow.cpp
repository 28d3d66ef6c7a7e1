#include "quarteroutlookrow.h"

#include "kpitile.h"

#include "analytics/forecastjob.h"
#include "domain/currency.h"
#include "domain/futurewatch.h"
#include "domain/money.h"
#include "itemmodels/forecasttablemodel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLocale>

#include <cmath>

namespace vantage::ui {

namespace {

enum Tile { OrdersTile, WonTile, PipelineTile, TileCount };

} // namespace

QuarterOutlookRow::QuarterOutlookRow(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    for (int i = 0; i < TileCount; ++i) {
        m_tiles.push_back(new KpiTile(this));
        layout->addWidget(m_tiles.back(), 1);
    }
    showPlaceholders();
}

void QuarterOutlookRow::load(core::Store *store, const QDate &asOf, const QString &currency)
{
    const quint64 generation = ++m_generation;
    m_asOf = asOf;
    if (!m_outlook)
        showPlaceholders();
    core::watchFuture(this, core::loadDashboardOutlook(*store, asOf, currency),
                      [this, generation](const core::Result<core::DashboardOutlook> &result) {
                          if (generation != m_generation)
                              return;
                          if (!result) {
                              Q_EMIT failed(tr("The quarter outlook could not be computed: %1").arg(result.error().message));
                              return;
                          }
                          m_outlook = result.value();
                          showOutlook(*m_outlook);
                          Q_EMIT loaded();
                      });
}

void QuarterOutlookRow::clear()
{
    ++m_generation;
    m_outlook.reset();
    showPlaceholders();
}

QString QuarterOutlookRow::money(double value, bool compact) const
{
    if (!std::isfinite(value))
        return QStringLiteral("–");
    const QString code = m_outlook ? m_outlook->currency : QString();
    const core::Currency currency = core::Currency::fromCode(code).value_or(core::Currency::usd());
    const core::Money amount = core::ForecastTableModel::money(value, currency);
    return compact ? amount.formatCompact(QLocale()) : amount.format(QLocale());
}

void QuarterOutlookRow::showOutlook(const core::DashboardOutlook &o)
{
    const QLocale locale;
    const QString quarter = core::ForecastTableModel::periodLabel(o.quarterStart, core::ForecastGranularity::Quarter);
    const QString unknown = QStringLiteral("–");
    KpiTile *orders = m_tiles[OrdersTile];
    orders->setCaption(tr("Orders, %1 outlook").arg(quarter));
    if (o.orders) {
        orders->setValue(money(o.orders->expected, true),
                         tr("%1 expected by quarter end: %2 booked so far plus the forecast of the remaining days")
                             .arg(money(o.orders->expected, false), money(o.orders->wonSoFar, false)));
        QString detail = tr("80%: %1 – %2").arg(money(o.orders->low80, true), money(o.orders->high80, true));
        if (o.ordersTarget && *o.ordersTarget > 0.0)
            detail += tr(" · target %1 (%2%)").arg(money(*o.ordersTarget, true))
                          .arg(locale.toString(100.0 * o.orders->expected / *o.ordersTarget, 'f', 0));
        orders->setDetail(detail);
    } else {
        orders->setValue(unknown, o.ordersProblem);
        orders->setDetail(tr("Not enough order history for a forecast"));
    }

    KpiTile *won = m_tiles[WonTile];
    KpiTile *pipeline = m_tiles[PipelineTile];
    won->setCaption(tr("Won deals, %1 outlook").arg(quarter));
    pipeline->setCaption(tr("Pipeline closing in %1").arg(quarter));
    if (!o.wonDeals) {
        won->setValue(unknown, o.wonProblem);
        won->setDetail(tr("Not enough won-deal history for a forecast"));
        pipeline->setValue(unknown);
        pipeline->setDetail(QString());
        return;
    }
    const core::QuarterOutlook &w = *o.wonDeals;
    won->setValue(money(w.expected, true),
                  tr("Won so far %1; the rest blends the open pipeline (weight %2%, win rates learned from %Ln closed "
                     "deals) with the forecast of won value (%3)", nullptr, o.closedDealsLearnedFrom)
                      .arg(money(w.wonSoFar, false))
                      .arg(locale.toString(100.0 * w.pipelineWeight, 'f', 0))
                      .arg(money(w.seriesExpected, false)));
    won->setDetail(tr("80%: %1 – %2 · won so far %3").arg(money(w.low80, true), money(w.high80, true), money(w.wonSoFar, true)));
    pipeline->setValue(money(w.pipelineAmount, true), money(w.pipelineAmount, false));
    pipeline->setDetail(tr("%Ln deals, %1 expected to be won", nullptr, w.pipelineDeals).arg(money(w.pipelineExpected, true)));
}

void QuarterOutlookRow::showPlaceholders()
{
    const QStringList captions{tr("Orders, quarter outlook"), tr("Won deals, quarter outlook"), tr("Pipeline closing this quarter")};
    for (int i = 0; i < TileCount; ++i) {
        m_tiles[std::size_t(i)]->setCaption(captions[i]);
        m_tiles[std::size_t(i)]->setValue(QStringLiteral("…"));
        m_tiles[std::size_t(i)]->setDetail(QString());
    }
}

void QuarterOutlookRow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        if (m_outlook)
            showOutlook(*m_outlook);
        else
            showPlaceholders();
    }
    QWidget::changeEvent(event);
}

} // namespace vantage::ui
