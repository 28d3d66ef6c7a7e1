#include "funnelalertnotices.h"

#include <QSet>

#include <algorithm>
#include <map>

namespace vantage::core {

namespace {

bool mayRead(const FunnelAlertReader *reader, const FunnelAlert &alert)
{
    if (reader == nullptr || reader->allRegions)
        return true;
    return !alert.regionId.isEmpty() && reader->regions.contains(alert.regionId);
}

} // namespace

FunnelAlertNotices funnelAlertNotices(const RiskHistory &history, const QDate &asOf, const std::vector<FunnelAlertRule> &rules,
                                      const std::vector<FunnelAlertState> &states, const QDate &today,
                                      const std::vector<FunnelAlertReader> &users)
{
    QHash<QString, const FunnelAlertReader *> byId;
    QHash<QString, const FunnelAlertReader *> byEmail;
    for (const FunnelAlertReader &user : users) {
        byId.insert(user.userId, &user);
        if (!user.email.isEmpty())
            byEmail.insert(user.email.trimmed().toLower(), &user);
    }
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
            if (!isRecipient(recipient)) {  // a rule the server took without the laptop's checks
                if (!notices.unreachable.contains(recipient))
                    notices.unreachable << recipient;
                continue;
            }
            const bool isAddress = recipient.contains(QLatin1Char('@'));
            const FunnelAlertReader *reader = isAddress ? byEmail.value(recipient.trimmed().toLower()) : byId.value(recipient);
            const QString address = (isAddress ? recipient : reader ? reader->email : QString()).trimmed().toLower();
            if (!isEmailAddress(address)) {
                if (!notices.unreachable.contains(recipient))
                    notices.unreachable << recipient;
                continue;
            }
            FunnelAlertMailing &mailing = byAddress[address];
            mailing.address = address;
            QSet<QString> &keys = keysByAddress[address];
            for (const RaisedFunnelAlert &alert : raised)
                if (mayRead(reader, alert.alert) && !keys.contains(alert.key)) {
                    keys.insert(alert.key);
                    mailing.alerts.push_back(alert);
                }
        }
    }
    for (auto &[address, mailing] : byAddress) {
        if (mailing.alerts.empty())
            continue;  // a user whose regions none of the alerts are in
        std::stable_sort(mailing.alerts.begin(), mailing.alerts.end(), [](const RaisedFunnelAlert &a, const RaisedFunnelAlert &b) {
            return std::abs(a.alert.zScore) > std::abs(b.alert.zScore);
        });
        notices.mailings.push_back(std::move(mailing));
    }
    notices.unreachable.sort();
    return notices;
}

} // namespace vantage::core
