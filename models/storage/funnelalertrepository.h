#pragma once

#include "analytics/funnelalertnotices.h"
#include "analytics/funnelalertrules.h"
#include "domain/result.h"

#include <QSqlDatabase>

namespace vantage::core {

// Reads the company's funnel alert rules and what managers did with each alert.
class FunnelAlertRepository
{
public:
    explicit FunnelAlertRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    // Every rule not deleted, enabled or not, by name.
    Result<std::vector<FunnelAlertRule>> rules() const;
    // Every acknowledgement and mute (and unmute) not deleted.
    Result<std::vector<FunnelAlertState>> states() const;
    // Both, and whether the signed-in user may write company-wide rules.
    Result<FunnelAlertSetup> setup() const;
    // Every user a rule may name, with their address and regions (directors and administrators:
    // all); a disabled user keeps the address but reads no region.
    Result<std::vector<FunnelAlertReader>> readers() const;

private:
    QSqlDatabase m_db;
};

} // namespace vantage::core
