#pragma once

#include "funnelalertrules.h"

#include <QHash>
#include <QStringList>

#include <vector>

namespace vantage::core {

// The open alerts one address should hear of: every alert a rule naming it raised, once.
struct FunnelAlertMailing
{
    QString address;                        // lower case
    std::vector<RaisedFunnelAlert> alerts;  // by |z|, largest first
};

struct FunnelAlertNotices
{
    std::vector<FunnelAlertMailing> mailings;  // by address
    QStringList unreachable;                   // user ids named as recipients that have no e-mail address
};

// Who hears of which alert: each enabled rule with recipients raises its own alerts (an alert two
// rules raise reaches the recipients of both), the managers' states are applied on `today`, and
// only the open ones (neither acknowledged nor muted) are kept. A recipient is an e-mail address or
// a user id, looked up in `userEmails` (user id → address).
FunnelAlertNotices funnelAlertNotices(const RiskHistory &history, const QDate &asOf, const std::vector<FunnelAlertRule> &rules,
                                      const std::vector<FunnelAlertState> &states, const QDate &today,
                                      const QHash<QString, QString> &userEmails);

} // namespace vantage::core
