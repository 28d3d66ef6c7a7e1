#pragma once

#include "funnelalertrules.h"

#include <QHash>
#include <QSet>
#include <QStringList>

#include <vector>

namespace vantage::core {

// The open alerts one address should hear of: every alert a rule naming it raised, once.
struct FunnelAlertMailing
{
    QString address;                        // lower case
    std::vector<RaisedFunnelAlert> alerts;  // by |z|, largest first
};

// A user a rule may name: where mail reaches them and which regions' alerts they may read.
struct FunnelAlertReader
{
    QString userId;
    QString email;            // "" = none known
    bool allRegions = false;  // directors and administrators
    QSet<QString> regions;
};

struct FunnelAlertNotices
{
    std::vector<FunnelAlertMailing> mailings;  // by address
    QStringList unreachable;                   // recipients that are no address: user ids without one, malformed text
};

// Who hears of which alert: each enabled rule with recipients raises its own alerts (an alert two
// rules raise reaches the recipients of both), the managers' states are applied on `today`, and
// only the open ones (neither acknowledged nor muted) are kept. A recipient is an e-mail address or
// a user id. A user — named by id, or by an address that is a user's — hears only of the alerts of
// their own regions (a company-wide alert only when they see every region), as the server would
// let them read; an address no user has gets what the rule raises (the rule's author chose it).
FunnelAlertNotices funnelAlertNotices(const RiskHistory &history, const QDate &asOf, const std::vector<FunnelAlertRule> &rules,
                                      const std::vector<FunnelAlertState> &states, const QDate &today,
                                      const std::vector<FunnelAlertReader> &users);

} // namespace vantage::core
