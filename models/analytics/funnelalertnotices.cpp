#include "funnelalertnotices.h"

#include <QSet>

#include <algorithm>
#include <map>

namespace vantage::core {

FunnelAlertNotices funnelAlertNotices(const RiskHistory &history, const QDate &asOf, const std::vector<FunnelAlertRule> &rules,
                                      const std::vector<FunnelAlertState> &states, const QDate &today,
                                      const QHash<QString, QString> &userEmails)
{
    FunnelAlertNotices notices;
    std::map<QString, FunnelAlertMailing> byAddress;
    std::map<QString, QSet<QString>> keysByAddress;
    for (const FunnelAlertRule &rule : rules) {
        if (!rule.enabled || rule.recipients.isEmpty())
            continue;
        std::vector<RaisedFunnelAlert> raised = raiseFunnelAlerts(history, asOf, {rule});
        applyFunnelAlertStates(raised, states, today);
        std::erase_if(raised, [](const RaisedFunnelAlert &r) { return r.status != FunnelAlertStatus::Open; });
        if (raised.empty())
            continue;
        for (const QString &recipient : rule.recipients) {
            QString address = recipient.contains(QLatin1Char('@')) ? recipient : userEmails.value(recipient);
            if (address.isEmpty()) {
                if (!notices.unreachable.contains(recipient))
                    notices.unreachable << recipient;
                continue;
            }
            address = address.trimmed().toLower();
            FunnelAlertMailing &mailing = byAddress[address];
            mailing.address = address;
            QSet<QString> &keys = keysByAddress[address];
            for (const RaisedFunnelAlert &alert : raised)
                if (!keys.contains(alert.key)) {
                    keys.insert(alert.key);
                    mailing.alerts.push_back(alert);
                }
        }
    }
    for (auto &[address, mailing] : byAddress) {
        std::stable_sort(mailing.alerts.begin(), mailing.alerts.end(), [](const RaisedFunnelAlert &a, const RaisedFunnelAlert &b) {
            return std::abs(a.alert.zScore) > std::abs(b.alert.zScore);
        });
        notices.mailings.push_back(std::move(mailing));
    }
    notices.unreachable.sort();
    return notices;
}

} // namespace vantage::core
