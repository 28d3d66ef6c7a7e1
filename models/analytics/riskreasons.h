#pragma once

#include "riskfeatures.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

namespace vantage::core {

// A reason with the figures its sentence quotes. Lists store these, not sentences, so a list made
// on an English laptop reads in Chinese on the next one.
struct RiskReason
{
    RiskFactor factor = RiskFactor::StageAge;
    RiskDealKind kind = RiskDealKind::Opportunity;  // an order's reasons speak of shipping
    QString stageCode;
    QString stageName;   // the stored stage name, for a company's own stages
    int days = 0;        // in stage, past the close date, since the last record or since the start
    double usual = 0;    // the usual days in the stage
    double ratio = 0;    // days ÷ usual, or amount ÷ the rep's usual
    QDate date;          // the expected close
    int count = 0;       // close-date pushes, overdue invoices, or days from the start to the close
    double share = 0;    // amount cut, discount, or the rep's/product's win rate
    double overall = 0;  // everyone's win rate

    friend bool operator==(const RiskReason &, const RiskReason &) = default;
};

RiskReason riskReasonOf(RiskFactor factor, const DealState &state, const RiskFeatures &features);
QJsonObject riskReasonToJson(const RiskReason &reason);
std::optional<RiskReason> riskReasonFromJson(const QJsonObject &json);

// The reason in plain language, in the UI language: "In Engaging 41 days, 2.3× the usual 18".
QString riskReasonText(const RiskReason &reason);

// The built-in suggested next step for a reason, in the UI language.
QString defaultRiskAction(RiskDealKind kind, RiskFactor factor);

// A short translated name of the factor, for rule tables and column headers.
QString riskFactorTitle(RiskDealKind kind, RiskFactor factor);

// The key of the company's own next step for a reason: the factor's code for opportunities,
// "order." + code for orders (a late order needs a different step from a late deal).
QString riskRuleKey(RiskDealKind kind, RiskFactor factor);

} // namespace vantage::core
