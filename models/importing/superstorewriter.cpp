#include "superstorewriter.h"

#include "tableinserter.h"

#include "domain/decimal.h"

#include <QCoreApplication>
#include <QMap>
#include <QSet>

namespace vantage::core {
namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::core::SuperstoreWriter)
};

const QString kFile = QStringLiteral("superstore.csv");

// For each key, the value seen most often, ties going to the value seen first.
QHash<QString, QString> mostFrequentByKey(const std::vector<std::pair<QString, QString>> &seen)
{
    QHash<QString, QHash<QString, int>> counts;
    QHash<QString, QString> best;
    for (const auto &[key, value] : seen) {
        const int count = ++counts[key][value];
        const auto current = best.constFind(key);
        if (current == best.cend() || count > counts[key].value(current.value()))
            best.insert(key, value);
    }
    return best;
}

// Order numbers carry the order year ("CA-2016-152156"); it follows the shifted date.
QString shiftedOrderNumber(const QString &orderId, QDate shiftedOrderDate)
{
    QStringList parts = orderId.split(u'-');
    if (parts.size() == 3 && parts[1].size() == 4)
        parts[1] = QString::number(shiftedOrderDate.year());
    return parts.join(u'-');
}

// Unit list price before discount: sales / (quantity × (1 − discount)), to the cent.
qint64 unitListPrice(const SuperstoreLine &l)
{
    const Int128 numerator = static_cast<Int128>(l.salesMinor) * 10000;
    const Int128 denominator = static_cast<Int128>(l.quantity) * (10000 - l.discountBp);
    auto price = divideRounded(numerator, denominator, Rounding::HalfUp);
    return price ? price.value() : 0;
}

} // namespace

int SuperstoreWriter::promisedDays(const QString &shipMode)
{
    if (shipMode == QLatin1String("Same Day"))
        return 0;
    if (shipMode == QLatin1String("First Class"))
        return 2;
    if (shipMode == QLatin1String("Second Class"))
        return 3;
    return 5; // Standard Class and anything else
}

QString SuperstoreWriter::hsHeading(const QString &subCategory)
{
    static const QHash<QString, QString> headings{
        {QStringLiteral("Bookcases"), QStringLiteral("9403")}, {QStringLiteral("Tables"), QStringLiteral("9403")},
        {QStringLiteral("Chairs"), QStringLiteral("9401")},    {QStringLiteral("Paper"), QStringLiteral("4802")},
        {QStringLiteral("Binders"), QStringLiteral("4820")},   {QStringLiteral("Envelopes"), QStringLiteral("4817")},
        {QStringLiteral("Labels"), QStringLiteral("4821")},    {QStringLiteral("Phones"), QStringLiteral("8517")},
        {QStringLiteral("Copiers"), QStringLiteral("8443")},
    };
    return headings.value(subCategory);
}

Status SuperstoreWriter::write(const std::vector<SuperstoreLine> &lines)
{
    for (const SuperstoreLine &l : lines) {
        if (auto region = m_context.region(l.region); !region)
            return region.error();
    }
    if (auto s = writeTerritories(lines); !s)
        return s;
    if (auto s = writeAccounts(lines); !s)
        return s;
    if (auto s = writeProducts(lines); !s)
        return s;
    if (auto s = writeOrders(lines); !s)
        return s;
    return writePriceBook(lines);
}

Status SuperstoreWriter::writeTerritories(const std::vector<SuperstoreLine> &lines)
{
    TableInserter territories(m_context.db, QStringLiteral("territory"),
                              {QStringLiteral("code"), QStringLiteral("name"), QStringLiteral("country")});
    if (auto ready = territories.prepare(); !ready)
        return ready;
    for (const SuperstoreLine &l : lines) {
        if (m_context.territoryIdByState.contains(l.state))
            continue;
        const QString regionId = m_context.regionIdByCode.value(l.region.toLower());
        auto id = m_context.insert(territories, QStringLiteral("territory"), regionId,
                                   {QStringLiteral("US-") + l.state.toUpper(), l.state, l.country});
        if (!id)
            return id.error();
        m_context.territoryIdByState.insert(l.state, id.value());
    }
    return {};
}

Status SuperstoreWriter::writeAccounts(const std::vector<SuperstoreLine> &lines)
{
    TableInserter accounts(m_context.db, QStringLiteral("account"),
                           {QStringLiteral("kind"), QStringLiteral("name"), QStringLiteral("segment"),
                            QStringLiteral("country"), QStringLiteral("state"), QStringLiteral("city"),
                            QStringLiteral("postal_code"), QStringLiteral("territory_id"),
                            QStringLiteral("source_ref"), QStringLiteral("created_at")});
    if (auto ready = accounts.prepare(); !ready)
        return ready;
    std::vector<std::pair<QString, QString>> stateByCustomer;
    stateByCustomer.reserve(lines.size());
    QHash<QString, const SuperstoreLine *> firstLineByCustomerState;
    for (const SuperstoreLine &l : lines) {
        stateByCustomer.emplace_back(l.customerId, l.state);
        const QString key = l.customerId + u'\n' + l.state;
        if (!firstLineByCustomerState.contains(key))
            firstLineByCustomerState.insert(key, &l);
    }
    // The customer's home is the state it orders to most; its region follows the state.
    const QHash<QString, QString> homeState = mostFrequentByKey(stateByCustomer);
    for (const SuperstoreLine &l : lines) {
        if (m_context.accountIdBySourceRef.contains(l.customerId))
            continue;
        const SuperstoreLine *home = firstLineByCustomerState.value(l.customerId + u'\n' + homeState.value(l.customerId));
        const QString regionId = m_context.regionIdByCode.value(home->region.toLower());
        const QString kind = l.segment == QLatin1String("Corporate") ? QStringLiteral("dealer")
                                                                      : QStringLiteral("customer");
        auto id = m_context.insert(accounts, QStringLiteral("account"), regionId,
                                   {kind, l.customerName, l.segment, home->country, home->state, home->city,
                                    home->postalCode, m_context.territoryIdByState.value(home->state),
                                    l.customerId, m_context.calendar.instantMs(l.orderDate)});
        if (!id)
            return id.error();
        m_context.accountIdBySourceRef.insert(l.customerId, id.value());
        if (!m_context.progress(static_cast<int>(accounts.count()), 0, Tr::tr("Importing customers…")))
            return cancelledError();
    }
    return {};
}

Status SuperstoreWriter::writeProducts(const std::vector<SuperstoreLine> &lines)
{
    TableInserter products(m_context.db, QStringLiteral("product"),
                           {QStringLiteral("sku"), QStringLiteral("name"), QStringLiteral("category"),
                            QStringLiteral("subcategory"), QStringLiteral("hs_code"), QStringLiteral("source_ref")});
    if (auto ready = products.prepare(); !ready)
        return ready;
    QHash<QString, QString> nameBySku;
    QSet<QString> reported; // one warning per product, not per line
    for (const SuperstoreLine &l : lines) {
        if (const auto known = nameBySku.constFind(l.productId); known != nameBySku.cend()) {
            if (known.value() != l.productName && !reported.contains(l.productId)) {
                reported.insert(l.productId);
                m_context.report.add({ImportIssue::Severity::Warning, kFile, l.line, QStringLiteral("Product Name"),
                                      Tr::tr("product %1 appears here with another name; its first name, \"%2\", is kept")
                                          .arg(l.productId, known.value())});
            }
            continue;
        }
        nameBySku.insert(l.productId, l.productName);
        const QString hs = hsHeading(l.subCategory);
        auto id = m_context.insert(products, QStringLiteral("product"), QVariant(),
                                   {l.productId, l.productName, l.category, l.subCategory,
                                    hs.isEmpty() ? QVariant() : QVariant(hs), l.productId});
        if (!id)
            return id.error();
        m_context.productIdBySku.insert(l.productId, id.value());
    }
    return {};
}

Status SuperstoreWriter::writeOrders(const std::vector<SuperstoreLine> &lines)
{
    TableInserter orders(m_context.db, QStringLiteral("sales_order"),
                         {QStringLiteral("order_no"), QStringLiteral("account_id"), QStringLiteral("territory_id"),
                          QStringLiteral("order_date"), QStringLiteral("ship_date"), QStringLiteral("due_date"),
                          QStringLiteral("ship_mode"), QStringLiteral("status"), QStringLiteral("currency"),
                          QStringLiteral("total_minor"), QStringLiteral("country"), QStringLiteral("state"),
                          QStringLiteral("city"), QStringLiteral("postal_code"), QStringLiteral("source_ref"),
                          QStringLiteral("created_at")});
    TableInserter orderLines(m_context.db, QStringLiteral("order_line"),
                             {QStringLiteral("order_id"), QStringLiteral("line_no"), QStringLiteral("product_id"),
                              QStringLiteral("quantity"), QStringLiteral("unit_price_minor"),
                              QStringLiteral("discount_bp"), QStringLiteral("amount_minor"),
                              QStringLiteral("profit_minor"), QStringLiteral("ship_date"), QStringLiteral("due_date")});
    if (auto ready = orders.prepare(); !ready)
        return ready;
    if (auto ready = orderLines.prepare(); !ready)
        return ready;

    // Group lines by order, keeping the file's order of first appearance.
    QHash<QString, std::vector<const SuperstoreLine *>> linesByOrder;
    QStringList orderIds;
    for (const SuperstoreLine &l : lines) {
        auto &group = linesByOrder[l.orderId];
        if (group.empty())
            orderIds << l.orderId;
        group.push_back(&l);
    }
    const DemoCalendar &cal = m_context.calendar;
    for (const QString &orderId : std::as_const(orderIds)) {
        const auto &group = linesByOrder[orderId];
        const SuperstoreLine &first = *group.front();
        qint64 total = 0;
        for (const SuperstoreLine *l : group)
            total += l->salesMinor;
        const QDate orderDate = cal.shift(first.orderDate);
        const QDate shipDate = cal.shift(first.shipDate);
        const QDate dueDate = orderDate.addDays(promisedDays(first.shipMode));
        const bool shipped = shipDate <= cal.asOf();
        const QString regionId = m_context.regionIdByCode.value(first.region.toLower());
        const QString accountId = m_context.accountIdBySourceRef.value(first.customerId);
        const QString orderNo = shiftedOrderNumber(orderId, orderDate);
        auto id = m_context.insert(orders, QStringLiteral("sales_order"), regionId,
                                   {orderNo, accountId, m_context.territoryIdByState.value(first.state),
                                    orderDate.toString(Qt::ISODate), shipDate.toString(Qt::ISODate),
                                    dueDate.toString(Qt::ISODate), first.shipMode,
                                    shipped ? QStringLiteral("shipped") : QStringLiteral("open"), QStringLiteral("USD"),
                                    total, first.country, first.state, first.city, first.postalCode, orderId,
                                    cal.instantMs(first.orderDate)});
        if (!id)
            return id.error();
        int lineNo = 0;
        for (const SuperstoreLine *l : group) {
            auto lineId = m_context.insert(orderLines, QStringLiteral("order_line"), regionId,
                                           {id.value(), ++lineNo, m_context.productIdBySku.value(l->productId),
                                            l->quantity, unitListPrice(*l), l->discountBp, l->salesMinor,
                                            l->profitMinor, shipDate.toString(Qt::ISODate),
                                            dueDate.toString(Qt::ISODate)});
            if (!lineId)
                return lineId.error();
        }
        m_orders.push_back({id.value(), accountId, regionId, first.customerId, orderNo, shipDate, total, shipped});
        if (m_orders.size() % 500 == 0
            && !m_context.progress(static_cast<int>(m_orders.size()), static_cast<int>(orderIds.size()),
                                   Tr::tr("Importing orders…")))
            return cancelledError();
    }
    return {};
}

Status SuperstoreWriter::writePriceBook(const std::vector<SuperstoreLine> &lines)
{
    TableInserter books(m_context.db, QStringLiteral("price_book"),
                        {QStringLiteral("name"), QStringLiteral("currency"), QStringLiteral("is_default"),
                         QStringLiteral("origin")});
    TableInserter entries(m_context.db, QStringLiteral("price_book_entry"),
                          {QStringLiteral("price_book_id"), QStringLiteral("product_id"),
                           QStringLiteral("unit_price_minor")});
    if (auto ready = books.prepare(); !ready)
        return ready;
    if (auto ready = entries.prepare(); !ready)
        return ready;
    auto book = m_context.insert(books, QStringLiteral("price_book"), QVariant(),
                                 {QStringLiteral("Office catalogue (list prices derived from order lines)"),
                                  QStringLiteral("USD"), 1, QStringLiteral("derived")});
    if (!book)
        return book.error();
    // The latest line of each product sets its list price.
    QHash<QString, const SuperstoreLine *> latest;
    QStringList skus;
    for (const SuperstoreLine &l : lines) {
        const SuperstoreLine *&slot = latest[l.productId];
        if (!slot)
            skus << l.productId;
        if (!slot || l.orderDate >= slot->orderDate)
            slot = &l;
    }
    for (const QString &sku : std::as_const(skus)) {
        auto entry = m_context.insert(entries, QStringLiteral("price_book_entry"), QVariant(),
                                      {book.value(), m_context.productIdBySku.value(sku), unitListPrice(*latest[sku])});
        if (!entry)
            return entry.error();
    }
    return {};
}

} // namespace vantage::core
