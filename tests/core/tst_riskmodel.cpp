// The risk model on the demo database: nothing after the as-of date reaches a score (the rows
// dated later are scrambled in the database itself), the list is deterministic, the learned model
// takes over from the prior as history grows, and the backtest's figures are consistent.
#include "sqlhelpers.h"
#include "testsupport.h"

#include "analytics/riskbacktest.h"
#include "analytics/riskjob.h"
#include "analytics/risklist.h"
#include "analytics/riskreasons.h"
#include "storage/connection.h"
#include "storage/riskrepository.h"

#include <QTest>

#include <cmath>

using namespace vantage::core;

namespace {

RiskHistory loadHistory(const QString &path, const QString &name)
{
    ScopedConnection connection(path, name, ConnectionMode::ReadOnly);
    if (!connection.ok())
        qFatal("cannot open %s", qPrintable(path));
    auto history = RiskRepository(connection.database()).load();
    if (!history)
        qFatal("cannot load the risk history: %s", qPrintable(history.error().message));
    return std::move(history.value());
}

// The demo's as-of date minus four months: there is history on both sides.
QDate testAsOf()
{
    return vantage::test::demoAsOf().addMonths(-4);
}

struct Fingerprint
{
    QStringList lines;
    double learnedWeight = 0;
    double orderLearnedWeight = 0;
    int orders = 0;
};

Fingerprint fingerprintOf(const RiskHistory &history, const QDate &asOf)
{
    auto assessment = assessRisk(history, asOf);
    if (!assessment)
        qFatal("assessment failed: %s", qPrintable(assessment.error().message));
    Fingerprint print;
    print.learnedWeight = assessment.value().learnedWeight;
    print.orderLearnedWeight = assessment.value().orderLearnedWeight;
    for (const RiskScore &score : assessment.value().ranked) {
        print.orders += score.row.kind() == RiskDealKind::Order ? 1 : 0;
        QStringList reasons;
        for (const auto &[factor, weight] : score.reasons)
            reasons << riskFactorCode(factor) + QLatin1Char('=') + QString::number(weight, 'g', 17);
        print.lines << score.row.state.deal->id + QLatin1Char(' ') + QString::number(score.probability, 'g', 17) + QLatin1Char(' ')
                           + reasons.join(QLatin1Char(','));
    }
    return print;
}

} // namespace

class TestRiskModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void laterRowsChangeNothing();
    void sameDataSameList();
    void learnedModelTakesOverWithHistory();
    void listHasTenPerRegionWithReasons();
    void backtestFiguresAreConsistent();
    void lastWeeksListIsReviewed();
};

void TestRiskModel::laterRowsChangeNothing()
{
    QTemporaryDir dir;
    const QString path = vantage::test::copyOfDemoDatabase(dir);
    const Fingerprint before = fingerprintOf(loadHistory(path, QStringLiteral("before")), testAsOf());
    QVERIFY(before.lines.size() > 100);
    QVERIFY(before.orders > 0);
    QVERIFY(before.orderLearnedWeight > 0);

    const qint64 cut = riskCutoffMs(testAsOf());
    const QString day = testAsOf().toString(Qt::ISODate);
    {
        ScopedConnection connection(path, QStringLiteral("scramble"), ConnectionMode::ReadWrite);
        QVERIFY(connection.ok());
        const Sql sql(connection.database());
        const QStringList scramble{
            // Later stage moves get shuffled outcomes and times (still after the cut).
            QStringLiteral("UPDATE opportunity_stage_history SET stage_code = CASE WHEN abs(random()) % 2 = 0 THEN 'won' "
                           "ELSE 'lost' END, entered_at = entered_at + abs(random()) % 864000000 WHERE entered_at >= CUT"),
            QStringLiteral("UPDATE opportunity_amount_history SET amount_minor = 1 + abs(random()) % 1000000000 "
                           "WHERE changed_at >= CUT"),
            QStringLiteral("UPDATE opportunity_close_date_history SET expected_close_on = '2040-01-01' WHERE changed_at >= CUT"),
            // The current columns are never read by the model.
            QStringLiteral("UPDATE opportunity SET stage_code = 'lost', amount_minor = 7, closed_on = '2001-01-01', "
                           "expected_close_on = '2001-01-01'"),
            QStringLiteral("INSERT INTO activity (id, updated_at, kind, subject, opportunity_id, owner_id, occurred_at) "
                           "SELECT 'later-' || id, 0, 'call', 'later', id, owner_id, CUT + 3600000 FROM opportunity"),
            QStringLiteral("INSERT INTO quote (id, updated_at, account_id, opportunity_id, owner_id, status, currency, "
                           "subtotal_minor, discount_minor, created_at) SELECT 'later-' || id, 0, coalesce(account_id, ''), "
                           "id, owner_id, 'draft', currency, 100, 90, CUT + 1 FROM opportunity"),
            QStringLiteral("UPDATE payment SET paid_on = '2040-01-01' WHERE paid_on >= 'DAY'"),
            // Orders not shipped by the cut: shipped or cancelled at other times (an open order's
            // ship date is a plan and must not be read either).
            QStringLiteral("UPDATE sales_order SET status = CASE WHEN abs(random()) % 3 = 0 THEN 'cancelled' ELSE 'shipped' END, "
                           "ship_date = date(ship_date, '+' || (abs(random()) % 20) || ' days'), "
                           "updated_at = CUT + abs(random()) % 864000000 WHERE ship_date >= 'DAY'"),
        };
        for (const QString &statement : scramble)
            QVERIFY2(sql.exec(QString(statement).replace(QStringLiteral("CUT"), QString::number(cut))
                                  .replace(QStringLiteral("DAY"), day)), qPrintable(statement));
    }
    const Fingerprint after = fingerprintOf(loadHistory(path, QStringLiteral("after")), testAsOf());
    QCOMPARE(after.learnedWeight, before.learnedWeight);
    QCOMPARE(after.orderLearnedWeight, before.orderLearnedWeight);
    QCOMPARE(after.lines, before.lines);
}

void TestRiskModel::sameDataSameList()
{
    const RiskHistory history = loadHistory(vantage::test::sharedDemoDatabase(), QStringLiteral("twice"));
    const Fingerprint first = fingerprintOf(history, testAsOf());
    const Fingerprint second = fingerprintOf(loadHistory(vantage::test::sharedDemoDatabase(), QStringLiteral("again")),
                                             testAsOf());
    QCOMPARE(second.lines, first.lines);
}

void TestRiskModel::learnedModelTakesOverWithHistory()
{
    const RiskHistory history = loadHistory(vantage::test::sharedDemoDatabase(), QStringLiteral("growth"));
    const QDate start = riskHistoryStart(history);
    QVERIFY(start.isValid());
    auto early = assessRisk(history, start.addDays(21));
    auto late = assessRisk(history, testAsOf());
    QVERIFY(early && late);
    QCOMPARE(early.value().learnedWeight, 0.0);           // no week has a complete outcome yet
    QVERIFY(late.value().learnedWeight > 0.9);
    QVERIFY(late.value().trainingWeeks > 20);
    for (const RiskScore &score : late.value().ranked)
        QVERIFY(score.probability > 0 && score.probability < 1);
}

void TestRiskModel::listHasTenPerRegionWithReasons()
{
    const RiskHistory history = loadHistory(vantage::test::sharedDemoDatabase(), QStringLiteral("list"));
    auto assessment = assessRisk(history, testAsOf());
    QVERIFY(assessment);
    int regionsWithDeals = 0;
    for (auto it = history.regionNames.cbegin(); it != history.regionNames.cend(); ++it) {
        const auto entries = riskListEntries(assessment.value(), history, it.key(), 10, {}, {});
        if (entries.empty())
            continue;
        ++regionsWithDeals;
        const bool ordersOnly = std::all_of(entries.begin(), entries.end(),
                                            [](const RiskListEntry &e) { return e.kind == RiskDealKind::Order; });
        QVERIFY(entries.size() == 10 || (ordersOnly && entries.size() < 10));
        for (std::size_t i = 0; i < entries.size(); ++i) {
            QCOMPARE(entries[i].rank, int(i) + 1);
            QCOMPARE(entries[i].regionId, it.key());
            // The demo's orders have no rep: their region's manager owns them, where there is one.
            QVERIFY(!entries[i].ownerName.isEmpty() || entries[i].kind == RiskDealKind::Order);
            QVERIFY(!entries[i].reasons.empty());
            QCOMPARE(riskEntryAction(entries[i]), defaultRiskAction(entries[i].kind, entries[i].reasons.front().factor));
            QCOMPARE(entries[i].change, RiskChange::New);
            if (i > 0)
                QVERIFY(entries[i].riskBp <= entries[i - 1].riskBp);
        }
        if (entries.size() < 3)
            continue;
        // Against last week's risks: the first entry moved up, the second stayed.
        QHash<QString, int> previous{{entries[0].opportunityId, entries[0].riskBp - 500},
                                     {entries[1].opportunityId, entries[1].riskBp + 50}};
        const auto again = riskListEntries(assessment.value(), history, it.key(), 10, previous, {});
        QCOMPARE(again[0].change, RiskChange::Up);
        QCOMPARE(again[1].change, RiskChange::Unchanged);
        QCOMPARE(again[2].change, RiskChange::New);
    }
    QCOMPARE(regionsWithDeals, 4);  // the CRM offices Central, East, West, and South with orders only
}

void TestRiskModel::backtestFiguresAreConsistent()
{
    const RiskHistory history = loadHistory(vantage::test::sharedDemoDatabase(), QStringLiteral("backtest"));
    const QDate to = riskHistoryEnd(history).addDays(-kRiskHorizonDays);
    auto report = runRiskBacktest(history, to.addDays(-70), to);
    QVERIFY2(report, report ? "" : qPrintable(report.error().message));
    const RiskBacktestReport &r = report.value();
    QVERIFY(r.weeks.size() >= 9 && r.weeks.size() <= 11);
    // Central, East and West every week; South (orders only) in the weeks it had an open order.
    QVERIFY(r.lists >= int(r.weeks.size()) * 3 && r.lists <= int(r.weeks.size()) * 4);
    QVERIFY(r.orderRows > 0);
    QVERIFY(r.strategies.front().aucOrders > 0.5);
    QCOMPARE(r.strategies.size(), std::size_t(6));
    int scored = 0;
    for (const RiskBacktestWeek &week : r.weeks)
        scored += week.openDeals;
    QCOMPARE(scored, r.scoredRows);
    for (const RiskStrategyResult &s : r.strategies) {
        QVERIFY(s.precisionAtTen >= 0 && s.precisionAtTen <= 1);
        QVERIFY(s.auc >= 0 && s.auc <= 1);
    }
    // The model's probabilities must beat a constant guess of the base rate.
    QVERIFY2(r.strategies.front().brier < r.strategies.back().brier,
             qPrintable(QStringLiteral("%1 vs %2").arg(r.strategies.front().brier).arg(r.strategies.back().brier)));
    QVERIFY(!runRiskBacktest(history, QDate(1990, 1, 1), QDate(1990, 2, 1)));  // nothing to replay: a message
    // Ties (many deals share a score) are broken the same way on every run.
    auto again = runRiskBacktest(history, to.addDays(-70), to);
    QVERIFY(again);
    for (std::size_t s = 0; s < r.strategies.size(); ++s)
        QCOMPARE(again.value().strategies[s].precisionAtTen, r.strategies[s].precisionAtTen);
}

// Last week's ten against the demo's own outcome columns (the model never reads them): closed
// before this Monday → won or lost; open → slipped or back on track.
void TestRiskModel::lastWeeksListIsReviewed()
{
    const QString path = vantage::test::sharedDemoDatabase();
    RiskPageInput input;
    input.history = std::make_shared<const RiskHistory>(loadHistory(path, QStringLiteral("review")));
    const QDate monday = mondayOf(testAsOf());
    input.monday = monday.addDays(-7);
    auto lastWeek = makeRiskPage(input, 1);
    QVERIFY(lastWeek);
    QVERIFY(lastWeek.value().madeNow.size() >= 3);  // Central, East, West; South when it had an open order
    std::size_t listed = 0;
    for (const RiskSnapshot &snapshot : lastWeek.value().madeNow)
        listed += snapshot.entries.size();
    input.monday = monday;
    input.lastWeek = lastWeek.value().madeNow;
    const RiskListEntry &followed = input.lastWeek.front().entries.front();
    input.followUps.insert(followed.id, {QString(), followed.id, followed.opportunityId, FollowUpStatus::Contacted,
                                         QString(), QDate(), true});
    auto thisWeek = makeRiskPage(input, 2);
    QVERIFY(thisWeek);
    const std::vector<RiskReview> &reviews = thisWeek.value().lastWeek;
    QCOMPARE(reviews.size(), listed);
    ScopedConnection demo(path, QStringLiteral("review-sql"), ConnectionMode::ReadOnly);
    auto column = [&demo](const char *sql, const QString &id) {
        return vantage::test::scalar(demo.database(), QString::fromLatin1(sql), {id}).toString();
    };
    int closed = 0;
    for (const RiskReview &review : reviews) {
        const QString id = review.entry.opportunityId;
        if (review.entry.kind == RiskDealKind::Order) {
            const QDate shipped = QDate::fromString(column("SELECT ship_date FROM sales_order WHERE id = ?", id), Qt::ISODate);
            const QDate due = QDate::fromString(column("SELECT due_date FROM sales_order WHERE id = ?", id), Qt::ISODate);
            if (column("SELECT status FROM sales_order WHERE id = ?", id) == QLatin1String("shipped") && shipped < monday) {
                QCOMPARE(review.outcome, shipped <= due ? RiskEntryOutcome::Won : RiskEntryOutcome::Slipped);
                closed += shipped <= due ? 1 : 0;
            } else {
                QVERIFY(review.outcome == RiskEntryOutcome::Slipped || review.outcome == RiskEntryOutcome::Saved);
            }
            continue;
        }
        const QString stage = column("SELECT stage_code FROM opportunity WHERE id = ?", id);
        const QDate closedOn = QDate::fromString(column("SELECT closed_on FROM opportunity WHERE id = ?", id), Qt::ISODate);
        if (closedOn.isValid() && closedOn < monday) {
            ++closed;
            QCOMPARE(review.outcome, stage == QLatin1String("won") ? RiskEntryOutcome::Won : RiskEntryOutcome::Lost);
        } else {
            QVERIFY(review.outcome == RiskEntryOutcome::Slipped || review.outcome == RiskEntryOutcome::Saved);
        }
    }
    const RiskReviewSummary all = summariseReviews(reviews, {});
    QCOMPARE(all.entries, int(listed));
    QCOMPARE(all.won + all.lost, closed);
    QCOMPARE(all.won + all.lost + all.slipped + all.saved, int(listed));
    QCOMPARE(all.followedUp, 1);
    QCOMPARE(all.actedOnSuggestion, 1);
    QCOMPARE(summariseReviews(reviews, followed.regionId).entries, 10);
    // This week's entries carry last week's risk of the deals listed both times.
    int carried = 0;
    for (const RiskSnapshot &snapshot : thisWeek.value().madeNow)
        for (const RiskListEntry &entry : snapshot.entries)
            carried += entry.previousRiskBp ? 1 : 0;
    QVERIFY(carried > 0);
}

QTEST_GUILESS_MAIN(TestRiskModel)
#include "tst_riskmodel.moc"
