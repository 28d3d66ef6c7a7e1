#pragma once

#include "generatorcontext.h"
#include "scalecatalog.h"

#include "domain/result.h"
#include "importing/tableinserter.h"

#include <QDate>

#include <vector>

namespace vantage::bench {

// Writes the order book: sales orders in date order, their lines (the order total is the sum of
// its lines), and for shipped orders the invoice and, once paid, the payment, with the same
// payment habits as the demo's derived finance.
class OrderWriter
{
public:
    OrderWriter(GeneratorContext &context, const ScaleCatalog &catalog);

    core::Status write();

private:
    struct PlannedOrder
    {
        QDate day;
        int lines = 0;
    };
    struct Line
    {
        const ScaleCatalog::Product *product = nullptr;
        int quantity = 0;
        int discountBp = 0;
        qint64 amountMinor = 0;
        qint64 profitMinor = 0;
    };

    std::vector<PlannedOrder> plan();
    QDate drawDay();
    Line drawLine();
    core::Status writeOrder(const PlannedOrder &planned, qint64 serial);
    core::Status writeFinance(const ScaleCatalog::Account &account, const QString &orderId, const QString &orderNo,
                              const QDate &shipDate, qint64 totalMinor);

    GeneratorContext &m_context;
    const ScaleCatalog &m_catalog;
    core::TableInserter m_orders;
    core::TableInserter m_lines;
    core::TableInserter m_invoices;
    core::TableInserter m_payments;
    qint64 m_invoiceSerial = 0;
};

} // namespace vantage::bench
