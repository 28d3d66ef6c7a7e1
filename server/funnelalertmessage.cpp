#include "funnelalertmessage.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

namespace vantage::server {
namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::server::FunnelAlertMessage)
};

constexpr qsizetype kDealsNamed = 5;

QString dealsLine(const core::FunnelAlert &alert, const core::RiskHistory &history)
{
    if (alert.drivingDealIds.empty())
        return {};
    QStringList names;
    for (const QString &id : alert.drivingDealIds) {
        if (names.size() == kDealsNamed)
            break;
        const auto deal = std::find_if(history.deals.begin(), history.deals.end(), [&id](const core::RiskDeal &d) { return d.id == id; });
        if (deal == history.deals.end())
            continue;
        const QString account = history.accountNames.value(deal->accountId);
        // The demo's deal names start with the customer's: named once.
        names << (account.isEmpty() || deal->name.contains(account) ? deal->name : Tr::tr("%1 (%2)").arg(deal->name, account));
    }
    if (names.isEmpty())
        return {};
    const qsizetype more = qsizetype(alert.drivingDealIds.size()) - names.size();
    const QString list = names.join(Tr::tr(", "));
    return more > 0 ? Tr::tr("Deals behind it: %1 and %2 more").arg(list, QLocale().toString(qulonglong(more)))
                    : Tr::tr("Deals behind it: %1").arg(list);
}

} // namespace

MailMessage funnelAlertMessage(const core::FunnelAlertMailing &mailing, const core::RiskHistory &history, const QDate &monday)
{
    MailMessage message;
    message.to = mailing.address;
    const QString week = monday.toString(Qt::ISODate);  // unambiguous in every country the mail reaches
    message.subject = mailing.alerts.size() == 1
                          ? Tr::tr("Vantage: a funnel alert for the week of %1").arg(week)
                          : Tr::tr("Vantage: %1 funnel alerts for the week of %2").arg(QLocale().toString(qulonglong(mailing.alerts.size())), week);
    QStringList lines;
    lines << Tr::tr("Funnel alerts of the weeks before %1 that nobody has acknowledged or muted yet, from the alert "
                    "rules that name you as a recipient:").arg(week)
          << QString();
    int number = 0;
    for (const core::RaisedFunnelAlert &raised : mailing.alerts) {
        lines << Tr::tr("%1. %2").arg(++number).arg(core::funnelAlertText(raised.alert, history.regionNames, history.productNames));
        lines << QStringLiteral("   ") + Tr::tr("Rule: %1").arg(raised.ruleName);
        if (const QString deals = dealsLine(raised.alert, history); !deals.isEmpty())
            lines << QStringLiteral("   ") + deals;
        lines << QString();
    }
    lines << Tr::tr("Acknowledge or mute them in Vantage, on the Risk page under “Funnel alerts”. You are told of each "
                    "alert once.")
          << QString() << Tr::tr("— Vantage server");
    message.body = lines.join(QLatin1Char('\n'));
    return message;
}

} // namespace vantage::server
