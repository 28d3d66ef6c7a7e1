#include "riskrepository.h"

#include "sql.h"

#include "analytics/riskdealstate.h"

#include <functional>

namespace vantage::core {

namespace {

QDate dateOf(const QVariant &value)
{
    return QDate::fromString(value.toString(), Qt::ISODate);
}

// Runs a query whose first column is a deal's id and hands each row of a known deal over.
Status forEachDealRow(const QSqlDatabase &db, const QString &sql, const QHash<QString, std::size_t> &index,
                      RiskHistory &history, const std::function<void(RiskDeal &, const QSqlQuery &)> &take)
{
    auto q = Sql(db).query(sql);
    if (!q)
        return q.error();
    while (q.value().next()) {
        const auto found = index.constFind(q.value().value(0).toString());
        if (found != index.constEnd())
            take(history.deals[*found], q.value());
    }
    return {};
}

} // namespace

Result<RiskHistory> RiskRepository::load() const
{
    RiskHistory history;
    QHash<QString, std::size_t> index;
    for (Status read : {readStages(history), readDeals(history, index), readDealEvents(history, index),
                        readRegionManagers(history), readOrders(history), readInvoices(history),
                        readListPrices(history), readNames(history)})
        if (!read)
            return read.error();
    return history;
}

Status RiskRepository::readRegionManagers(RiskHistory &history) const
{
    auto q = Sql(m_db).query(QStringLiteral(
        "SELECT ur.region_id, u.id FROM user_region ur JOIN app_user u ON u.id = ur.user_id "
        "WHERE ur.deleted = 0 AND u.deleted = 0 AND u.role = 'regional_manager' ORDER BY ur.region_id, u.id"));
    if (!q)
        return q.error();
    while (q.value().next())
        history.regionManagers[q.value().value(0).toString()] << q.value().value(1).toString();
    return {};
}

// An order is a deal in a stage of its own: open from the moment it was recorded (not before its
// order day), shipped at the start of its ship day (a list cut at 00:00 that day still shows it
// open: events count only before a cut), cancelled when the record last changed. The ship
// date of an order still open is a plan, not an event, and is never read.
Status RiskRepository::readOrders(RiskHistory &history) const
{
    const int lastSort = history.stages.empty() ? 0 : history.stages.back().sortOrder;
    history.stages.push_back({kOrderOpenStage, QStringLiteral("Awaiting shipment"), lastSort + 10, false, false, 0.5});
    history.stages.push_back({kOrderShippedStage, QStringLiteral("Shipped"), lastSort + 20, true, true, 1.0});
    history.stages.push_back({kOrderCancelledStage, QStringLiteral("Cancelled"), lastSort + 30, true, false, 0.0});
    auto q = Sql(m_db).query(QStringLiteral(
        "SELECT id, order_no, account_id, owner_id, region_id, currency, total_minor, order_date, created_at, due_date, "
        "status, ship_date, updated_at FROM sales_order WHERE deleted = 0 ORDER BY id"));
    if (!q)
        return q.error();
    QHash<QString, std::size_t> index;
    while (q.value().next()) {
        const QSqlQuery &row = q.value();
        const QDate ordered = dateOf(row.value(7));
        if (!ordered.isValid())
            continue;
        RiskDeal order;
        order.kind = RiskDealKind::Order;
        order.id = row.value(0).toString();
        order.name = row.value(1).toString();
        order.accountId = row.value(2).toString();
        order.regionId = row.value(4).toString();
        // An order without a rep is followed up by its region's manager (the first by id).
        order.ownerId = row.value(3).isNull() ? history.regionManagers.value(order.regionId).value(0) : row.value(3).toString();
        order.currency = row.value(5).toString();
        order.amountMinor = row.value(6).toLongLong();
        order.createdAt = std::max(riskCutoffMs(ordered), row.value(8).toLongLong());
        order.stages.push_back({kOrderOpenStage, order.createdAt});
        if (const QDate due = dateOf(row.value(9)); due.isValid())
            order.closeDates.push_back({due, order.createdAt});
        const QString status = row.value(10).toString();
        const QDate shipped = dateOf(row.value(11));
        if (status == QLatin1String("shipped") && shipped.isValid())
            order.stages.push_back({kOrderShippedStage, std::max(riskCutoffMs(shipped), order.createdAt)});
        else if (status == QLatin1String("cancelled"))
            order.stages.push_back({kOrderCancelledStage, std::max(row.value(12).toLongLong(), order.createdAt)});
        index.insert(order.id, history.deals.size());
        history.deals.push_back(std::move(order));
    }
    return readOrderLines(history, index);
}

// The product of an order's largest line is its product; the lines' discount off their gross
// value is its discount.
Status RiskRepository::readOrderLines(RiskHistory &history, const QHash<QString, std::size_t> &index) const
{
    struct Lines
    {
        qint64 gross = 0;
        qint64 net = 0;
        qint64 largest = -1;
    };
    QHash<QString, Lines> lines;
    const Status read = forEachDealRow(
        m_db, QStringLiteral("SELECT order_id, product_id, quantity, unit_price_minor, amount_minor FROM order_line "
                             "WHERE deleted = 0 ORDER BY order_id, line_no"),
        index, history, [&lines](RiskDeal &order, const QSqlQuery &row) {
            Lines &sum = lines[order.id];
            const qint64 amount = row.value(4).toLongLong();
            sum.gross += row.value(2).toLongLong() * row.value(3).toLongLong();
            sum.net += amount;
            if (amount > sum.largest) {
                sum.largest = amount;
                order.productId = row.value(1).toString();
            }
        });
    if (!read)
        return read;
    for (auto it = lines.cbegin(); it != lines.cend(); ++it) {
        RiskDeal &order = history.deals[index.value(it.key())];
        if (it->gross > 0)  // also without a discount: an order is never compared with a list price
            order.quotes.push_back({it->gross, std::max<qint64>(it->gross - it->net, 0), order.createdAt});
    }
    return {};
}

Status RiskRepository::readStages(RiskHistory &history) const
{
    auto q = Sql(m_db).query(QStringLiteral("SELECT code, name, sort_order, is_closed, is_won, default_probability_bp "
                                            "FROM pipeline_stage WHERE deleted = 0 ORDER BY sort_order, code"));
    if (!q)
        return q.error();
    while (q.value().next()) {
        const QSqlQuery &row = q.value();
        history.stages.push_back({row.value(0).toString(), row.value(1).toString(), row.value(2).toInt(),
                                  row.value(3).toBool(), row.value(4).toBool(), row.value(5).toDouble() / 10000.0});
    }
    return {};
}

Status RiskRepository::readDeals(RiskHistory &history, QHash<QString, std::size_t> &index) const
{
    auto q = Sql(m_db).query(QStringLiteral("SELECT id, name, account_id, owner_id, product_id, region_id, currency, "
                                            "created_at, amount_minor FROM opportunity WHERE deleted = 0 ORDER BY id"));
    if (!q)
        return q.error();
    while (q.value().next()) {
        const QSqlQuery &row = q.value();
        RiskDeal deal;
        deal.id = row.value(0).toString();
        deal.name = row.value(1).toString();
        deal.accountId = row.value(2).toString();
        deal.ownerId = row.value(3).toString();
        deal.productId = row.value(4).toString();
        deal.regionId = row.value(5).toString();
        deal.currency = row.value(6).toString();
        deal.createdAt = row.value(7).toLongLong();
        deal.amountMinor = row.value(8).toLongLong();
        index.insert(deal.id, history.deals.size());
        history.deals.push_back(std::move(deal));
    }
    return {};
}

Status RiskRepository::readDealEvents(RiskHistory &history, const QHash<QString, std::size_t> &index) const
{
    const std::array<std::pair<QString, std::function<void(RiskDeal &, const QSqlQuery &)>>, 5> reads{{
        {QStringLiteral("SELECT opportunity_id, stage_code, entered_at FROM opportunity_stage_history "
                        "WHERE deleted = 0 ORDER BY opportunity_id, entered_at, id"),
         [](RiskDeal &deal, const QSqlQuery &row) {
             deal.stages.push_back({row.value(1).toString(), row.value(2).toLongLong()});
         }},
        {QStringLiteral("SELECT opportunity_id, expected_close_on, changed_at FROM opportunity_close_date_history "
                        "WHERE deleted = 0 ORDER BY opportunity_id, changed_at, id"),
         [](RiskDeal &deal, const QSqlQuery &row) {
             const QDate close = dateOf(row.value(1));
             if (close.isValid())
                 deal.closeDates.push_back({close, row.value(2).toLongLong()});
         }},
        {QStringLiteral("SELECT opportunity_id, amount_minor, changed_at FROM opportunity_amount_history "
                        "WHERE deleted = 0 ORDER BY opportunity_id, changed_at, id"),
         [](RiskDeal &deal, const QSqlQuery &row) {
             deal.amounts.push_back({row.value(1).toLongLong(), row.value(2).toLongLong()});
         }},
        {QStringLiteral("SELECT opportunity_id, occurred_at FROM activity WHERE deleted = 0 "
                        "AND opportunity_id IS NOT NULL ORDER BY opportunity_id, occurred_at"),
         [](RiskDeal &deal, const QSqlQuery &row) { deal.activities.push_back(row.value(1).toLongLong()); }},
        {QStringLiteral("SELECT opportunity_id, subtotal_minor, discount_minor, created_at FROM quote WHERE deleted = 0 "
                        "AND opportunity_id IS NOT NULL ORDER BY opportunity_id, created_at, id"),
         [](RiskDeal &deal, const QSqlQuery &row) {
             deal.quotes.push_back({row.value(1).toLongLong(), row.value(2).toLongLong(), row.value(3).toLongLong()});
         }},
    }};
    for (const auto &[sql, take] : reads)
        if (Status read = forEachDealRow(m_db, sql, index, history, take); !read)
            return read;
    return {};
}

// An invoice is settled on the day its payments first add up to its amount.
Status RiskRepository::readInvoices(RiskHistory &history) const
{
    auto q = Sql(m_db).query(QStringLiteral(
        "SELECT i.id, i.account_id, i.due_on, i.amount_minor, p.paid_on, p.amount_minor FROM invoice i "
        "LEFT JOIN payment p ON p.invoice_id = i.id AND p.deleted = 0 "
        "WHERE i.deleted = 0 AND i.status <> 'void' ORDER BY i.id, p.paid_on"));
    if (!q)
        return q.error();
    QString current;
    InvoiceRecord *invoice = nullptr;
    qint64 paid = 0;
    while (q.value().next()) {
        const QSqlQuery &row = q.value();
        if (row.value(0).toString() != current) {
            current = row.value(0).toString();
            auto &list = history.invoicesByAccount[row.value(1).toString()];
            list.push_back({dateOf(row.value(2)), QDate(), row.value(3).toLongLong()});
            invoice = &list.back();
            paid = 0;
        }
        if (row.value(4).isNull() || invoice->settledOn.isValid())
            continue;
        paid += row.value(5).toLongLong();
        if (paid >= invoice->amountMinor)
            invoice->settledOn = dateOf(row.value(4));
    }
    return {};
}

Status RiskRepository::readListPrices(RiskHistory &history) const
{
    // The default book wins: it is read last.
    auto q = Sql(m_db).query(QStringLiteral(
        "SELECT e.product_id, b.currency, e.unit_price_minor FROM price_book_entry e JOIN price_book b ON b.id = e.price_book_id "
        "WHERE e.deleted = 0 AND b.deleted = 0 AND e.min_quantity <= 1 ORDER BY b.is_default, b.id"));
    if (!q)
        return q.error();
    while (q.value().next())
        history.listPriceMinor.insert(q.value().value(0).toString() + QLatin1Char('|') + q.value().value(1).toString(),
                                      q.value().value(2).toLongLong());
    return {};
}

Status RiskRepository::readNames(RiskHistory &history) const
{
    const std::array<std::pair<QString, QHash<QString, QString> *>, 4> reads{{
        {QStringLiteral("SELECT id, display_name FROM app_user WHERE deleted = 0"), &history.userNames},
        {QStringLiteral("SELECT id, name FROM account WHERE deleted = 0 AND (id IN (SELECT account_id FROM opportunity) "
                        "OR id IN (SELECT account_id FROM sales_order))"),
         &history.accountNames},
        {QStringLiteral("SELECT id, name FROM region WHERE deleted = 0"), &history.regionNames},
        {QStringLiteral("SELECT id, name FROM product WHERE deleted = 0 AND (id IN (SELECT product_id FROM opportunity) "
                        "OR id IN (SELECT product_id FROM order_line))"),
         &history.productNames},
    }};
    for (const auto &[sql, names] : reads) {
        auto q = Sql(m_db).query(sql);
        if (!q)
            return q.error();
        while (q.value().next())
            names->insert(q.value().value(0).toString(), q.value().value(1).toString());
    }
    auto codes = Sql(m_db).query(QStringLiteral("SELECT id, code FROM region WHERE deleted = 0"));
    if (!codes)
        return codes.error();
    while (codes.value().next())
        history.regionCodes.insert(codes.value().value(0).toString(), codes.value().value(1).toString());
    return {};
}

} // namespace vantage::core
