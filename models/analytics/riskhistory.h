#pragma once

#include <QDate>
#include <QHash>
#include <QString>
#include <QStringList>

#include <vector>

namespace vantage::core {

// Everything the risk model may learn from, as time-stamped events (UTC ms). The risk code
// reconstructs any past week from these alone; an opportunity's current columns (stage,
// amount, closed_on) are never read, so nothing after an as-of instant can leak into it.
struct StageVisit
{
    QString stage;
    qint64 enteredAt = 0;
};

struct CloseDateChange
{
    QDate expectedClose;
    qint64 changedAt = 0;
};

struct AmountChange
{
    qint64 amountMinor = 0;
    qint64 changedAt = 0;
};

struct QuoteDiscount
{
    qint64 subtotalMinor = 0;
    qint64 discountMinor = 0;
    qint64 createdAt = 0;
};

// Opportunities can be lost or slip past their expected close; orders can be cancelled or ship
// after their due date. Both are ranked on one list, each kind by its own model.
enum class RiskDealKind { Opportunity, Order };
constexpr int kRiskDealKindCount = 2;

// The stages an order goes through, as risk stages (an order has no pipeline stage of its own).
inline const QString kOrderOpenStage = QStringLiteral("order_open");
inline const QString kOrderShippedStage = QStringLiteral("order_shipped");
inline const QString kOrderCancelledStage = QStringLiteral("order_cancelled");

struct RiskDeal
{
    RiskDealKind kind = RiskDealKind::Opportunity;
    QString id;
    QString name;
    QString accountId;
    QString ownerId;
    QString productId;
    QString regionId;
    QString currency;
    qint64 createdAt = 0;
    qint64 amountMinor = 0;                   // only when the amount history is empty
    std::vector<StageVisit> stages;           // time order
    std::vector<CloseDateChange> closeDates;  // time order
    std::vector<AmountChange> amounts;        // time order
    std::vector<qint64> activities;           // occurred_at, ascending
    std::vector<QuoteDiscount> quotes;        // time order; an order's lines as one discount
};

// An invoice with the day it was settled in full (invalid: not settled).
struct InvoiceRecord
{
    QDate dueOn;
    QDate settledOn;
    qint64 amountMinor = 0;
};

struct RiskStage
{
    QString code;
    QString name;
    int sortOrder = 0;
    bool closed = false;
    bool won = false;
    double defaultWinProbability = 0.5;
};

struct RiskHistory
{
    std::vector<RiskDeal> deals;
    std::vector<RiskStage> stages;                                 // by sort order
    QHash<QString, std::vector<InvoiceRecord>> invoicesByAccount;
    QHash<QString, qint64> listPriceMinor;                         // "product|currency" → list price
    QHash<QString, QString> userNames;
    QHash<QString, QString> accountNames;
    QHash<QString, QString> regionNames;
    QHash<QString, QString> regionCodes;
    QHash<QString, QString> productNames;
    QHash<QString, QStringList> regionManagers;                    // region → its regional managers, by id

    const RiskStage *stage(const QString &code) const
    {
        for (const RiskStage &candidate : stages)
            if (candidate.code == code)
                return &candidate;
        return nullptr;
    }
};

} // namespace vantage::core
