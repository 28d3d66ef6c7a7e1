#include "risklist.h"

#include "riskreasons.h"

#include "domain/enumlabels.h"

#include <QCoreApplication>

#include <array>
#include <cmath>

namespace vantage::core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::core::RiskList)
};

constexpr std::array<const char *, 4> kChangeCodes{"new", "up", "down", "unchanged"};

RiskChange changeOf(int riskBp, const std::optional<int> &previous)
{
    if (!previous)
        return RiskChange::New;
    if (riskBp - *previous >= kRiskChangeThresholdBp)
        return RiskChange::Up;
    if (*previous - riskBp >= kRiskChangeThresholdBp)
        return RiskChange::Down;
    return RiskChange::Unchanged;
}

} // namespace

QString riskChangeCode(RiskChange change)
{
    return QString::fromLatin1(kChangeCodes[std::size_t(change)]);
}

std::optional<RiskChange> riskChangeFromCode(const QString &code)
{
    for (std::size_t i = 0; i < kChangeCodes.size(); ++i)
        if (code == QLatin1String(kChangeCodes[i]))
            return RiskChange(i);
    return std::nullopt;
}

QString riskDealTitle(RiskDealKind kind, const QString &name)
{
    return kind == RiskDealKind::Order ? Tr::tr("Order %1").arg(name) : name;
}

QString riskOwnerText(const QString &ownerName)
{
    return ownerName.isEmpty() ? Tr::tr("No owner") : ownerName;
}

QStringList riskReasonTexts(const RiskListEntry &entry)
{
    // Nothing stands out: the risk is what deals of its kind usually carry.
    if (entry.reasons.empty())
        return {entry.kind == RiskDealKind::Order ? Tr::tr("No single reason: the usual risk of an open order")
                                                  : Tr::tr("No single reason: the usual risk of a deal at this stage")};
    QStringList texts;
    for (const RiskReason &reason : entry.reasons)
        texts << riskReasonText(reason);
    return texts;
}

QString riskEntryAction(const RiskListEntry &entry, const QHash<QString, QString> &rules)
{
    if (!entry.customAction.isEmpty())
        return entry.customAction;
    if (entry.reasons.empty())
        return entry.kind == RiskDealKind::Order ? Tr::tr("Confirm the ship date with the warehouse.")
                                                 : Tr::tr("Confirm the next step and the close date with the customer.");
    const RiskFactor first = entry.reasons.front().factor;
    const QString rule = rules.value(riskRuleKey(entry.kind, first)).trimmed();
    return rule.isEmpty() ? defaultRiskAction(entry.kind, first) : rule;
}

std::vector<RiskListEntry> riskListEntries(const RiskAssessment &assessment, const RiskHistory &history,
                                           const QString &regionId, int count,
                                           const QHash<QString, int> &previousRiskBp,
                                           const QHash<QString, QString> &customActions)
{
    std::vector<RiskListEntry> entries;
    for (const RiskScore &score : assessment.ranked) {
        if (count > 0 && int(entries.size()) >= count)
            break;
        const RiskDeal &deal = *score.row.state.deal;
        if (!regionId.isEmpty() && deal.regionId != regionId)
            continue;
        RiskListEntry entry;
        entry.kind = deal.kind;
        entry.rank = int(entries.size()) + 1;
        entry.opportunityId = deal.id;
        entry.opportunityName = deal.name;
        entry.regionId = deal.regionId;
        entry.ownerId = deal.ownerId;
        entry.ownerName = history.userNames.value(deal.ownerId);
        entry.accountId = deal.accountId;
        entry.accountName = history.accountNames.value(deal.accountId);
        entry.stageCode = score.row.state.stage->code;
        entry.stageName = EnumLabels::stageName(entry.stageCode, score.row.state.stage->name);
        entry.amountMinor = score.row.state.amountMinor;
        entry.currency = deal.currency;
        entry.riskBp = int(std::lround(score.probability * 10000.0));
        if (previousRiskBp.contains(deal.id))
            entry.previousRiskBp = previousRiskBp.value(deal.id);
        entry.change = changeOf(entry.riskBp, entry.previousRiskBp);
        for (const auto &[factor, weight] : score.reasons)
            entry.reasons.push_back(riskReasonOf(factor, score.row.state, score.row.features));
        if (!score.reasons.empty())
            entry.customAction = customActions.value(riskRuleKey(deal.kind, score.reasons.front().first)).trimmed();
        entries.push_back(std::move(entry));
    }
    return entries;
}

} // namespace vantage::core
