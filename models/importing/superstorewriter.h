#pragma once

#include "importcontext.h"
#include "superstoresource.h"

namespace vantage::core {

// Writes the Superstore lines as regions, state territories, customers and dealers, products,
// orders with lines (dates shifted, due dates derived) and a derived list-price book.
class SuperstoreWriter
{
public:
    explicit SuperstoreWriter(ImportContext &context) : m_context(context) {}

    Status write(const std::vector<SuperstoreLine> &lines);

    // The order ids written, with their account and shipped state, for the derived invoices.
    struct WrittenOrder
    {
        QString orderId;
        QString accountId;
        QString regionId;
        QString customerRef;
        QString orderNo;
        QDate shipDate; // shifted
        qint64 totalMinor = 0;
        bool shipped = false;
    };
    const std::vector<WrittenOrder> &orders() const { return m_orders; }

    // Promised delivery days by ship mode; derived (the source has ship dates, not due dates).
    static int promisedDays(const QString &shipMode);
    // HS heading (4 digits) for sub-categories where one heading clearly applies; empty otherwise.
    static QString hsHeading(const QString &subCategory);

private:
    Status writeTerritories(const std::vector<SuperstoreLine> &lines);
    Status writeAccounts(const std::vector<SuperstoreLine> &lines);
    Status writeProducts(const std::vector<SuperstoreLine> &lines);
    Status writeOrders(const std::vector<SuperstoreLine> &lines);
    Status writePriceBook(const std::vector<SuperstoreLine> &lines);

    ImportContext &m_context;
    std::vector<WrittenOrder> m_orders;
};

} // namespace vantage::core
