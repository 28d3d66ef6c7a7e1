#include "derivedfinance.h"

#include "tableinserter.h"

#include <QMap>

#include "domain/isodate.h"

namespace vantage::core {

int DerivedFinance::paymentDelayDays(const QString &customerRef, const QString &orderNo)
{
    const quint32 habit = stableHash(customerRef) % 100;
    const quint32 jitter = stableHash(orderNo);
    if (habit < 70) // prompt payers: up to ten days early
        return -static_cast<int>(jitter % 11);
    if (habit < 90) // occasionally late: one to thirty days
        return 1 + static_cast<int>(jitter % 30);
    return 15 + static_cast<int>(jitter % 76); // habitually late: 15 to 90 days
}

Status DerivedFinance::writeInvoicesAndPayments(const std::vector<SuperstoreWriter::WrittenOrder> &orders)
{
    TableInserter invoices(m_context.db, QStringLiteral("invoice"),
                           {QStringLiteral("invoice_no"), QStringLiteral("order_id"), QStringLiteral("account_id"),
                            QStringLiteral("issued_on"), QStringLiteral("due_on"), QStringLiteral("currency"),
                            QStringLiteral("amount_minor"), QStringLiteral("status"), QStringLiteral("origin")});
    TableInserter payments(m_context.db, QStringLiteral("payment"),
                           {QStringLiteral("invoice_id"), QStringLiteral("account_id"), QStringLiteral("paid_on"),
                            QStringLiteral("currency"), QStringLiteral("amount_minor"), QStringLiteral("method"),
                            QStringLiteral("origin")});
    if (auto ready = invoices.prepare(); !ready)
        return ready;
    if (auto ready = payments.prepare(); !ready)
        return ready;
    const QDate asOf = m_context.calendar.asOf();
    int sequence = 0;
    for (const auto &order : orders) {
        if (!order.shipped)
            continue;
        const QDate due = order.shipDate.addDays(kPaymentTermsDays);
        const QDate paid = std::max(order.shipDate, due.addDays(paymentDelayDays(order.customerRef, order.orderNo)));
        const bool settled = paid <= asOf;
        const QString number = QStringLiteral("INV-%1-%2").arg(order.shipDate.year()).arg(++sequence, 5, 10, QLatin1Char('0'));
        auto invoice = m_context.insert(invoices, QStringLiteral("invoice"), order.regionId,
                                        {number, order.orderId, order.accountId, isoDate(order.shipDate), isoDate(due),
                                         QStringLiteral("USD"), order.totalMinor,
                                         settled ? QStringLiteral("paid") : QStringLiteral("open"),
                                         QStringLiteral("derived")});
        if (!invoice)
            return invoice.error();
        if (!settled)
            continue;
        auto payment = m_context.insert(payments, QStringLiteral("payment"), order.regionId,
                                        {invoice.value(), order.accountId, isoDate(paid), QStringLiteral("USD"),
                                         order.totalMinor, QStringLiteral("bank_transfer"), QStringLiteral("derived")});
        if (!payment)
            return payment.error();
    }
    return {};
}

Status DerivedFinance::writeQuarterlyTargets(const std::vector<SuperstoreLine> &lines)
{
    // Actual sales per (region, quarter), from the shifted order dates.
    QMap<std::pair<QString, QDate>, qint64> actual;
    QDate firstDay;
    for (const SuperstoreLine &l : lines) {
        const QString regionId = m_context.regionIdByCode.value(l.region.toLower());
        const QDate day = m_context.calendar.shift(l.orderDate);
        actual[{regionId, quarterStart(day)}] += l.salesMinor;
        if (!firstDay.isValid() || day < firstDay)
            firstDay = day;
    }
    // A quarter the data begins inside of (the shifted data starts on 1 December) would give its
    // successor a target of a month's sales: only whole quarters count.
    const QDate firstWholeQuarter = firstDay == quarterStart(firstDay) ? firstDay : quarterStart(firstDay).addMonths(3);
    TableInserter targets(m_context.db, QStringLiteral("sales_target"),
                          {QStringLiteral("period_kind"), QStringLiteral("period_start"), QStringLiteral("period_end"),
                           QStringLiteral("amount_minor"), QStringLiteral("currency"), QStringLiteral("origin")});
    if (auto ready = targets.prepare(); !ready)
        return ready;
    // Target = same quarter a year earlier + 10 %, rounded to whole thousands of dollars; this
    // covers every quarter with a whole year-earlier quarter, up to the quarter after the as-of
    // date.
    const QDate last = quarterStart(m_context.calendar.asOf()).addMonths(3);
    for (auto it = actual.cbegin(); it != actual.cend(); ++it) {
        const QDate quarter = it.key().second.addYears(1);
        if (quarter > last || it.key().second < firstWholeQuarter)
            continue;
        const qint64 target = ((it.value() * 11 / 10) + 50000) / 100000 * 100000;
        auto id = m_context.insert(targets, QStringLiteral("sales_target"), it.key().first,
                                   {QStringLiteral("quarter"), isoDate(quarter), isoDate(quarter.addMonths(3).addDays(-1)),
                                    target, QStringLiteral("USD"), QStringLiteral("derived")});
        if (!id)
            return id.error();
    }
    return {};
}

} // namespace vantage::core
