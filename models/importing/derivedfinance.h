#pragma once

#include "importcontext.h"
#include "superstorewriter.h"

namespace vantage::core {

// Demo records that the sources do not contain, derived from them by fixed rules and marked
// origin = 'derived' (docs/data.md): one invoice per shipped order, payments following a per-customer
// payment habit chosen by a stable hash, and quarterly sales targets per region.
class DerivedFinance
{
public:
    explicit DerivedFinance(ImportContext &context) : m_context(context) {}

    Status writeInvoicesAndPayments(const std::vector<SuperstoreWriter::WrittenOrder> &orders);
    Status writeQuarterlyTargets(const std::vector<SuperstoreLine> &lines);

    static constexpr int kPaymentTermsDays = 30;
    // Days after the due date a payment arrives (negative: early), from the customer's habit.
    static int paymentDelayDays(const QString &customerRef, const QString &orderNo);

private:
    ImportContext &m_context;
};

} // namespace vantage::core
