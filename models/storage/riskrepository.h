#pragma once

#include "analytics/riskhistory.h"
#include "domain/result.h"

#include <QSqlDatabase>

namespace vantage::core {

// Reads the event history the risk model learns from: every opportunity with its stage, close
// date and amount history, activities and quotes; every sales order as placed, shipped or
// cancelled against its due date; the customers' invoices with the day each was
// settled, list prices and the names a list shows. The model itself picks what was known when.
class RiskRepository
{
public:
    explicit RiskRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    Result<RiskHistory> load() const;

private:
    Status readStages(RiskHistory &history) const;
    Status readDeals(RiskHistory &history, QHash<QString, std::size_t> &index) const;
    Status readDealEvents(RiskHistory &history, const QHash<QString, std::size_t> &index) const;
    Status readRegionManagers(RiskHistory &history) const;
    Status readOrders(RiskHistory &history) const;
    Status readOrderLines(RiskHistory &history, const QHash<QString, std::size_t> &index) const;
    Status readInvoices(RiskHistory &history) const;
    Status readListPrices(RiskHistory &history) const;
    Status readNames(RiskHistory &history) const;

    QSqlDatabase m_db;
};

} // namespace vantage::core
