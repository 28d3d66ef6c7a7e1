#include "orderwriter.h"

#include "importing/derivedfinance.h"
#include "importing/superstorewriter.h"

#include <algorithm>

namespace vantage::bench {

using core::Status;

namespace {

QString iso(const QDate &day)
{
    return day.toString(Qt::ISODate);
}

// Relative order volume per calendar month: Superstore's seasons (quiet January and February,
// busy September, November and December).
double seasonWeight(int month)
{
    static const double weights[12] = {0.45, 0.35, 0.85, 0.70, 0.75, 0.75, 0.75, 0.75, 1.45, 0.85, 1.55, 1.50};
    return weights[month - 1];
}

// Distributions read off the demo database's order lines (quantity 1..14, the discount steps).
const std::vector<double> kQuantityWeights{899, 2402, 2409, 1191, 1230, 572, 606, 257, 258, 57, 34, 23, 27, 29};
const std::vector<int> kDiscountSteps{0, 1000, 1500, 2000, 3000, 3200, 4000, 4500, 5000, 6000, 7000, 8000};
const std::vector<double> kDiscountWeights{4798, 94, 52, 3657, 227, 27, 206, 11, 66, 138, 418, 300};

struct ShipMode
{
    QString name;
    int minDays;
    int maxDays;
};

const std::vector<ShipMode> &shipModes()
{
    static const std::vector<ShipMode> modes{{QStringLiteral("Standard Class"), 4, 7},
                                             {QStringLiteral("Second Class"), 2, 5},
                                             {QStringLiteral("First Class"), 1, 3},
                                             {QStringLiteral("Same Day"), 0, 0}};
    return modes;
}

} // namespace

OrderWriter::OrderWriter(GeneratorContext &context, const ScaleCatalog &catalog)
    : m_context(context),
      m_catalog(catalog),
      m_orders(context.db, QStringLiteral("sales_order"),
               {QStringLiteral("order_no"), QStringLiteral("account_id"), QStringLiteral("territory_id"),
                QStringLiteral("order_date"), QStringLiteral("ship_date"), QStringLiteral("due_date"),
                QStringLiteral("ship_mode"), QStringLiteral("status"), QStringLiteral("currency"),
                QStringLiteral("total_minor"), QStringLiteral("country"), QStringLiteral("state"), QStringLiteral("city"),
                QStringLiteral("postal_code"), QStringLiteral("created_at")}),
      m_lines(context.db, QStringLiteral("order_line"),
              {QStringLiteral("order_id"), QStringLiteral("line_no"), QStringLiteral("product_id"),
               QStringLiteral("quantity"), QStringLiteral("unit_price_minor"), QStringLiteral("discount_bp"),
               QStringLiteral("amount_minor"), QStringLiteral("profit_minor"), QStringLiteral("ship_date"),
               QStringLiteral("due_date")}),
      m_invoices(context.db, QStringLiteral("invoice"),
                 {QStringLiteral("invoice_no"), QStringLiteral("order_id"), QStringLiteral("account_id"),
                  QStringLiteral("issued_on"), QStringLiteral("due_on"), QStringLiteral("currency"),
                  QStringLiteral("amount_minor"), QStringLiteral("status"), QStringLiteral("origin")}),
      m_payments(context.db, QStringLiteral("payment"),
                 {QStringLiteral("invoice_id"), QStringLiteral("account_id"), QStringLiteral("paid_on"),
                  QStringLiteral("currency"), QStringLiteral("amount_minor"), QStringLiteral("method"),
                  QStringLiteral("origin")})
{
}

Status OrderWriter::write()
{
    for (core::TableInserter *inserter : {&m_orders, &m_lines, &m_invoices, &m_payments})
        if (auto ready = inserter->prepare(); !ready)
            return ready;
    const std::vector<PlannedOrder> orders = plan();
    for (size_t i = 0; i < orders.size(); ++i)
        if (auto done = writeOrder(orders[i], static_cast<qint64>(i) + 1); !done)
            return done;
    return {};
}

// Line counts first (1 + a geometric tail, four lines an order on average, exactly the requested
// total), then one day per order, sorted: orders arrive in date order, as they would in real life,
// so the time-ordered ids and the order dates rise together.
std::vector<OrderWriter::PlannedOrder> OrderWriter::plan()
{
    std::vector<PlannedOrder> orders;
    orders.reserve(static_cast<size_t>(m_context.profile.orderLines / 4 + 16));
    qint64 remaining = m_context.profile.orderLines;
    while (remaining > 0) {
        const int lines = static_cast<int>(std::min<qint64>(remaining, 1 + m_context.random.geometric(0.25, 19)));
        orders.push_back({QDate(), lines});
        remaining -= lines;
    }
    std::vector<QDate> days;
    days.reserve(orders.size());
    for (size_t i = 0; i < orders.size(); ++i)
        days.push_back(drawDay());
    std::sort(days.begin(), days.end());
    for (size_t i = 0; i < orders.size(); ++i)
        orders[i].day = days[i];
    return orders;
}

// A day in the window, weighted by season and by a growing business (the last year sells about
// 40 % more than the first), by rejection sampling.
QDate OrderWriter::drawDay()
{
    const QDate first = m_context.profile.firstDay();
    const qint64 span = first.daysTo(m_context.profile.lastDay()) + 1;
    constexpr double maxWeight = 1.55 * 1.4;
    for (;;) {
        const qint64 offset = m_context.random.below(span);
        const QDate day = first.addDays(offset);
        const double weight = seasonWeight(day.month()) * (1.0 + 0.4 * static_cast<double>(offset) / static_cast<double>(span));
        if (m_context.random.unit() * maxWeight < weight)
            return day;
    }
}

OrderWriter::Line OrderWriter::drawLine()
{
    DeterministicRandom &random = m_context.random;
    Line line;
    // Popular products sell far more often than the rest of the catalogue.
    line.product = &m_catalog.products[static_cast<size_t>(random.skewed(static_cast<qint64>(m_catalog.products.size()), 2.0))];
    line.quantity = 1 + random.weighted(kQuantityWeights);
    line.discountBp = kDiscountSteps[static_cast<size_t>(random.weighted(kDiscountWeights))];
    const qint64 gross = line.product->listPriceMinor * line.quantity;
    line.amountMinor = (gross * (10000 - line.discountBp) + 5000) / 10000;
    // Every point of discount comes off the margin (deep discounts sell at a loss, as in the demo).
    line.profitMinor = line.amountMinor * (line.product->marginBp - line.discountBp) / 10000;
    return line;
}

Status OrderWriter::writeOrder(const PlannedOrder &planned, qint64 serial)
{
    DeterministicRandom &random = m_context.random;
    // A few customers order very often, most now and then.
    const auto &account = m_catalog.accounts[static_cast<size_t>(random.skewed(static_cast<qint64>(m_catalog.accounts.size()), 1.6))];
    const ShipMode &mode = shipModes()[static_cast<size_t>(random.weighted({0.60, 0.19, 0.16, 0.05}))];
    const QDate shipDate = planned.day.addDays(random.between(mode.minDays, mode.maxDays));
    const QDate dueDate = planned.day.addDays(core::SuperstoreWriter::promisedDays(mode.name));
    std::vector<Line> lines;
    qint64 total = 0;
    for (int i = 0; i < planned.lines; ++i) {
        lines.push_back(drawLine());
        total += lines.back().amountMinor;
    }
    const bool shipped = shipDate <= m_context.profile.asOf;
    const QString orderNo = QStringLiteral("VS-%1-%2").arg(planned.day.year()).arg(serial, 7, 10, QLatin1Char('0'));
    const QString regionId = m_catalog.regionIds[static_cast<size_t>(account.region)];
    const auto &territory = m_catalog.territories[static_cast<size_t>(account.territory)];
    auto id = m_context.insert(m_orders, QStringLiteral("sales_order"), regionId,
                               {orderNo, account.id, territory.id, iso(planned.day), iso(shipDate), iso(dueDate), mode.name,
                                shipped ? QStringLiteral("shipped") : QStringLiteral("open"), QStringLiteral("USD"), total,
                                QStringLiteral("United States"), account.state, account.city, account.postalCode,
                                GeneratorContext::instantMs(planned.day)});
    if (!id)
        return id.error();
    for (size_t i = 0; i < lines.size(); ++i) {
        const Line &l = lines[i];
        auto lineId = m_context.insert(m_lines, QStringLiteral("order_line"), regionId,
                                       {id.value(), static_cast<int>(i) + 1, l.product->id, l.quantity,
                                        l.product->listPriceMinor, l.discountBp, l.amountMinor, l.profitMinor,
                                        iso(shipDate), iso(dueDate)});
        if (!lineId)
            return lineId.error();
    }
    return shipped ? writeFinance(account, id.value(), orderNo, shipDate, total) : Status();
}

Status OrderWriter::writeFinance(const ScaleCatalog::Account &account, const QString &orderId, const QString &orderNo,
                                 const QDate &shipDate, qint64 totalMinor)
{
    using core::DerivedFinance;
    const QDate due = shipDate.addDays(DerivedFinance::kPaymentTermsDays);
    const QDate paid = std::max(shipDate, due.addDays(DerivedFinance::paymentDelayDays(account.ref, orderNo)));
    const bool settled = paid <= m_context.profile.asOf;
    const QString regionId = m_catalog.regionIds[static_cast<size_t>(account.region)];
    const QString number = QStringLiteral("INV-%1-%2").arg(shipDate.year()).arg(++m_invoiceSerial, 7, 10, QLatin1Char('0'));
    auto invoice = m_context.insert(m_invoices, QStringLiteral("invoice"), regionId,
                                    {number, orderId, account.id, iso(shipDate), iso(due), QStringLiteral("USD"), totalMinor,
                                     settled ? QStringLiteral("paid") : QStringLiteral("open"), QStringLiteral("derived")});
    if (!invoice)
        return invoice.error();
    if (!settled)
        return {};
    auto payment = m_context.insert(m_payments, QStringLiteral("payment"), regionId,
                                    {invoice.value(), account.id, iso(paid), QStringLiteral("USD"), totalMinor,
                                     QStringLiteral("bank_transfer"), QStringLiteral("derived")});
    return payment ? Status() : Status(payment.error());
}

} // namespace vantage::bench
