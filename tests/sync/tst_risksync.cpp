// The weekly risk list through a real vantage-server: a list made on one laptop and the manager's
// follow-up reach another; the same week's list made on the second laptop from the same data is
// the same record (ids derived from region and week), not a duplicate; follow-up changes travel back.
// The server makes the week's lists of every region itself (command and background run), the same
// lists a laptop with the same data makes. A funnel alert rule made on one laptop and an
// acknowledgement made on the other cross over, and the same alert muted on both is one record.
#include "syncfixture.h"

#include "analytics/riskjob.h"
#include "backgroundjobs.h"
#include "serverdatabase.h"
#include "storage/funnelalertrepository.h"
#include "storage/risksnapshotrepository.h"
#include "sync/funnelalertrecorder.h"
#include "sync/recordeditor.h"
#include "sync/risklistrecorder.h"
#include "sync/syncstate.h"

using namespace vantage;
using test::TestClient;

class TestRiskSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listAndFollowUpTravelAndMeet();
    void serverMakesEveryRegionsList();
    void funnelRuleAndAcknowledgementCrossOver();

private:
    std::unique_ptr<TestClient> client(const QString &login);
    core::RiskSnapshot weekList(const QString &opportunityId, qint64 madeAt) const;

    QTemporaryDir m_dir;
    std::unique_ptr<test::ServerProcess> m_server;
    test::Company m_company;
    int m_clients = 0;
};

std::unique_ptr<TestClient> TestRiskSync::client(const QString &login)
{
    auto made = std::make_unique<TestClient>(m_dir.filePath(QStringLiteral("client-%1.sqlite").arg(++m_clients)), m_server->url());
    auto session = made->engine().login(login, QString::fromLatin1(test::kTestPassword), login + QStringLiteral("-laptop"));
    if (!session)
        qFatal("login %s failed: %s", qPrintable(login), qPrintable(session.error().message));
    if (auto synced = made->sync(); !synced)
        qFatal("first sync of %s failed: %s", qPrintable(login), qPrintable(synced.error().message));
    return made;
}

void TestRiskSync::initTestCase()
{
    VANTAGE_SKIP_WITHOUT_POSTGRES();
    m_server = std::make_unique<test::ServerProcess>(test::newServerDatabase(m_dir));
    QVERIFY(test::setUpCompany(*m_server, m_dir.filePath(QStringLiteral("admin.sqlite")), m_company));
}

// What two laptops make from the same data for week 48 in the east: one entry.
core::RiskSnapshot TestRiskSync::weekList(const QString &opportunityId, qint64 madeAt) const
{
    core::RiskSnapshot snapshot;
    snapshot.regionId = m_company.east;
    snapshot.isoWeek = QStringLiteral("2026-W48");
    snapshot.id = core::riskSnapshotId(snapshot.regionId, snapshot.isoWeek);
    snapshot.asOf = QDate(2026, 11, 23);
    snapshot.madeAt = madeAt;
    snapshot.madeBy = QStringLiteral("client");
    snapshot.openDeals = 1;
    snapshot.learnedWeightBp = 0;
    core::RiskListEntry entry;
    entry.rank = 1;
    entry.id = core::riskEntryId(snapshot.id, 1);
    entry.opportunityId = opportunityId;
    entry.opportunityName = QStringLiteral("华东 – 年度框架");
    entry.regionId = snapshot.regionId;
    entry.stageCode = QStringLiteral("prospecting");
    entry.stageName = QStringLiteral("Prospecting");
    entry.amountMinor = 1250000;
    entry.currency = QStringLiteral("CNY");
    entry.riskBp = 7300;
    core::RiskReason reason;
    reason.factor = core::RiskFactor::StageAge;
    reason.stageCode = QStringLiteral("prospecting");
    reason.stageName = QStringLiteral("Prospecting");
    reason.days = 41;
    reason.usual = 18;
    reason.ratio = 41.0 / 18.0;
    entry.reasons = {reason};
    entry.customAction = QStringLiteral("致电决策人。");
    snapshot.entries.push_back(entry);
    return snapshot;
}

void TestRiskSync::listAndFollowUpTravelAndMeet()
{
    auto manager = client(QStringLiteral("mgr.east"));
    auto director = client(QStringLiteral("director"));
    const QString owner = sync::SyncState(manager->db()).value(sync::SyncState::kUserId).value();
    auto deal = sync::RecordEditor(manager->db()).create(QStringLiteral("opportunity"), m_company.east,
        {{QStringLiteral("name"), QStringLiteral("华东 – 年度框架")}, {QStringLiteral("owner_id"), owner},
         {QStringLiteral("stage_code"), QStringLiteral("prospecting")}, {QStringLiteral("amount_minor"), 1250000},
         {QStringLiteral("currency"), QStringLiteral("CNY")}, {QStringLiteral("created_at"), qint64(1795000000000)}});
    QVERIFY(deal);
    const core::RiskSnapshot made = weekList(deal.value(), 1795400000000);
    QVERIFY(sync::RiskListRecorder(manager->db()).saveSnapshots({made}));
    core::RiskFollowUp followUp;
    followUp.entryId = made.entries.front().id;
    followUp.opportunityId = deal.value();
    followUp.status = core::FollowUpStatus::Contacted;
    followUp.note = QStringLiteral("已与采购经理通话");
    followUp.dueOn = QDate(2026, 11, 30);
    followUp.actedOnSuggestion = true;
    QVERIFY(sync::RiskListRecorder(manager->db()).saveFollowUp(followUp, m_company.east));
    auto pushed = manager->sync();
    QVERIFY2(pushed, pushed ? "" : qPrintable(pushed.error().message));
    QCOMPARE(pushed.value().pushed, 4);  // the opportunity, the list, its entry, the follow-up

    QVERIFY(director->sync());
    auto lists = core::RiskSnapshotRepository(director->db()).snapshotsOf(QStringLiteral("2026-W48"));
    QVERIFY(lists);
    QCOMPARE(lists.value().size(), std::size_t(1));
    const core::RiskSnapshot &arrived = lists.value().front();
    QCOMPARE(arrived.id, made.id);
    QCOMPARE(arrived.entries.size(), std::size_t(1));
    QVERIFY(arrived.entries.front().reasons == made.entries.front().reasons);
    QCOMPARE(core::riskEntryAction(arrived.entries.front()), QStringLiteral("致电决策人。"));
    QCOMPARE(arrived.entries.front().riskBp, 7300);
    auto followUps = core::RiskSnapshotRepository(director->db()).followUpsOf(QStringLiteral("2026-W48"));
    QVERIFY(followUps);
    QCOMPARE(followUps.value().value(followUp.entryId).note, followUp.note);
    QCOMPARE(followUps.value().value(followUp.entryId).status, core::FollowUpStatus::Contacted);
    QVERIFY(followUps.value().value(followUp.entryId).actedOnSuggestion);

    // The director's laptop makes the same week's list itself (it was offline when it opened the
    // page): same ids, so it is the same record; only the time made differs.
    QVERIFY(sync::RiskListRecorder(director->db()).saveSnapshots({weekList(deal.value(), 1795400300000)}));
    followUp.status = core::FollowUpStatus::Resolved;
    QVERIFY(sync::RiskListRecorder(director->db()).saveFollowUp(followUp, m_company.east));
    QVERIFY(director->sync());
    QVERIFY(manager->sync());
    QCOMPARE(manager->count(QStringLiteral("SELECT count(*) FROM risk_snapshot")), 1);
    QCOMPARE(manager->count(QStringLiteral("SELECT count(*) FROM risk_snapshot_entry")), 1);
    QCOMPARE(manager->count(QStringLiteral("SELECT count(*) FROM risk_follow_up WHERE status = 'resolved'")), 1);
    QCOMPARE(manager->count(QStringLiteral("SELECT count(*) FROM outbox")), 0);
    QCOMPARE(director->count(QStringLiteral("SELECT count(*) FROM outbox")), 0);
}

namespace {

// The lists as compared across machines: everything but when and by whom they were made.
QStringList fingerprint(const std::vector<core::RiskSnapshot> &lists)
{
    QStringList lines;
    for (const core::RiskSnapshot &list : lists)
        for (const core::RiskListEntry &e : list.entries) {
            QStringList reasons;
            for (const core::RiskReason &reason : e.reasons)
                reasons << core::riskReasonText(reason);
            lines << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8").arg(list.id, e.id, e.opportunityId, e.stageCode)
                         .arg(e.rank).arg(e.riskBp).arg(e.amountMinor).arg(reasons.join(u'|'));
        }
    lines.sort();
    return lines;
}

} // namespace

void TestRiskSync::serverMakesEveryRegionsList()
{
    QTemporaryDir dir;
    test::ServerProcess server(test::newServerDatabase(dir));
    const QDate today = QDate::currentDate();
    QString output;
    QCOMPARE(server.admin({QStringLiteral("import"), QStringLiteral("demo"), QStringLiteral("--as-of"), today.toString(Qt::ISODate)},
                          test::kTestPassword, &output), 0);
    QVERIFY(server.start());
    TestClient director(dir.filePath(QStringLiteral("director.sqlite")), server.url());
    QVERIFY(director.engine().login(QStringLiteral("demo.director"), QString::fromLatin1(test::kTestPassword),
                                    QStringLiteral("director-laptop")).ok());
    QVERIFY(director.sync());

    // Last week's lists by the command: one per region with open deals (the demo's four).
    const QDate lastMonday = core::mondayOf(today).addDays(-7);
    const QString lastWeek = core::isoWeekOf(lastMonday);
    QCOMPARE(server.admin({QStringLiteral("risk-lists"), QStringLiteral("--as-of"), lastMonday.addDays(2).toString(Qt::ISODate)},
                          {}, &output), 0);
    QVERIFY2(output.contains(QStringLiteral("risk lists of %1: 4 made").arg(lastWeek)), qPrintable(output));
    QVERIFY(director.sync());
    QCOMPARE(director.count(QStringLiteral("SELECT count(*) FROM risk_snapshot WHERE made_by = 'server' AND iso_week = '%1'")
                                .arg(lastWeek)), 4);
    // The laptop finds them stored and makes none; made by itself from the same data, they are
    // the same lists, entry for entry.
    auto input = core::readRiskPageInput(director.db(), lastMonday, lastMonday);
    QVERIFY(input);
    QCOMPARE(input.value().stored.size(), std::size_t(4));
    auto page = core::makeRiskPage(input.value(), 1);
    QVERIFY(page);
    QVERIFY(page.value().madeNow.empty());
    const std::vector<core::RiskSnapshot> fromServer = input.value().stored;
    input.value().stored.clear();
    auto own = core::makeRiskPage(input.value(), 1);
    QVERIFY(own);
    QCOMPARE(own.value().madeNow.size(), std::size_t(4));
    QVERIFY(fingerprint(fromServer).size() > 30);
    QCOMPARE(fingerprint(own.value().madeNow), fingerprint(fromServer));
    // Run again: nothing new.
    QCOMPARE(server.admin({QStringLiteral("risk-lists"), QStringLiteral("--as-of"), lastMonday.toString(Qt::ISODate)}, {}, &output), 0);
    QVERIFY2(output.contains(QStringLiteral("0 made (0 entries), 4 already there")), qPrintable(output));

    // This week's by the background run `serve` starts (here in-process, without its delay).
    auto spec = server::DatabaseSpec::parse(server.spec());
    QVERIFY(spec);
    const server::ServerDatabase database(spec.value());
    {
        server::BackgroundJobs scheduler(database, {true, {}});
        scheduler.start(std::chrono::seconds(0), std::chrono::hours(1));
        QVERIFY(QTest::qWaitFor([&] {
            auto conn = database.connection();
            return conn && core::Sql(conn.value()).scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'risk_lists_made'"))
                               .value().toInt() == 2;
        }, 60000));
    }
    QVERIFY(director.sync());
    const QString thisWeek = core::isoWeekOf(core::mondayOf(today));
    QVERIFY(director.count(QStringLiteral("SELECT count(*) FROM risk_snapshot WHERE made_by = 'server' AND iso_week = '%1'")
                               .arg(thisWeek)) >= 3);
    QCOMPARE(director.count(QStringLiteral("SELECT count(*) FROM outbox")), 0);
}

void TestRiskSync::funnelRuleAndAcknowledgementCrossOver()
{
    auto manager = client(QStringLiteral("mgr.east"));
    auto director = client(QStringLiteral("director"));
    core::FunnelAlertRule rule;
    rule.name = QStringLiteral("华东：转化下降");
    rule.metric = core::FunnelMetric::ConversionDrop;
    rule.regionId = m_company.east;
    rule.sigmaCenti = 250;
    rule.minimumDeals = 8;
    rule.recipients = {QStringLiteral("mgr.east@example.cn")};
    auto ruleId = sync::FunnelAlertRecorder(manager->db()).saveRule(rule);
    QVERIFY2(ruleId, ruleId ? "" : qPrintable(ruleId.error().message));
    rule.id = ruleId.value();
    const QString key = QStringLiteral("conversion_drop|engaging|%1||2026-11-09").arg(m_company.east);
    const core::FunnelAlertState seen{key, core::FunnelAlertStatus::Acknowledged, {}, QStringLiteral("已安排复盘")};
    QVERIFY(sync::FunnelAlertRecorder(director->db()).saveState(seen, m_company.east));

    auto pushed = manager->sync();
    QVERIFY2(pushed, pushed ? "" : qPrintable(pushed.error().message));
    QCOMPARE(pushed.value().pushed, 1);
    QVERIFY(director->sync());
    QVERIFY(manager->sync());
    auto rules = core::FunnelAlertRepository(director->db()).rules();
    QVERIFY(rules);
    QCOMPARE(rules.value().size(), std::size_t(1));
    QVERIFY(rules.value().front() == rule);
    auto states = core::FunnelAlertRepository(manager->db()).states();
    QVERIFY(states);
    QCOMPARE(states.value().size(), std::size_t(1));
    QCOMPARE(states.value().front().alertKey, key);
    QCOMPARE(states.value().front().status, core::FunnelAlertStatus::Acknowledged);
    QCOMPARE(states.value().front().note, seen.note);

    // Both laptops mute the same alert before syncing: the id comes from the key, so one record.
    const core::FunnelAlertState muted{key, core::FunnelAlertStatus::Muted, QDate(2026, 12, 20), seen.note};
    QVERIFY(sync::FunnelAlertRecorder(manager->db()).saveState(muted, m_company.east));
    QVERIFY(sync::FunnelAlertRecorder(director->db()).saveState(muted, m_company.east));
    QVERIFY(manager->sync());
    QVERIFY(director->sync());
    QVERIFY(manager->sync());
    for (TestClient *laptop : {manager.get(), director.get()}) {
        QCOMPARE(laptop->count(QStringLiteral("SELECT count(*) FROM funnel_alert_state")), 1);
        QCOMPARE(laptop->count(QStringLiteral("SELECT count(*) FROM funnel_alert_state WHERE status = 'muted' "
                                              "AND muted_until = '2026-12-20'")), 1);
        QCOMPARE(laptop->count(QStringLiteral("SELECT count(*) FROM outbox")), 0);
    }

    // A rule for all regions: the director's is company-wide and reaches the manager; a regional
    // manager's is refused with the server's reason and kept on the laptop to fix (the rules dialog
    // says so before, from FunnelAlertSetup::companyWide).
    QCOMPARE(core::FunnelAlertRepository(director->db()).setup().value().companyWide, true);
    QCOMPARE(core::FunnelAlertRepository(manager->db()).setup().value().companyWide, false);
    core::FunnelAlertRule everywhere;
    everywhere.name = QStringLiteral("All regions, any change");
    everywhere.recipients = {QStringLiteral("director@example.cn")};
    QVERIFY(sync::FunnelAlertRecorder(director->db()).saveRule(everywhere));
    auto accepted = director->sync();
    QVERIFY(accepted);
    QCOMPARE(accepted.value().pushed, 1);
    QCOMPARE(accepted.value().rejected, 0);
    QVERIFY(manager->sync());
    QCOMPARE(manager->count(QStringLiteral("SELECT count(*) FROM funnel_alert_rule WHERE region_id IS NULL "
                                           "AND name = 'All regions, any change'")), 1);
    core::FunnelAlertRule mine = everywhere;
    mine.name = QStringLiteral("Mine, all regions");
    QVERIFY(sync::FunnelAlertRecorder(manager->db()).saveRule(mine));
    auto refused = manager->sync();
    QVERIFY(refused);
    QCOMPARE(refused.value().rejected, 1);
    QCOMPARE(manager->count(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'rejected' AND result_code = 'missing_region'")), 1);
    QCOMPARE(director->count(QStringLiteral("SELECT count(*) FROM funnel_alert_rule WHERE name = 'Mine, all regions'")), 0);
}

QTEST_GUILESS_MAIN(TestRiskSync)
#include "tst_risksync.moc"
