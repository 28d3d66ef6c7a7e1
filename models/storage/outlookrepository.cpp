#include "outlookrepository.h"

#include "forecastrepository.h"
#include "sql.h"

#include "domain/isodate.h"

#include <QDateTime>

namespace vantage::core {

namespace {

constexpr qint64 kDayMs = 24 * 60 * 60 * 1000;

int wholeDays(qint64 fromMs, qint64 toMs)
{
    return int(std::max<qint64>(toMs - fromMs, 0) / kDayMs);
}

// One deal's row and its stage visits before asOf, in time order.
struct DealHistory
{
    QString stage;
    bool closed = false;
    bool won = false;
    QDate closedOn;
    QDate expectedClose;
    qint64 amountMinor = 0;
    std::vector<std::pair<QString, qint64>> visits;  // stage, entered at (ms)
};

} // namespace

Result<OutlookInput> OutlookRepository::load(const QDate &asOf, const QString &currency) const
{
    OutlookInput input;
    input.asOf = asOf;
    auto won = ForecastRepository(m_db).load(ForecastMeasure::WonDeals, asOf, currency);
    if (!won)
        return won.error();
    input.currency = won.value().currency;
    input.wonSeries = std::move(won.value());
    auto orders = ForecastRepository(m_db).loadOrderTotals(asOf, input.currency);
    if (!orders)
        return orders.error();
    input.orderSeries = std::move(orders.value());
    for (Status read : {readPriors(input), readDeals(input), readOrdersBooked(input)})
        if (!read)
            return read.error();
    return input;
}

Status OutlookRepository::readPriors(OutlookInput &input) const
{
    auto q = Sql(m_db).query(QStringLiteral("SELECT code, default_probability_bp FROM pipeline_stage WHERE deleted = 0"));
    if (!q)
        return q.error();
    while (q.value().next())
        input.priors.insert(q.value().value(0).toString(), q.value().value(1).toDouble() / 10000.0);
    return {};
}

Status OutlookRepository::readOrdersBooked(OutlookInput &input) const
{
    auto booked = Sql(m_db).scalar(QStringLiteral("SELECT coalesce(sum(total_minor), 0) FROM sales_order WHERE deleted = 0 "
                                                  "AND status <> 'cancelled' AND currency = ? AND order_date >= ? AND order_date <= ?"),
                                   {input.currency, isoDate(quarterStart(input.asOf)), isoDate(input.asOf)});
    if (!booked)
        return booked.error();
    input.ordersBookedMinor = booked.value().toLongLong();
    return {};
}

// Each deal as it stood at the end of asOf (local time): closed by then, or still open — a deal
// closed later was open then, in the stage of its last visit before asOf.
Status OutlookRepository::readDeals(OutlookInput &input) const
{
    const qint64 endMs = input.asOf.addDays(1).startOfDay().toMSecsSinceEpoch();
    auto q = Sql(m_db).query(
        QStringLiteral("SELECT o.id, o.stage_code, s.is_closed, s.is_won, o.closed_on, o.expected_close_on, o.amount_minor, "
                       "h.stage_code, h.entered_at FROM opportunity o JOIN pipeline_stage s ON s.code = o.stage_code "
                       "LEFT JOIN opportunity_stage_history h ON h.opportunity_id = o.id AND h.deleted = 0 AND h.entered_at < ? "
                       "WHERE o.deleted = 0 AND o.currency = ? AND o.created_at < ? ORDER BY o.id, h.entered_at"),
        {endMs, input.currency, endMs});
    if (!q)
        return q.error();
    const QDate quarter = quarterStart(input.asOf);
    auto finish = [&](const DealHistory &deal) {
        if (deal.closed && deal.closedOn.isValid() && deal.closedOn <= input.asOf) {
            ClosedDeal done{{}, deal.won};
            for (std::size_t i = 0; i + 1 < deal.visits.size(); ++i)
                done.stages.emplace_back(deal.visits[i].first, wholeDays(deal.visits[i].second, deal.visits[i + 1].second));
            if (deal.won && deal.closedOn >= quarter)
                input.wonSoFarMinor += deal.amountMinor;
            input.closed.push_back(std::move(done));
            return;
        }
        const QString stage = deal.closed ? (deal.visits.empty() ? QString() : deal.visits.back().first) : deal.stage;
        if (stage.isEmpty())
            return;  // closed later, with no history of where it stood: nothing to go on
        const int days = deal.visits.empty() ? 0 : wholeDays(deal.visits.back().second, endMs);
        input.open.push_back({stage, days, deal.expectedClose, deal.amountMinor});
    };
    QString currentId;
    DealHistory deal;
    while (q.value().next()) {
        const QSqlQuery &row = q.value();
        if (row.value(0).toString() != currentId) {
            if (!currentId.isEmpty())
                finish(deal);
            currentId = row.value(0).toString();
            deal = {row.value(1).toString(), row.value(2).toBool(), row.value(3).toBool(),
                    QDate::fromString(row.value(4).toString(), Qt::ISODate),
                    QDate::fromString(row.value(5).toString(), Qt::ISODate), row.value(6).toLongLong(), {}};
        }
        if (!row.value(7).isNull())
            deal.visits.emplace_back(row.value(7).toString(), row.value(8).toLongLong());
    }
    if (!currentId.isEmpty())
        finish(deal);
    return {};
}

} // namespace vantage::core
