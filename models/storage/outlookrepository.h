#pragma once

#include "analytics/dashboardoutlook.h"
#include "domain/result.h"

#include <QSqlDatabase>

namespace vantage::core {

// Reads what the quarter outlook needs as of a date: closed deals with the days they spent in
// each stage (from the stage history), the deals open at that date, won value and order revenue
// by month, and what was won and booked since the quarter began. Nothing dated after asOf.
class OutlookRepository
{
public:
    explicit OutlookRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    Result<OutlookInput> load(const QDate &asOf, const QString &currency) const;

private:
    Status readPriors(OutlookInput &input) const;
    Status readDeals(OutlookInput &input) const;
    Status readOrdersBooked(OutlookInput &input) const;

    QSqlDatabase m_db;
};

} // namespace vantage::core
