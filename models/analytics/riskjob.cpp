#include "riskjob.h"

#include "riskcontext.h"
#include "riskloop.h"

#include "storage/funnelalertrepository.h"
#include "storage/riskrepository.h"
#include "storage/risksnapshotrepository.h"
#include "storage/store.h"

#include <QDateTime>
#include <QPromise>
#include <QTimeZone>
#include <QtConcurrent/QtConcurrentRun>

namespace vantage::core {

namespace {

QHash<QString, int> lastWeekRisks(const std::vector<RiskSnapshot> &lastWeek, const QString &regionId)
{
    QHash<QString, int> risks;
    for (const RiskSnapshot &snapshot : lastWeek)
        if (snapshot.regionId == regionId)
            for (const RiskListEntry &entry : snapshot.entries)
                risks.insert(entry.opportunityId, entry.riskBp);
    return risks;
}

RiskSnapshot makeSnapshot(const RiskPageInput &input, const RiskAssessment &assessment, const QString &regionId,
                          qint64 madeAtMs)
{
    RiskSnapshot snapshot;
    snapshot.regionId = regionId;
    snapshot.isoWeek = isoWeekOf(input.monday);
    snapshot.id = riskSnapshotId(regionId, snapshot.isoWeek);
    snapshot.asOf = input.monday;
    snapshot.madeAt = madeAtMs;
    snapshot.madeBy = input.madeBy;
    snapshot.learnedWeightBp = qRound(assessment.learnedWeight * 10000);
    for (const RiskScore &score : assessment.ranked)
        snapshot.openDeals += score.row.state.deal->regionId == regionId ? 1 : 0;
    snapshot.entries = riskListEntries(assessment, *input.history, regionId, kRiskListSize,
                                       lastWeekRisks(input.lastWeek, regionId), input.actionRules);
    for (RiskListEntry &entry : snapshot.entries)
        entry.id = riskEntryId(snapshot.id, entry.rank);
    return snapshot;
}

// Each listed deal's risk on the Mondays before this one, by today's model.
void addTrends(RiskPageData &data)
{
    QSet<QString> listed;
    for (const RiskSnapshot &snapshot : data.snapshots)
        for (const RiskListEntry &entry : snapshot.entries)
            listed.insert(entry.opportunityId);
    for (int back = kRiskTrendWeeks - 1; back >= 0; --back) {
        const QDate monday = data.monday.addDays(-7 * back);
        const RiskWeek week = riskWeekAt(*data.history, monday);
        for (const RiskRow &row : week.rows)
            if (listed.contains(row.state.deal->id))
                data.trends[row.state.deal->id].emplace_back(
                    monday, int(std::lround(data.assessment.model.probability(row) * 10000)));
    }
}

// Won or lost since; still open past the close date expected now (slipped); or still open and on
// track (saved). A deal no longer in the history (deleted) counts as lost.
// Won or lost; an order shipped after its due date slipped.
RiskEntryOutcome closedOutcome(const RiskDeal &deal, const RiskStage &stage, qint64 closedAt)
{
    if (!stage.won)
        return RiskEntryOutcome::Lost;
    if (deal.kind == RiskDealKind::Order && !deal.closeDates.empty()) {
        const QDate shipped = QDateTime::fromMSecsSinceEpoch(closedAt, QTimeZone::utc()).date();
        if (shipped > deal.closeDates.back().expectedClose)
            return RiskEntryOutcome::Slipped;
    }
    return RiskEntryOutcome::Won;
}

std::vector<RiskReview> reviewLastWeek(const RiskPageInput &input)
{
    QHash<QString, const RiskDeal *> deals;
    for (const RiskDeal &deal : input.history->deals)
        deals.insert(deal.id, &deal);
    const qint64 cut = riskCutoffMs(input.monday);
    const RiskContext context = RiskContext::learn(*input.history, cut);
    std::vector<RiskReview> reviews;
    for (const RiskSnapshot &snapshot : input.lastWeek) {
        for (const RiskListEntry &entry : snapshot.entries) {
            RiskReview review{entry, RiskEntryOutcome::Lost, false, false};
            if (const RiskDeal *deal = deals.value(entry.opportunityId)) {
                const std::size_t visits = visitsBefore(*deal, cut);
                const RiskStage *stage = visits == 0 ? nullptr : input.history->stage(deal->stages[visits - 1].stage);
                if (stage && stage->closed)
                    review.outcome = closedOutcome(*deal, *stage, deal->stages[visits - 1].enteredAt);
                else if (const auto open = openDealAt(*deal, *input.history, context, cut))
                    review.outcome = open->expectedClose < input.monday ? RiskEntryOutcome::Slipped : RiskEntryOutcome::Saved;
            }
            const auto followUp = input.followUps.constFind(entry.id);
            if (followUp != input.followUps.constEnd()) {
                review.followedUp = followUp->status != FollowUpStatus::Open;
                review.actedOnSuggestion = followUp->actedOnSuggestion;
            }
            reviews.push_back(std::move(review));
        }
    }
    return reviews;
}

// The company's funnel alert rules and what was done with each alert.
Status readFunnelSetup(const QSqlDatabase &db, RiskPageInput &input)
{
    auto setup = FunnelAlertRepository(db).setup();
    if (!setup)
        return setup.error();
    input.funnel = std::move(setup.value());
    return {};
}

} // namespace

RiskReviewSummary summariseReviews(const std::vector<RiskReview> &reviews, const QString &regionId)
{
    RiskReviewSummary summary;
    for (const RiskReview &review : reviews) {
        if (!regionId.isEmpty() && review.entry.regionId != regionId)
            continue;
        ++summary.entries;
        summary.won += review.outcome == RiskEntryOutcome::Won ? 1 : 0;
        summary.lost += review.outcome == RiskEntryOutcome::Lost ? 1 : 0;
        summary.slipped += review.outcome == RiskEntryOutcome::Slipped ? 1 : 0;
        summary.saved += review.outcome == RiskEntryOutcome::Saved ? 1 : 0;
        summary.followedUp += review.followedUp ? 1 : 0;
        summary.actedOnSuggestion += review.actedOnSuggestion ? 1 : 0;
    }
    return summary;
}

Result<RiskPageInput> readRiskPageInput(const QSqlDatabase &db, const QDate &monday, const QDate &today)
{
    RiskPageInput input;
    input.monday = monday;
    input.today = today;
    if (Status read = readFunnelSetup(db, input); !read)
        return read.error();
    auto history = RiskRepository(db).load();
    if (!history)
        return history.error();
    input.history = std::make_shared<const RiskHistory>(std::move(history.value()));
    const RiskSnapshotRepository snapshots(db);
    auto stored = snapshots.snapshotsOf(isoWeekOf(monday));
    auto lastWeek = snapshots.snapshotsOf(isoWeekOf(monday.addDays(-7)));
    auto followUps = snapshots.followUpsOf(isoWeekOf(monday));
    auto lastFollowUps = snapshots.followUpsOf(isoWeekOf(monday.addDays(-7)));
    auto rules = snapshots.actionRules();
    for (const Error *failed : {stored ? nullptr : &stored.error(), lastWeek ? nullptr : &lastWeek.error(),
                                followUps ? nullptr : &followUps.error(), rules ? nullptr : &rules.error(),
                                lastFollowUps ? nullptr : &lastFollowUps.error()})
        if (failed != nullptr)
            return *failed;
    input.stored = std::move(stored.value());
    input.lastWeek = std::move(lastWeek.value());
    input.followUps = std::move(followUps.value());
    input.followUps.insert(lastFollowUps.value());
    input.actionRules = std::move(rules.value());
    for (int weeksBack = 2; weeksBack < kRiskLoopWeeks; ++weeksBack) {
        const QString week = isoWeekOf(monday.addDays(-7 * weeksBack));
        auto lists = snapshots.snapshotsOf(week);
        if (!lists)
            return lists.error();
        auto done = snapshots.followUpsOf(week);
        if (!done)
            return done.error();
        input.earlierLists.insert(input.earlierLists.end(), lists.value().begin(), lists.value().end());
        input.followUps.insert(done.value());
    }
    return input;
}

QFuture<Result<RiskPageInput>> loadRiskPageInput(Store &store, const QDate &monday, const QDate &today)
{
    return store.submitRead<Result<RiskPageInput>>([monday, today](JobContext &context) -> Result<RiskPageInput> {
        auto db = context.connection();
        if (!db)
            return db.error();
        return readRiskPageInput(db.value(), monday, today);
    });
}

Result<RiskPageData> makeRiskLists(const RiskPageInput &input, qint64 madeAtMs, const RiskRunControl &control)
{
    auto assessment = assessRisk(*input.history, input.monday, {}, control);
    if (!assessment)
        return assessment.error();
    RiskPageData data;
    data.monday = input.monday;
    data.isoWeek = isoWeekOf(input.monday);
    data.history = input.history;
    data.assessment = std::move(assessment.value());
    data.followUps = input.followUps;
    data.actionRules = input.actionRules;
    QStringList regions = input.history->regionCodes.keys();
    std::sort(regions.begin(), regions.end(), [&](const QString &a, const QString &b) {
        return input.history->regionCodes.value(a) < input.history->regionCodes.value(b);
    });
    for (const QString &region : regions) {
        const auto stored = std::find_if(input.stored.begin(), input.stored.end(),
                                         [&](const RiskSnapshot &s) { return s.regionId == region; });
        if (stored != input.stored.end()) {
            data.snapshots.push_back(*stored);
            continue;
        }
        RiskSnapshot made = makeSnapshot(input, data.assessment, region, madeAtMs);
        if (made.entries.empty())
            continue;
        data.snapshots.push_back(made);
        data.madeNow.push_back(std::move(made));
    }
    return data;
}

Result<RiskPageData> makeRiskPage(const RiskPageInput &input, qint64 madeAtMs, const RiskRunControl &control)
{
    auto lists = makeRiskLists(input, madeAtMs, control);
    if (!lists)
        return lists;
    if (control.cancelled && control.cancelled())
        return Error{ErrorCode::Cancelled, QString(), {}};
    RiskPageData &data = lists.value();
    addTrends(data);
    data.lastWeek = reviewLastWeek(input);
    data.loopLists = input.earlierLists;
    data.loopLists.insert(data.loopLists.end(), input.lastWeek.begin(), input.lastWeek.end());
    data.loopLists.insert(data.loopLists.end(), data.snapshots.begin(), data.snapshots.end());
    data.funnelAlerts = raiseFunnelAlerts(*input.history, input.monday, input.funnel.rules);
    applyFunnelAlertStates(data.funnelAlerts, input.funnel.states, input.today.isValid() ? input.today : input.monday);
    data.funnel = input.funnel;
    return lists;
}

QFuture<Result<RiskPageData>> computeRiskPage(RiskPageInput input, qint64 madeAtMs)
{
    return QtConcurrent::run([input = std::move(input), madeAtMs](QPromise<Result<RiskPageData>> &promise) {
        RiskRunControl control;
        control.cancelled = [&promise] { return promise.isCanceled(); };
        control.progress = [&promise](int done, int total) {
            promise.setProgressRange(0, total);
            promise.setProgressValue(done);
        };
        auto data = makeRiskPage(input, madeAtMs, control);
        if (!promise.isCanceled())
            promise.addResult(std::move(data));
    });
}

} // namespace vantage::core
