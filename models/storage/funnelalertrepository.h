#pragma once

#include "analytics/funnelalertrules.h"
#include "domain/result.h"

#include <QSqlDatabase>

namespace vantage::core {

// The company's funnel alert rules and what was done with each alert.
struct FunnelAlertSetup
{
    std::vector<FunnelAlertRule> rules;
    std::vector<FunnelAlertState> states;
};

// Reads the company's funnel alert rules and what managers did with each alert.
class FunnelAlertRepository
{
public:
    explicit FunnelAlertRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    // Every rule not deleted, enabled or not, by name.
    Result<std::vector<FunnelAlertRule>> rules() const;
    // Every acknowledgement and mute (and unmute) not deleted.
    Result<std::vector<FunnelAlertState>> states() const;
    // Both.
    Result<FunnelAlertSetup> setup() const;

private:
    QSqlDatabase m_db;
};

} // namespace vantage::core
