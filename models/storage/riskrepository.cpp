#include "riskrepository.h"

#include "sql.h"

#include <functional>

namespace vantage::core {

namespace {

QDate dateOf(const QVariant &value)
{
    return QDate::fromString(value.toString(), Qt::ISODate);
}

// Runs a query whose first column is an opportunity id and hands each row of a known deal over.
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
                        readInvoices(history), readListPrices(history), readNames(history)})
        if (!read)
            return read.error();
    return history;
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
        {QStringLiteral("SELECT id, name FROM account WHERE deleted = 0 AND id IN (SELECT account_id FROM opportunity)"),
         &history.accountNames},
        {QStringLiteral("SELECT id, name FROM region WHERE deleted = 0"), &history.regionNames},
        {QStringLiteral("SELECT id, name FROM product WHERE deleted = 0 AND id IN (SELECT product_id FROM opportunity)"),
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
