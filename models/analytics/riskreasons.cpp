#include "riskreasons.h"

#include "domain/enumlabels.h"

#include <QCoreApplication>
#include <QLocale>

namespace vantage::core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::core::RiskReasons)
};

QString ratio(double value)
{
    return QLocale().toString(value, 'f', 1);
}

// "1 day" / "12 days": English needs the singular, Chinese has one form.
QString days(int count)
{
    return count == 1 ? Tr::tr("1 day") : Tr::tr("%1 days").arg(QLocale().toString(count));
}

QString shortDate(const QDate &date)
{
    return QLocale().toString(date, QLocale::ShortFormat);
}

QString percent(double share)
{
    return QLocale().toString(qRound(share * 100.0));
}

} // namespace

RiskReason riskReasonOf(RiskFactor factor, const DealState &state, const RiskFeatures &features)
{
    RiskReason reason;
    reason.factor = factor;
    reason.kind = state.deal->kind;
    switch (factor) {
    case RiskFactor::StageAge:
        reason.stageCode = state.stage->code;
        reason.stageName = state.stage->name;
        reason.days = features.daysInStage;
        reason.usual = features.usualStageDays;
        reason.ratio = features.daysInStage / std::max(features.usualStageDays, 1.0);
        break;
    case RiskFactor::CloseOverdue:
    case RiskFactor::CloseDueSoon:
        reason.date = state.expectedClose;
        reason.days = features.daysOverdue;
        break;
    case RiskFactor::ClosePushed: reason.count = state.closePushes; break;
    case RiskFactor::AmountCut: reason.share = features.factor(RiskFactor::AmountCut); break;
    case RiskFactor::Inactivity: reason.days = features.daysSinceTouch; break;
    case RiskFactor::Discount: reason.share = state.discount; break;
    case RiskFactor::DealSize: reason.ratio = features.sizeRatio; break;
    case RiskFactor::CustomerOverdue: reason.count = state.overdueInvoices; break;
    case RiskFactor::RepWinRate:
        reason.share = features.repWinRate;
        reason.overall = features.overallWinRate;
        break;
    case RiskFactor::ProductWinRate:
        reason.share = features.productWinRate;
        reason.overall = features.overallWinRate;
        break;
    case RiskFactor::CloseElapsed:
        reason.date = state.expectedClose;
        reason.days = features.daysElapsed;
        reason.count = features.daysPlanned;
        break;
    }
    return reason;
}

QJsonObject riskReasonToJson(const RiskReason &reason)
{
    QJsonObject json{{QStringLiteral("code"), riskFactorCode(reason.factor)}};
    const auto put = [&json](const char *key, const QJsonValue &value, bool present) {
        if (present)
            json.insert(QLatin1String(key), value);
    };
    put("kind", QStringLiteral("order"), reason.kind == RiskDealKind::Order);
    put("stage", reason.stageCode, !reason.stageCode.isEmpty());
    put("stage_name", reason.stageName, !reason.stageName.isEmpty());
    put("days", reason.days, reason.days != 0);
    put("usual", reason.usual, reason.usual != 0);
    put("ratio", reason.ratio, reason.ratio != 0);
    put("date", reason.date.toString(Qt::ISODate), reason.date.isValid());
    put("count", reason.count, reason.count != 0);
    put("share", reason.share, reason.share != 0);
    put("overall", reason.overall, reason.overall != 0);
    return json;
}

std::optional<RiskReason> riskReasonFromJson(const QJsonObject &json)
{
    const auto factor = riskFactorFromCode(json.value(QStringLiteral("code")).toString());
    if (!factor)
        return std::nullopt;
    RiskReason reason;
    reason.factor = *factor;
    if (json.value(QStringLiteral("kind")).toString() == QLatin1String("order"))
        reason.kind = RiskDealKind::Order;
    reason.stageCode = json.value(QStringLiteral("stage")).toString();
    reason.stageName = json.value(QStringLiteral("stage_name")).toString();
    reason.days = json.value(QStringLiteral("days")).toInt();
    reason.usual = json.value(QStringLiteral("usual")).toDouble();
    reason.ratio = json.value(QStringLiteral("ratio")).toDouble();
    reason.date = QDate::fromString(json.value(QStringLiteral("date")).toString(), Qt::ISODate);
    reason.count = json.value(QStringLiteral("count")).toInt();
    reason.share = json.value(QStringLiteral("share")).toDouble();
    reason.overall = json.value(QStringLiteral("overall")).toDouble();
    return reason;
}

namespace {

// The sentences that differ for an order; empty for the rest.
QString orderReasonText(const RiskReason &reason)
{
    switch (reason.factor) {
    case RiskFactor::CloseOverdue:
        return Tr::tr("Due for delivery %1, %2 ago, not shipped")
            .arg(shortDate(reason.date), days(reason.days));
    case RiskFactor::CloseElapsed:
        if (reason.days >= reason.count)
            return Tr::tr("Delivery date %1 reached, not shipped").arg(shortDate(reason.date));
        return Tr::tr("Day %1 of %2 before the delivery date %3, not shipped")
            .arg(QLocale().toString(reason.days), QLocale().toString(reason.count),
                 shortDate(reason.date));
    case RiskFactor::DealSize:
        return Tr::tr("%1× the usual order size").arg(ratio(reason.ratio));
    default:
        return {};
    }
}

} // namespace

QString riskReasonText(const RiskReason &reason)
{
    if (reason.kind == RiskDealKind::Order)
        if (QString text = orderReasonText(reason); !text.isEmpty())
            return text;
    switch (reason.factor) {
    case RiskFactor::StageAge:
        return Tr::tr("In %1 %2, %3× the usual %4")
            .arg(EnumLabels::stageName(reason.stageCode, reason.stageName), days(reason.days), ratio(reason.ratio),
                 QLocale().toString(qRound(reason.usual)));
    case RiskFactor::CloseOverdue:
        return Tr::tr("Expected to close %1, %2 ago")
            .arg(shortDate(reason.date), days(reason.days));
    case RiskFactor::CloseDueSoon:
        return Tr::tr("Expected to close by %1, within four weeks").arg(shortDate(reason.date));
    case RiskFactor::ClosePushed:
        return reason.count == 1 ? Tr::tr("Close date moved later once")
                                 : Tr::tr("Close date moved later %1 times").arg(reason.count);
    case RiskFactor::AmountCut:
        return Tr::tr("Amount cut %1% from its highest").arg(percent(reason.share));
    case RiskFactor::Inactivity:
        return Tr::tr("Nothing recorded for %1").arg(days(reason.days));
    case RiskFactor::Discount:
        return Tr::tr("Discount %1% off list").arg(percent(reason.share));
    case RiskFactor::DealSize:
        return Tr::tr("%1× the rep's usual deal size").arg(ratio(reason.ratio));
    case RiskFactor::CustomerOverdue:
        return reason.count == 1 ? Tr::tr("Customer has an overdue invoice")
                                 : Tr::tr("Customer has %1 overdue invoices").arg(reason.count);
    case RiskFactor::RepWinRate:
        return Tr::tr("Rep wins %1% of closed deals (all reps %2%)").arg(percent(reason.share), percent(reason.overall));
    case RiskFactor::ProductWinRate:
        return Tr::tr("Product wins %1% of closed deals (all products %2%)").arg(percent(reason.share), percent(reason.overall));
    case RiskFactor::CloseElapsed:
        if (reason.days >= reason.count)
            return Tr::tr("Expected close %1 reached").arg(shortDate(reason.date));
        return Tr::tr("Day %1 of %2 before the expected close %3")
            .arg(QLocale().toString(reason.days), QLocale().toString(reason.count),
                 shortDate(reason.date));
    }
    return {};
}

QString riskFactorTitle(RiskDealKind kind, RiskFactor factor)
{
    if (kind == RiskDealKind::Order) {
        switch (factor) {
        case RiskFactor::CloseOverdue: return Tr::tr("Order past its delivery date");
        case RiskFactor::CloseElapsed: return Tr::tr("Order close to its delivery date");
        case RiskFactor::Discount: return Tr::tr("Order with a deep discount");
        case RiskFactor::DealSize: return Tr::tr("Unusually large order");
        case RiskFactor::CustomerOverdue: return Tr::tr("Order for a customer overdue on payments");
        default: break;
        }
    }
    switch (factor) {
    case RiskFactor::StageAge: return Tr::tr("Long in stage");
    case RiskFactor::CloseOverdue: return Tr::tr("Past expected close");
    case RiskFactor::CloseDueSoon: return Tr::tr("Close date near");
    case RiskFactor::ClosePushed: return Tr::tr("Close date pushed");
    case RiskFactor::AmountCut: return Tr::tr("Amount cut");
    case RiskFactor::Inactivity: return Tr::tr("No recent activity");
    case RiskFactor::Discount: return Tr::tr("Deep discount");
    case RiskFactor::DealSize: return Tr::tr("Unusually large deal");
    case RiskFactor::CustomerOverdue: return Tr::tr("Customer overdue on payments");
    case RiskFactor::RepWinRate: return Tr::tr("Rep's low win rate");
    case RiskFactor::ProductWinRate: return Tr::tr("Product's low win rate");
    case RiskFactor::CloseElapsed: return Tr::tr("Most of the time to close gone");
    }
    return {};
}

namespace {

QString defaultOrderAction(RiskFactor factor)
{
    switch (factor) {
    case RiskFactor::CloseElapsed:
        return Tr::tr("Ask the warehouse when it ships; if it will miss the delivery date, tell the customer today.");
    case RiskFactor::CloseOverdue:
        return Tr::tr("Escalate the shipment with logistics, give the customer a firm date and log it.");
    case RiskFactor::Discount:
        return Tr::tr("Check the discount was approved before the order ships.");
    case RiskFactor::DealSize:
        return Tr::tr("Confirm stock and transport capacity for the whole order, or agree split deliveries.");
    case RiskFactor::CustomerOverdue:
        return Tr::tr("Agree with finance whether to ship before the overdue invoices are paid.");
    default:
        return {};
    }
}

} // namespace

QString defaultRiskAction(RiskDealKind kind, RiskFactor factor)
{
    if (kind == RiskDealKind::Order)
        if (QString action = defaultOrderAction(factor); !action.isEmpty())
            return action;
    switch (factor) {
    case RiskFactor::StageAge:
        return Tr::tr("Call the decision maker, confirm the buying timeline and agree the next step in writing.");
    case RiskFactor::CloseOverdue:
        return Tr::tr("Confirm whether the deal is still alive; set a realistic close date or close it as lost.");
    case RiskFactor::CloseDueSoon:
        return Tr::tr("Check that the order paperwork, approvals and budget are in place before the close date.");
    case RiskFactor::ClosePushed:
        return Tr::tr("Ask what changed each time the date moved; escalate to the manager with a recovery plan.");
    case RiskFactor::AmountCut:
        return Tr::tr("Review the scope with the customer and protect the value with a smaller first phase.");
    case RiskFactor::Inactivity:
        return Tr::tr("Schedule a visit or call this week and log it.");
    case RiskFactor::Discount:
        return Tr::tr("Review the discount with the manager; trade it for volume, term or prepayment.");
    case RiskFactor::DealSize:
        return Tr::tr("Bring in the manager or a specialist to support the rep on this deal.");
    case RiskFactor::CustomerOverdue:
        return Tr::tr("Agree a payment plan for the overdue invoices with finance before committing.");
    case RiskFactor::RepWinRate:
        return Tr::tr("Review the deal with the rep in the weekly one-to-one.");
    case RiskFactor::ProductWinRate:
        return Tr::tr("Ask the product specialist for references and a competitive comparison.");
    case RiskFactor::CloseElapsed:
        return Tr::tr("Check the deal can still close by its date; agree the remaining steps and who does each.");
    }
    return {};
}

QString riskRuleKey(RiskDealKind kind, RiskFactor factor)
{
    return kind == RiskDealKind::Order ? QStringLiteral("order.") + riskFactorCode(factor) : riskFactorCode(factor);
}

} // namespace vantage::core
