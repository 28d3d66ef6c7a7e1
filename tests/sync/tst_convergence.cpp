// SYNC.md's convergence harness: five laptops of a sales team (two of one east rep, a west rep, the
// east manager who also runs west, the director) make random offline changes and sync through a
// fault proxy that drops requests and answers, duplicates, reorders, truncates, answers 503 and
// gets the real vantage-server killed with SIGKILL mid-push (then restarted on the same database).
// After a final clean sync a reference model, fed the server's own order of pushes, must agree
// with every answer, every server row and every conflict record; no outbox may have lost or kept
// anything it should not; every laptop must show exactly the server's rows within its regions.
//
// Short by default (./scripts/test). A long run is one command, e.g.
//   VANTAGE_CONVERGENCE_OPS=10000 VANTAGE_CONVERGENCE_SEED=7 build/dev/tests/tst_convergence_sqlite
// (docs/convergence.md: the faults, the checks, the bugs it found, a measured long run).
// A failure prints the seed and the first difference; rerun with that seed to reproduce it.
#include "convergence/convergencecheck.h"
#include "convergence/convergencerun.h"
#include "convergence/serverstate.h"

#include "syncfixture.h"

using namespace vantage;

class TestConvergence : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void convergesUnderFaults_data();
    void convergesUnderFaults();

private:
    static int environmentNumber(const char *name, int fallback);
};

int TestConvergence::environmentNumber(const char *name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok ? value : fallback;
}

void TestConvergence::initTestCase()
{
    VANTAGE_SKIP_WITHOUT_POSTGRES();
}

// The seed and size come from the environment; without them, a fixed seed and a size that keeps
// ./scripts/test short, and the seeds that once failed (docs/convergence.md lists what each found).
void TestConvergence::convergesUnderFaults_data()
{
    QTest::addColumn<int>("seed");
    QTest::addColumn<int>("operations");
    if (qEnvironmentVariableIsSet("VANTAGE_CONVERGENCE_SEED") || qEnvironmentVariableIsSet("VANTAGE_CONVERGENCE_OPS")) {
        QTest::newRow("run") << environmentNumber("VANTAGE_CONVERGENCE_SEED", 20261128)
                             << environmentNumber("VANTAGE_CONVERGENCE_OPS", 300);
        return;
    }
    // Own saves of one quote conflicting, document deletes, a first owner refused, values and lines
    // of refused saves left on the laptop, ghost rows after a scope reset.
    QTest::newRow("seed 20261128") << 20261128 << 300;
    // A scope reset interrupted during its reload left the new region's rows missing for good.
    QTest::newRow("seed 4") << 4 << 280;
}

void TestConvergence::convergesUnderFaults()
{
    QFETCH(int, seed);
    QFETCH(int, operations);
    QTemporaryDir dir;
    if (qEnvironmentVariableIsSet("VANTAGE_CONVERGENCE_KEEP")) { // the databases, to look into after the run
        dir.setAutoRemove(false);
        qInfo().noquote() << "keeping" << dir.path();
    }
    test::ServerProcess server(test::newServerDatabase(dir));
    test::Company company;
    QVERIFY(test::setUpCompany(server, dir.filePath(QStringLiteral("admin.sqlite")), company));
    // The east manager also runs west: the one who moves rows between the regions.
    QCOMPARE(server.admin({QStringLiteral("region"), QStringLiteral("assign"), QStringLiteral("mgr.east"), QStringLiteral("west")},
                          test::kTestPassword),
             0);

    test::RunSettings settings;
    settings.seed = static_cast<quint64>(seed);
    settings.operations = operations;
    test::ConvergenceRun run(server, {company.east, company.west}, dir.path(), settings);
    QString error;
    // The whole story goes to the log first: QTest shortens long failure messages.
    const auto failed = [&](const QString &what) {
        const QString message = QStringLiteral("seed %1 (%2 changes): %3").arg(seed).arg(operations).arg(what);
        qInfo().noquote() << message << '\n' << run.summary();
        return message;
    };
    if (!run.setUp(&error) || !run.run(&error) || !run.finalSync(&error))
        QFAIL(qPrintable(failed(error)));

    const auto state = test::ServerState::read(server.spec(), &error);
    if (!state)
        QFAIL(qPrintable(failed(error)));
    test::ConvergenceCheck check(run.log(), run.laptops(), *state,
                                 {{QStringLiteral("east"), company.east}, {QStringLiteral("west"), company.west}});
    for (const auto &[what, difference] : {std::pair{"exactly once, answers as the model predicts", check.replayInServerOrder()},
                                           std::pair{"server rows", check.serverRowsMatchModel()},
                                           std::pair{"conflict records", check.conflictsMatchModel()},
                                           std::pair{"outboxes", check.outboxesMatchModel()},
                                           std::pair{"laptops equal the server", check.laptopsMatchServer()}})
        if (!difference.isEmpty())
            QFAIL(qPrintable(failed(QLatin1String(what) + QStringLiteral(": ") + difference)));
    qInfo().noquote() << run.summary() << "\nanswers:" << check.model().outcomeSummary();
}

int main(int argc, char *argv[])
{
    // A long run outlasts QTest's five-minute limit per test function: allow about 0.2 s a change.
    const int operations = qEnvironmentVariableIntValue("VANTAGE_CONVERGENCE_OPS");
    if (operations > 1500 && !qEnvironmentVariableIsSet("QTEST_FUNCTION_TIMEOUT"))
        qputenv("QTEST_FUNCTION_TIMEOUT", QByteArray::number(qint64(operations) * 200));
    QCoreApplication app(argc, argv);
    TestConvergence test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_convergence.moc"
