// The store's threads: reads run on reader threads, writes in order on one writer thread, readers
// keep reading while a write transaction is open (WAL), and cancel/progress reach the job. The
// dashboard's first figures are read by a reader that waits for the open.
#include "sqlhelpers.h"
#include "testsupport.h"

#include "storage/readqueries.h"
#include "storage/store.h"

#include <QFile>
#include <QFutureWatcher>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace vantage::core;

namespace {

template<typename T>
T waitFor(QFuture<T> future)
{
    QFutureWatcher<T> watcher;
    watcher.setFuture(future);
    // Wait through the event loop: results arrive as they would in the app.
    if (!QTest::qWaitFor([&] { return watcher.isFinished(); }, 20000))
        qFatal("job did not finish");
    return future.result();
}

} // namespace

class TestStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void opensAndReportsTheDemo();
    void readsAndWritesRunOffTheCallingThread();
    void writesRunInSubmissionOrder();
    void readersAreNotBlockedByAnOpenWrite();
    void cancelReachesTheJob();
    void progressReachesTheWatcher();
    void failedJobReturnsItsError();
    void firstDashboardFiguresAreThoseOfAnOrdinaryLoad();
    void firstDashboardFiguresCarryTheFailedOpensError();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
};

void TestStore::init()
{
    m_store = std::make_unique<Store>(vantage::test::copyOfDemoDatabase(m_dir));
    auto info = waitFor(m_store->open());
    QVERIFY(info.ok());
}

void TestStore::cleanup()
{
    m_store.reset();
}

void TestStore::opensAndReportsTheDemo()
{
    auto info = waitFor(m_store->open());
    QVERIFY(info.ok());
    QCOMPARE(info.value().kind, DatabaseKind::Demo);
    QCOMPARE(info.value().dataAsOf, vantage::test::demoAsOf());
}

void TestStore::readsAndWritesRunOffTheCallingThread()
{
    auto reader = waitFor(m_store->submitRead<quintptr>([](JobContext &) {
        return reinterpret_cast<quintptr>(QThread::currentThread());
    }));
    auto writer1 = waitFor(m_store->submitWrite<quintptr>([](JobContext &) {
        return reinterpret_cast<quintptr>(QThread::currentThread());
    }));
    auto writer2 = waitFor(m_store->submitWrite<quintptr>([](JobContext &) {
        return reinterpret_cast<quintptr>(QThread::currentThread());
    }));
    const auto main = reinterpret_cast<quintptr>(QThread::currentThread());
    QVERIFY(reader != main);
    QVERIFY(writer1 != main);
    QCOMPARE(writer1, writer2); // one writer thread
}

void TestStore::writesRunInSubmissionOrder()
{
    QList<QFuture<Status>> futures;
    for (int i = 0; i < 50; ++i)
        futures << m_store->submitWrite<Status>([i](JobContext &context) -> Status {
            auto db = context.connection();
            if (!db)
                return db.error();
            return Sql(db.value()).exec(QStringLiteral("INSERT INTO audit_log (id, at, action) VALUES (?, ?, 'test')"),
                                        {QString::number(i), i});
        });
    for (auto &future : futures)
        QVERIFY(waitFor(future).ok());
    auto order = waitFor(m_store->submitRead<QString>([](JobContext &context) {
        auto q = Sql(context.connection().value()).query(QStringLiteral("SELECT group_concat(at, ',') FROM "
                                                                        "(SELECT at FROM audit_log ORDER BY rowid)"));
        return q && q.value().next() ? q.value().value(0).toString() : QString();
    }));
    QStringList expected;
    for (int i = 0; i < 50; ++i)
        expected << QString::number(i);
    QCOMPARE(order, expected.join(u','));
}

void TestStore::readersAreNotBlockedByAnOpenWrite()
{
    auto entered = std::make_shared<QSemaphore>();
    auto release = std::make_shared<QSemaphore>();
    auto write = m_store->submitWrite<Status>([entered, release](JobContext &context) -> Status {
        const Sql sql(context.connection().value());
        if (auto begin = sql.exec(QStringLiteral("BEGIN IMMEDIATE")); !begin)
            return begin;
        if (auto deleted = sql.exec(QStringLiteral("DELETE FROM order_line")); !deleted)
            return deleted;
        // Inside the transaction the rows are gone; the reader must still see them.
        if (vantage::test::scalar(sql.database(), QStringLiteral("SELECT count(*) FROM order_line")).toInt() != 0)
            return Error{ErrorCode::Database, QStringLiteral("delete did not take effect"), QString()};
        entered->release();
        release->acquire(); // hold the write transaction open
        return sql.exec(QStringLiteral("ROLLBACK"));
    });
    entered->acquire();
    auto count = waitFor(m_store->submitRead<qint64>([](JobContext &context) {
        return vantage::test::scalar(context.connection().value(), QStringLiteral("SELECT count(*) FROM order_line")).toLongLong();
    }));
    QCOMPARE(count, 9994); // the reader sees the last committed state
    release->release();
    QVERIFY(waitFor(write).ok());
}

void TestStore::cancelReachesTheJob()
{
    auto started = std::make_shared<QSemaphore>();
    QFuture<int> future = m_store->submitRead<int>([started](JobContext &context) {
        started->release();
        int rounds = 0;
        while (!context.isCanceled() && rounds < 2000) {
            QThread::msleep(5);
            ++rounds;
        }
        return rounds;
    });
    started->acquire();
    future.cancel();
    QVERIFY(QTest::qWaitFor([&] { return future.isFinished(); }, 5000));
    QVERIFY(future.isCanceled());
}

void TestStore::progressReachesTheWatcher()
{
    QFutureWatcher<int> watcher;
    QSignalSpy progress(&watcher, &QFutureWatcherBase::progressValueChanged);
    QSignalSpy text(&watcher, &QFutureWatcherBase::progressTextChanged);
    auto gate = std::make_shared<QSemaphore>();
    watcher.setFuture(m_store->submitWrite<int>([gate](JobContext &context) {
        gate->acquire(); // start reporting once the watcher is connected
        for (int i = 1; i <= 4; ++i) {
            context.setProgress(i, 4, QStringLiteral("step %1").arg(i));
            QThread::msleep(20);
        }
        return 4;
    }));
    gate->release();
    QVERIFY(QTest::qWaitFor([&] { return watcher.isFinished(); }, 5000));
    QVERIFY(!progress.isEmpty());
    QCOMPARE(watcher.progressValue(), 4);
    QCOMPARE(watcher.progressMaximum(), 4);
    QCOMPARE(text.last().first().toString(), QStringLiteral("step 4"));
}

void TestStore::failedJobReturnsItsError()
{
    auto result = waitFor(m_store->submitRead<Result<QVariant>>([](JobContext &context) {
        return Sql(context.connection().value()).scalar(QStringLiteral("SELECT * FROM no_such_table"));
    }));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::Database);
    QVERIFY(result.error().message.contains(QStringLiteral("no such table")));
    QVERIFY(result.error().message.contains(m_store->path()));
}

void TestStore::firstDashboardFiguresAreThoseOfAnOrdinaryLoad()
{
    // Submitted together, before anything is open: the reader must wait for the writer's open.
    Store fresh(vantage::test::copyOfDemoDatabase(m_dir, QStringLiteral("fresh.sqlite")));
    const QFuture<Result<StoreInfo>> opening = fresh.open();
    const auto first = waitFor(loadFirstDashboard(fresh, opening));
    QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().message));
    QCOMPARE(first.value().filter.asOf, vantage::test::demoAsOf()); // the demo's "today"
    QCOMPARE(dashboardAsOf(opening.result().value()), vantage::test::demoAsOf());

    DashboardFilter filter; // what the dashboard asks for first: all regions, the usual currency
    filter.asOf = vantage::test::demoAsOf();
    const auto ordinary = waitFor(loadDashboard(fresh, filter));
    QVERIFY(ordinary.ok());
    QVERIFY(first.value().kpis.salesLast12Minor > 0);
    QCOMPARE(first.value().kpis.salesLast12Minor, ordinary.value().kpis.salesLast12Minor);
    QCOMPARE(first.value().kpis.openPipelineMinor, ordinary.value().kpis.openPipelineMinor);
    QCOMPARE(first.value().filter.currency, ordinary.value().filter.currency);
    QCOMPARE(first.value().regions.size(), ordinary.value().regions.size());
    QCOMPARE(first.value().salesByMonth.size(), ordinary.value().salesByMonth.size());
    QCOMPARE(first.value().topCustomers.size(), ordinary.value().topCustomers.size());
}

void TestStore::firstDashboardFiguresCarryTheFailedOpensError()
{
    const QString path = m_dir.filePath(QStringLiteral("not-a-database.sqlite"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray("not a database at all ").repeated(100));
    file.close();
    Store broken(path);
    const QFuture<Result<StoreInfo>> opening = broken.open();
    const auto first = waitFor(loadFirstDashboard(broken, opening));
    QVERIFY(!first.ok());
    QVERIFY(!opening.result().ok());
    QCOMPARE(first.error().code, opening.result().error().code);
    QCOMPARE(first.error().message, opening.result().error().message);
}

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
