#pragma once

#include "riskassessment.h"
#include "riskreasons.h"

#include <QHash>
#include <QStringList>

#include <optional>

namespace vantage::core {

enum class RiskChange { New, Up, Down, Unchanged };

QString riskChangeCode(RiskChange change);            // "new", "up", "down", "unchanged"
std::optional<RiskChange> riskChangeFromCode(const QString &code);

// One line of a weekly list, as it is stored and shown: who, what, how risky, why, what to do.
struct RiskListEntry
{
    QString id;                              // the stored entry's id (empty until stored)
    int rank = 0;
    RiskDealKind kind = RiskDealKind::Opportunity;  // stored as the stage: orders are kOrderOpenStage
    QString opportunityId;                   // the opportunity's or the order's id
    QString opportunityName;                 // its name, or the order number
    QString regionId;
    QString ownerId;
    QString ownerName;
    QString accountId;
    QString accountName;
    QString stageCode;
    QString stageName;
    qint64 amountMinor = 0;
    QString currency;
    int riskBp = 0;                          // probability × 10,000
    std::optional<int> previousRiskBp;       // on last week's list
    RiskChange change = RiskChange::New;
    std::vector<RiskReason> reasons;         // most important first
    QString customAction;                    // the company's own step for the first reason, if any
};

// The reasons in the UI language, and the suggested step for the first reason: the company's own
// when the list was made with one, else its current rule (riskRuleKey → step), else the built-in
// suggestion.
QStringList riskReasonTexts(const RiskListEntry &entry);

// What a list calls a deal: the opportunity's name, or "Order CN-2026-104" in the UI language.
QString riskDealTitle(RiskDealKind kind, const QString &name);
// The owner's name, or "No owner" (an order without a rep in a region without a manager).
QString riskOwnerText(const QString &ownerName);
QString riskEntryAction(const RiskListEntry &entry, const QHash<QString, QString> &rules = {});

// A change of at least one percentage point counts as up or down.
constexpr int kRiskChangeThresholdBp = 100;

// The `count` riskiest deals of a region ("" = every region), with change against last week's
// risk of each deal (opportunity id → basis points) and the action for each first reason.
std::vector<RiskListEntry> riskListEntries(const RiskAssessment &assessment, const RiskHistory &history,
                                           const QString &regionId, int count,
                                           const QHash<QString, int> &previousRiskBp,
                                           const QHash<QString, QString> &customActions);

} // namespace vantage::core
