#include "risklistsheet.h"

#include "domain/enumlabels.h"

#include <QCoreApplication>

namespace vantage::core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::core::RiskListSheet)
};

TableCell moneyCell(const RiskListEntry &entry)
{
    const auto currency = Currency::fromCode(entry.currency);
    if (!currency)
        return TableCell::text(QString::number(entry.amountMinor));
    return TableCell::money(Money(entry.amountMinor, *currency));
}

} // namespace

QString riskChangeText(const RiskListEntry &entry)
{
    const int points = entry.previousRiskBp ? qRound(std::abs(entry.riskBp - *entry.previousRiskBp) / 100.0) : 0;
    switch (entry.change) {
    case RiskChange::New: return Tr::tr("New");
    case RiskChange::Up: return points == 1 ? Tr::tr("Up 1 point") : Tr::tr("Up %1 points").arg(points);
    case RiskChange::Down: return points == 1 ? Tr::tr("Down 1 point") : Tr::tr("Down %1 points").arg(points);
    case RiskChange::Unchanged: return Tr::tr("Unchanged");
    }
    return {};
}

TableSheet riskListSheet(const std::vector<RiskListEntry> &entries, const QHash<QString, QString> &regionNames,
                         const QHash<QString, QString> &actionRules)
{
    TableSheet sheet;
    sheet.name = Tr::tr("Risk list");
    sheet.headers = {Tr::tr("Rank"), Tr::tr("Region"), Tr::tr("Opportunity or order"), Tr::tr("Customer"), Tr::tr("Owner"),
                     Tr::tr("Stage"), Tr::tr("Amount"), Tr::tr("Currency"), Tr::tr("Risk"), Tr::tr("Change"),
                     Tr::tr("Reason 1"), Tr::tr("Reason 2"), Tr::tr("Reason 3"), Tr::tr("Next action")};
    for (const RiskListEntry &entry : entries) {
        TableRow row{TableCell::number(QString::number(entry.rank)),
                     TableCell::text(EnumLabels::dataName(regionNames.value(entry.regionId))),
                     TableCell::text(riskDealTitle(entry.kind, entry.opportunityName)), TableCell::text(entry.accountName),
                     TableCell::text(riskOwnerText(entry.ownerName)), TableCell::text(EnumLabels::stageName(entry.stageCode, entry.stageName)),
                     moneyCell(entry),
                     TableCell::text(entry.currency),
                     TableCell::number(Decimal(entry.riskBp, 4).toString(), QStringLiteral("0%")),
                     TableCell::text(riskChangeText(entry))};
        const QStringList reasons = riskReasonTexts(entry);
        for (int i = 0; i < 3; ++i)
            row.push_back(i < reasons.size() ? TableCell::text(reasons[i]) : TableCell::empty());
        row.push_back(TableCell::text(riskEntryAction(entry, actionRules)));
        sheet.rows.push_back(std::move(row));
    }
    return sheet;
}

} // namespace vantage::core
