// Funnel alert rules and acknowledge/mute on a hand-made history with two alerts: East × Pro's
// conversion out of Engaging drops (z = −3.23) and West × Pro's time in Engaging gets longer
// (z = 6.72); East × Lite is stable. Each rule keeps or drops them by sensitivity, metric and
// scope; states decide what is shown.
#include "funnelhistory.h"

#include "analytics/funnelalertnotices.h"
#include "analytics/funnelalertrules.h"

#include <QRegularExpression>
#include <QTest>

using namespace vantage::core;
using namespace vantage::test;

namespace {

const QString kDropKey = QStringLiteral("conversion_drop|engaging|east|p1|2026-02-16");
const QString kLongerKey = QStringLiteral("cycle_longer|engaging|west|p1|2026-02-16");

RiskHistory twoAlertHistory()
{
    RiskHistory history = baselineHistory();
    addWeek(history, kEast, kPro, 0, {true, false, false, false, false});
    addWeek(history, kEast, kPro, 1, kAllLost);
    addStableRecentWeeks(history, kEast, kLite);
    addWeek(history, kWest, kPro, 0, kStableOutcomes, {30, 31, 32, 33, 34});
    addWeek(history, kWest, kPro, 1, kStableOutcomes, {35, 36, 37, 38, 39});
    return history;
}

FunnelAlertRule rule(const QString &name)
{
    FunnelAlertRule made;
    made.id = QStringLiteral("rule-") + name;
    made.name = name;
    return made;
}

QStringList keysOf(const std::vector<RaisedFunnelAlert> &alerts)
{
    QStringList keys;
    for (const RaisedFunnelAlert &alert : alerts)
        keys.append(alert.key);
    return keys;
}

FunnelAlertState mute(const QString &key, const QDate &until)
{
    return {key, FunnelAlertStatus::Muted, until, QString()};
}

} // namespace

class TestFunnelAlertRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void withoutRulesTheBuiltInRuleRaisesBoth();
    void higherSigmaDropsTheWeakerAlert();
    void scopeAndMetricFilter();
    void disabledRulesRaiseNothing();
    void anAlertTwoRulesRaiseIsListedOnce();
    void muteHidesUntilItsLastDay();
    void muteOfAnEarlierWeekStillHides();
    void acknowledgedIsShownAsAcknowledged();
    void unmutedIsOpenAgain();
    void keysAndIds();
    void noticesReachEachRecipientOnce();
    void noticesLeaveOutAcknowledgedAndMuted();
    void noticesKeepToTheRecipientsRegions();
    void validation_data();
    void validation();

private:
    RiskHistory m_history;
};

void TestFunnelAlertRules::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_history = twoAlertHistory();
}

void TestFunnelAlertRules::withoutRulesTheBuiltInRuleRaisesBoth()
{
    const auto alerts = raiseFunnelAlerts(m_history, kAsOf, {});
    QCOMPARE(keysOf(alerts), (QStringList{kLongerKey, kDropKey}));  // |z| 6.72, then 3.23
    QCOMPARE(alerts[0].ruleId, QString());
    QCOMPARE(alerts[0].ruleName, builtInFunnelAlertRule().name);
    QCOMPARE(alerts[1].alert.metric, FunnelMetric::ConversionDrop);
    QCOMPARE(alerts[1].status, FunnelAlertStatus::Open);
}

void TestFunnelAlertRules::higherSigmaDropsTheWeakerAlert()
{
    FunnelAlertRule strict = rule(QStringLiteral("Strict"));
    strict.sigmaCenti = 400;
    const auto alerts = raiseFunnelAlerts(m_history, kAsOf, {strict});
    QCOMPARE(keysOf(alerts), QStringList{kLongerKey});
    QCOMPARE(alerts[0].ruleId, strict.id);
    QCOMPARE(alerts[0].ruleName, QStringLiteral("Strict"));
    strict.sigmaCenti = 320;  // just below 3.23
    QCOMPARE(raiseFunnelAlerts(m_history, kAsOf, {strict}).size(), std::size_t(2));
}

void TestFunnelAlertRules::scopeAndMetricFilter()
{
    FunnelAlertRule east = rule(QStringLiteral("East"));
    east.regionId = kEast;
    QCOMPARE(keysOf(raiseFunnelAlerts(m_history, kAsOf, {east})), QStringList{kDropKey});
    east.productId = kLite;
    QVERIFY(raiseFunnelAlerts(m_history, kAsOf, {east}).empty());

    FunnelAlertRule slower = rule(QStringLiteral("Slower"));
    slower.metric = FunnelMetric::CycleLonger;
    QCOMPARE(keysOf(raiseFunnelAlerts(m_history, kAsOf, {slower})), QStringList{kLongerKey});
    slower.metric = FunnelMetric::CycleShorter;
    QVERIFY(raiseFunnelAlerts(m_history, kAsOf, {slower}).empty());
}

void TestFunnelAlertRules::disabledRulesRaiseNothing()
{
    FunnelAlertRule off = rule(QStringLiteral("Off"));
    off.enabled = false;
    QVERIFY(raiseFunnelAlerts(m_history, kAsOf, {off}).empty());  // not the built-in rule either
}

void TestFunnelAlertRules::anAlertTwoRulesRaiseIsListedOnce()
{
    FunnelAlertRule zulu = rule(QStringLiteral("Zulu"));
    FunnelAlertRule alpha = rule(QStringLiteral("Alpha"));
    alpha.metric = FunnelMetric::ConversionDrop;
    const auto alerts = raiseFunnelAlerts(m_history, kAsOf, {zulu, alpha});
    QCOMPARE(keysOf(alerts), (QStringList{kLongerKey, kDropKey}));
    QCOMPARE(alerts[0].ruleName, QStringLiteral("Zulu"));
    QCOMPARE(alerts[1].ruleName, QStringLiteral("Alpha"));  // the first rule by name
}

void TestFunnelAlertRules::muteHidesUntilItsLastDay()
{
    auto alerts = raiseFunnelAlerts(m_history, kAsOf, {});
    const QDate lastDay = kAsOf.addDays(6);
    applyFunnelAlertStates(alerts, {mute(kDropKey, lastDay)}, lastDay);
    QCOMPARE(alerts[1].status, FunnelAlertStatus::Muted);
    QCOMPARE(alerts[1].mutedUntil, lastDay);
    QCOMPARE(alerts[1].stateKey, kDropKey);
    QCOMPARE(alerts[0].status, FunnelAlertStatus::Open);  // the other alert is not touched
    applyFunnelAlertStates(alerts, {mute(kDropKey, lastDay)}, lastDay.addDays(1));
    QCOMPARE(alerts[1].status, FunnelAlertStatus::Open);
    QCOMPARE(alerts[1].stateKey, QString());
    applyFunnelAlertStates(alerts, {mute(kDropKey, QDate())}, kAsOf.addYears(1));  // until unmuted
    QCOMPARE(alerts[1].status, FunnelAlertStatus::Muted);
}

void TestFunnelAlertRules::muteOfAnEarlierWeekStillHides()
{
    auto alerts = raiseFunnelAlerts(m_history, kAsOf, {});
    const QString lastWeek = QStringLiteral("conversion_drop|engaging|east|p1|2026-02-09");
    applyFunnelAlertStates(alerts, {mute(lastWeek, kAsOf.addDays(20))}, kAsOf);
    QCOMPARE(alerts[1].status, FunnelAlertStatus::Muted);
    QCOMPARE(alerts[1].stateKey, lastWeek);  // unmuting writes there
    // Another region's or metric's mute does not hide it.
    applyFunnelAlertStates(alerts, {mute(QStringLiteral("conversion_drop|engaging|west|p1|2026-02-09"), {}),
                                    mute(QStringLiteral("cycle_longer|engaging|east|p1|2026-02-16"), {})}, kAsOf);
    QCOMPARE(alerts[1].status, FunnelAlertStatus::Open);
}

void TestFunnelAlertRules::acknowledgedIsShownAsAcknowledged()
{
    auto alerts = raiseFunnelAlerts(m_history, kAsOf, {});
    const FunnelAlertState seen{kDropKey, FunnelAlertStatus::Acknowledged, {}, QStringLiteral("Talked to the team")};
    applyFunnelAlertStates(alerts, {seen}, kAsOf);
    QCOMPARE(alerts[1].status, FunnelAlertStatus::Acknowledged);
    QCOMPARE(alerts[0].status, FunnelAlertStatus::Open);
    // An acknowledgement is of one week's alert: next week's is new again.
    FunnelAlertState lastWeek = seen;
    lastWeek.alertKey = QStringLiteral("conversion_drop|engaging|east|p1|2026-02-09");
    applyFunnelAlertStates(alerts, {lastWeek}, kAsOf);
    QCOMPARE(alerts[1].status, FunnelAlertStatus::Open);
}

void TestFunnelAlertRules::unmutedIsOpenAgain()
{
    auto alerts = raiseFunnelAlerts(m_history, kAsOf, {});
    applyFunnelAlertStates(alerts, {{kDropKey, FunnelAlertStatus::Open, {}, QString()}}, kAsOf);
    QCOMPARE(alerts[1].status, FunnelAlertStatus::Open);
    QCOMPARE(funnelAlertStatusFromCode(funnelAlertStatusCode(FunnelAlertStatus::Muted)), FunnelAlertStatus::Muted);
    QVERIFY(!funnelAlertStatusFromCode(QStringLiteral("snoozed")));
}

void TestFunnelAlertRules::keysAndIds()
{
    const auto alerts = raiseFunnelAlerts(m_history, kAsOf, {});
    QCOMPARE(funnelAlertKey(alerts[1].alert), kDropKey);
    const QString id = funnelAlertStateId(kDropKey);
    QCOMPARE(id, funnelAlertStateId(kDropKey));
    QVERIFY(id != funnelAlertStateId(kLongerKey));
    QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"))
                .match(id).hasMatch());
    for (const QString &code : {QStringLiteral("any"), QStringLiteral("conversion_drop"), QStringLiteral("cycle_shorter")}) {
        QVERIFY(isFunnelMetricCode(code));
        QCOMPARE(funnelMetricCode(funnelMetricFromCode(code)), code);
    }
    QVERIFY(!isFunnelMetricCode(QStringLiteral("win_rate")));
}

// Two rules raise the drop: an address both name hears of it once; a user id is looked up, and
// one without an address is reported; disabled rules and rules without recipients mail nobody.
void TestFunnelAlertRules::noticesReachEachRecipientOnce()
{
    FunnelAlertRule eastDrop = rule(QStringLiteral("A east drop"));
    eastDrop.metric = FunnelMetric::ConversionDrop;
    eastDrop.regionId = kEast;
    eastDrop.recipients = {QStringLiteral("Boss@Example.cn"), QStringLiteral("0192e0a4-7c1d-7a2b-9f00-000000000001")};
    FunnelAlertRule everything = rule(QStringLiteral("B everything"));
    everything.recipients = {QStringLiteral("boss@example.cn"), QStringLiteral("0192e0a4-7c1d-7a2b-9f00-000000000002")};
    FunnelAlertRule off = rule(QStringLiteral("C off"));
    off.enabled = false;
    off.recipients = {QStringLiteral("off@example.cn")};
    const FunnelAlertRule silent = rule(QStringLiteral("D silent"));
    const std::vector<FunnelAlertReader> users{{QStringLiteral("0192e0a4-7c1d-7a2b-9f00-000000000001"), QStringLiteral("one@example.cn"), true, {}},
                                               {QStringLiteral("0192e0a4-7c1d-7a2b-9f00-000000000002"), QString(), true, {}},
                                               {QStringLiteral("0192e0a4-7c1d-7a2b-9f00-000000000003"), QStringLiteral("three@example.cn"), true, {}}};

    const FunnelAlertNotices notices = funnelAlertNotices(m_history, kAsOf, {eastDrop, everything, off, silent}, {}, kAsOf, users);
    QCOMPARE(notices.mailings.size(), std::size_t(2));
    QCOMPARE(notices.mailings[0].address, QStringLiteral("boss@example.cn"));
    QCOMPARE(keysOf(notices.mailings[0].alerts), (QStringList{kLongerKey, kDropKey}));  // by |z|
    QCOMPARE(notices.mailings[1].address, QStringLiteral("one@example.cn"));
    QCOMPARE(keysOf(notices.mailings[1].alerts), QStringList{kDropKey});
    QCOMPARE(notices.mailings[1].alerts[0].ruleName, QStringLiteral("A east drop"));
    QCOMPARE(notices.unreachable, QStringList{QStringLiteral("0192e0a4-7c1d-7a2b-9f00-000000000002")});
}

// A user hears only of their regions' alerts, whether named by id or by their address; an
// address no user has hears of everything the rule raises.
void TestFunnelAlertRules::noticesKeepToTheRecipientsRegions()
{
    FunnelAlertRule everything = rule(QStringLiteral("Everything"));
    everything.recipients = {QStringLiteral("0192e0a4-7c1d-7a2b-9f00-00000000000a"), QStringLiteral("East.Manager@example.cn"), QStringLiteral("ops@example.cn"),
                             QStringLiteral("0192e0a4-7c1d-7a2b-9f00-00000000000c")};
    const std::vector<FunnelAlertReader> users{{QStringLiteral("0192e0a4-7c1d-7a2b-9f00-00000000000a"), QStringLiteral("west@example.cn"), false, {kWest}},
                                               {QStringLiteral("0192e0a4-7c1d-7a2b-9f00-00000000000b"), QStringLiteral("east.manager@example.cn"), false, {kEast}},
                                               {QStringLiteral("0192e0a4-7c1d-7a2b-9f00-00000000000c"), QStringLiteral("gone@example.cn"), false, {}}};
    const FunnelAlertNotices notices = funnelAlertNotices(m_history, kAsOf, {everything}, {}, kAsOf, users);
    QCOMPARE(notices.mailings.size(), std::size_t(3));  // nothing for the disabled user
    QCOMPARE(notices.mailings[0].address, QStringLiteral("east.manager@example.cn"));
    QCOMPARE(keysOf(notices.mailings[0].alerts), QStringList{kDropKey});
    QCOMPARE(notices.mailings[1].address, QStringLiteral("ops@example.cn"));
    QCOMPARE(keysOf(notices.mailings[1].alerts), (QStringList{kLongerKey, kDropKey}));
    QCOMPARE(notices.mailings[2].address, QStringLiteral("west@example.cn"));
    QCOMPARE(keysOf(notices.mailings[2].alerts), QStringList{kLongerKey});
    QVERIFY(notices.unreachable.isEmpty());
}

void TestFunnelAlertRules::noticesLeaveOutAcknowledgedAndMuted()
{
    FunnelAlertRule everything = rule(QStringLiteral("Everything"));
    everything.recipients = {QStringLiteral("boss@example.cn")};
    const std::vector<FunnelAlertState> acknowledged{{kLongerKey, FunnelAlertStatus::Acknowledged, {}, QString()}};
    FunnelAlertNotices notices = funnelAlertNotices(m_history, kAsOf, {everything}, acknowledged, kAsOf, {});
    QCOMPARE(notices.mailings.size(), std::size_t(1));
    QCOMPARE(keysOf(notices.mailings[0].alerts), QStringList{kDropKey});

    const std::vector<FunnelAlertState> bothQuiet{acknowledged[0], mute(kDropKey, kAsOf.addDays(7))};
    notices = funnelAlertNotices(m_history, kAsOf, {everything}, bothQuiet, kAsOf, {});
    QVERIFY(notices.mailings.empty());
    // The mute over, the drop is news again.
    notices = funnelAlertNotices(m_history, kAsOf, {everything}, bothQuiet, kAsOf.addDays(8), {});
    QCOMPARE(notices.mailings.size(), std::size_t(1));
    QCOMPARE(keysOf(notices.mailings[0].alerts), QStringList{kDropKey});
}

void TestFunnelAlertRules::validation_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<int>("field");  // -1: no problem
    QTest::addColumn<QString>("message");
    const auto row = [](const char *name, const char *change, int field, const char *message) {
        QTest::newRow(name) << QString::fromUtf8(change) << field << QString::fromUtf8(message);
    };
    const int none = -1;
    row("built-in values", "", none, "");
    row("no name", "name= ", int(FunnelRuleField::Name), "Give the rule a name.");
    row("sigma 1.49", "sigma=149", int(FunnelRuleField::Sigma), "Sensitivity must be between 1.5 and 6 sigma.");
    row("sigma 1.5", "sigma=150", none, "");
    row("sigma 6", "sigma=600", none, "");
    row("sigma 6.01", "sigma=601", int(FunnelRuleField::Sigma), "Sensitivity must be between 1.5 and 6 sigma.");
    row("2 deals", "deals=2", int(FunnelRuleField::MinimumDeals), "Minimum deals must be a whole number from 3 to 500.");
    row("500 deals", "deals=500", none, "");
    row("501 deals", "deals=501", int(FunnelRuleField::MinimumDeals), "Minimum deals must be a whole number from 3 to 500.");
    row("0 recent", "recent=0", int(FunnelRuleField::RecentWeeks), "Recent weeks must be a whole number from 1 to 4.");
    row("5 recent", "recent=5", int(FunnelRuleField::RecentWeeks), "Recent weeks must be a whole number from 1 to 4.");
    row("3 baseline", "baseline=3", int(FunnelRuleField::BaselineWeeks), "Baseline weeks must be a whole number from 4 to 52.");
    row("53 baseline", "baseline=53", int(FunnelRuleField::BaselineWeeks), "Baseline weeks must be a whole number from 4 to 52.");
    row("e-mail and user id", "recipients=li.wei@example.cn, 0192e0a4-7c1d-7a2b-9f00-1234567890ab", none, "");
    row("a bare name", "recipients=li.wei@example.cn, bob", int(FunnelRuleField::Recipients),
        "“bob” is neither an e-mail address nor a Vantage user.");
    row("upper-case id", "recipients=0192E0A4-7C1D-7A2B-9F00-1234567890AB", int(FunnelRuleField::Recipients),
        "“0192E0A4-7C1D-7A2B-9F00-1234567890AB” is neither an e-mail address nor a Vantage user.");
    row("no domain dot", "recipients=li@example", int(FunnelRuleField::Recipients),
        "“li@example” is neither an e-mail address nor a Vantage user.");
}

void TestFunnelAlertRules::validation()
{
    QFETCH(QString, change);
    QFETCH(int, field);
    QFETCH(QString, message);
    FunnelAlertRule edited = rule(QStringLiteral("Edited"));
    const QString key = change.section(QLatin1Char('='), 0, 0);
    const QString value = change.section(QLatin1Char('='), 1);
    if (key == QLatin1String("name"))
        edited.name = value;
    else if (key == QLatin1String("sigma"))
        edited.sigmaCenti = value.toInt();
    else if (key == QLatin1String("deals"))
        edited.minimumDeals = value.toInt();
    else if (key == QLatin1String("recent"))
        edited.recentWeeks = value.toInt();
    else if (key == QLatin1String("baseline"))
        edited.baselineWeeks = value.toInt();
    else if (key == QLatin1String("recipients"))
        edited.recipients = splitRecipients(value);
    const std::vector<FunnelRuleProblem> problems = funnelRuleProblems(edited);
    if (field < 0) {
        QVERIFY2(problems.empty(), problems.empty() ? "" : qPrintable(problems.front().message));
        return;
    }
    QCOMPARE(problems.size(), std::size_t(1));
    QCOMPARE(int(problems.front().field), field);
    QCOMPARE(problems.front().message, message);
}

QTEST_GUILESS_MAIN(TestFunnelAlertRules)
#include "tst_funnelalertrules.moc"
