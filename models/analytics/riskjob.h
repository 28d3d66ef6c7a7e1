#pragma once

#include "domain/result.h"
#include "funnelalertrules.h"
#include "riskassessment.h"
#include "risksnapshot.h"

#include <QFuture>
#include <QSqlDatabase>

#include <memory>

namespace vantage::core {

class Store;

// What the Risk page reads from the database for one week.
struct RiskPageInput
{
    QDate monday;
    std::shared_ptr<const RiskHistory> history;
    std::vector<RiskSnapshot> stored;        // this week's lists already made (here or synced in)
    std::vector<RiskSnapshot> lastWeek;      // for "change since last week" and what happened since
    std::vector<RiskSnapshot> earlierLists;  // the six weeks before last week, for the rates per manager
    QHash<QString, RiskFollowUp> followUps;  // of the entries of all those weeks, by entry id
    QHash<QString, QString> actionRules;
    QDate today;                                 // the data's today: mutes still running on it hide
    FunnelAlertSetup funnel;
    QString madeBy = QStringLiteral("client");   // who makes the missing lists: "client" or "server"
};

// What became of an entry of last week's list by this Monday.
enum class RiskEntryOutcome { Won, Lost, Slipped, Saved };

struct RiskReview
{
    RiskListEntry entry;
    RiskEntryOutcome outcome = RiskEntryOutcome::Saved;
    bool followedUp = false;          // a follow-up other than "to do" was recorded
    bool actedOnSuggestion = false;
};

// Last week's list of a region in numbers: the closed loop the manager is measured on.
struct RiskReviewSummary
{
    int entries = 0;
    int won = 0;
    int lost = 0;
    int slipped = 0;
    int saved = 0;
    int followedUp = 0;
    int actedOnSuggestion = 0;
};
RiskReviewSummary summariseReviews(const std::vector<RiskReview> &reviews, const QString &regionId);

// The page's content: the whole open pipeline scored, each region's list of the week (stored,
// or made now and still to be stored) and each listed deal's risk on the last eight Mondays.
struct RiskPageData
{
    QDate monday;
    QString isoWeek;
    std::shared_ptr<const RiskHistory> history;  // the assessment points into it
    RiskAssessment assessment;
    std::vector<RiskSnapshot> snapshots;         // every region with open deals, by region code
    std::vector<RiskSnapshot> madeNow;           // the ones made by this run, to store
    QHash<QString, RiskFollowUp> followUps;
    QHash<QString, std::vector<std::pair<QDate, int>>> trends;  // opportunity → (Monday, risk bp)
    std::vector<RiskReview> lastWeek;            // last week's entries and what became of them
    QHash<QString, QString> actionRules;         // reason code → the company's own next step
    std::vector<RaisedFunnelAlert> funnelAlerts; // stages whose recent weeks left a rule's limits, muted too
    FunnelAlertSetup funnel;
    std::vector<RiskSnapshot> loopLists;         // this week's lists and the seven weeks' before (riskLoopByManager)
};

constexpr int kRiskListSize = 10;
constexpr int kRiskTrendWeeks = 8;

// Reads what the week's lists are made from (the caller's connection and thread); today is the
// data's today, for the funnel alerts' mutes.
Result<RiskPageInput> readRiskPageInput(const QSqlDatabase &db, const QDate &monday, const QDate &today);
// The same on one of the store's reader threads.
QFuture<Result<RiskPageInput>> loadRiskPageInput(Store &store, const QDate &monday, const QDate &today);
// Trains, scores and makes the missing lists on the global pool; reports progress, stops when
// cancelled. madeAtMs is when the lists made now count as made.
QFuture<Result<RiskPageData>> computeRiskPage(RiskPageInput input, qint64 madeAtMs);
// The same, synchronously (CLI, tests).
Result<RiskPageData> makeRiskPage(const RiskPageInput &input, qint64 madeAtMs, const RiskRunControl &control = {});
// Only the scoring and the week's lists (assessment, snapshots, madeNow): what the server needs.
Result<RiskPageData> makeRiskLists(const RiskPageInput &input, qint64 madeAtMs, const RiskRunControl &control = {});

} // namespace vantage::core
