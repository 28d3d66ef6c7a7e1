// The paged list model over a real store: consistent under QAbstractItemModelTester while pages
// arrive asynchronously, fetchMore appends pages, sort and search re-query, headers translate.
#include "testsupport.h"

#include "itemmodels/recordlistmodel.h"
#include "storage/readqueries.h"
#include "storage/recordlistspecs.h"
#include "storage/store.h"

#include "domain/money.h"

#include <QAbstractItemModelTester>
#include <QFutureWatcher>
#include <QPromise>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace vantage::core;

class TestRecordListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void firstPageLoadsUnderTheTester();
    void fetchMoreAppendsTheNextPage();
    void sortRequeries();
    void searchNarrowsTheList();
    void displayFormatsValues();
    void errorsAreReported();
    void lateAnswersToOlderQueriesAreDropped();

private:
    std::unique_ptr<RecordListModel> makeModel(const RecordListSpec &spec);
    std::unique_ptr<Store> m_store;
    std::unique_ptr<RecordListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestRecordListModel::initTestCase()
{
    m_store = std::make_unique<Store>(vantage::test::sharedDemoDatabase());
    QFutureWatcher<Result<StoreInfo>> watcher;
    watcher.setFuture(m_store->open());
    QTRY_VERIFY(watcher.isFinished());
    QVERIFY(watcher.result().ok());
}

void TestRecordListModel::cleanupTestCase()
{
    m_tester.reset();
    m_model.reset();
    m_store.reset();
}

std::unique_ptr<RecordListModel> TestRecordListModel::makeModel(const RecordListSpec &spec)
{
    return std::make_unique<RecordListModel>(spec, [this, &spec](const RecordListQuery &query) {
        return fetchRecordList(*m_store, spec, query);
    });
}

void TestRecordListModel::init()
{
    m_tester.reset();
    m_model = makeModel(orderListSpec());
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->reload();
}

void TestRecordListModel::firstPageLoadsUnderTheTester()
{
    QVERIFY(m_model->isLoading());
    QTRY_COMPARE(m_model->rowCount(), RecordListModel::kPageSize);
    QCOMPARE(m_model->totalCount(), 5009);
    QCOMPARE(m_model->columnCount(), int(orderListSpec().columns.size()));
    QVERIFY(!m_model->isLoading());
    QVERIFY(m_model->canFetchMore({}));
}

void TestRecordListModel::fetchMoreAppendsTheNextPage()
{
    QTRY_COMPARE(m_model->rowCount(), RecordListModel::kPageSize);
    const QString firstId = m_model->index(0, 0).data(RecordListModel::RecordIdRole).toString();
    m_model->fetchMore({});
    QVERIFY(!m_model->canFetchMore({})); // one request at a time
    QTRY_COMPARE(m_model->rowCount(), 2 * RecordListModel::kPageSize);
    QCOMPARE(m_model->index(0, 0).data(RecordListModel::RecordIdRole).toString(), firstId);
    QSet<QString> ids;
    for (int row = 0; row < m_model->rowCount(); ++row)
        ids.insert(m_model->index(row, 0).data(RecordListModel::RecordIdRole).toString());
    QCOMPARE(ids.size(), m_model->rowCount());
}

void TestRecordListModel::sortRequeries()
{
    QTRY_COMPARE(m_model->rowCount(), RecordListModel::kPageSize);
    int totalColumn = -1;
    for (int c = 0; c < m_model->columnCount(); ++c)
        if (orderListSpec().columns[static_cast<size_t>(c)].key == QLatin1String("total"))
            totalColumn = c;
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    m_model->sort(totalColumn, Qt::AscendingOrder);
    QCOMPARE(reset.size(), 1);
    QTRY_COMPARE(m_model->rowCount(), RecordListModel::kPageSize);
    qint64 previous = std::numeric_limits<qint64>::min();
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const qint64 value = m_model->index(row, totalColumn).data(RecordListModel::RawValueRole).value<Money>().minorUnits();
        QVERIFY(value >= previous);
        previous = value;
    }
}

void TestRecordListModel::searchNarrowsTheList()
{
    QTRY_COMPARE(m_model->rowCount(), RecordListModel::kPageSize);
    const QString orderNo = m_model->index(3, 0).data().toString();
    m_model->setSearch(orderNo);
    QTRY_VERIFY(!m_model->isLoading() && m_model->rowCount() >= 1);
    QCOMPARE(m_model->totalCount(), 1);
    QCOMPARE(m_model->index(0, 0).data().toString(), orderNo);
    m_model->setSearch(QStringLiteral("no order is called this"));
    QTRY_VERIFY(!m_model->isLoading());
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->totalCount(), 0);
}

void TestRecordListModel::displayFormatsValues()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QTRY_COMPARE(m_model->rowCount(), RecordListModel::kPageSize);
    const auto &columns = orderListSpec().columns;
    for (int c = 0; c < m_model->columnCount(); ++c) {
        const QModelIndex index = m_model->index(0, c);
        const QString text = index.data().toString();
        switch (columns[static_cast<size_t>(c)].type) {
        case ColumnType::Money:
            QVERIFY2(text.startsWith(QStringLiteral("US$")), qPrintable(text));
            QCOMPARE(index.data(Qt::TextAlignmentRole).toInt(), int(Qt::AlignRight | Qt::AlignVCenter));
            break;
        case ColumnType::Date:
            QCOMPARE(text, QLocale().toString(index.data(RecordListModel::RawValueRole).toDate(), QStringLiteral("d MMM yyyy")));
            break;
        case ColumnType::Enum:
            QVERIFY(QStringList({QStringLiteral("Open"), QStringLiteral("Shipped")}).contains(text));
            break;
        default:
            QVERIFY(!text.isEmpty());
        }
    }
    QCOMPARE(m_model->headerData(0, Qt::Horizontal).toString(), QStringLiteral("Order no."));
}

void TestRecordListModel::errorsAreReported()
{
    auto failing = std::make_unique<RecordListModel>(orderListSpec(), [](const RecordListQuery &) {
        return QtFuture::makeReadyFuture(Result<RecordListPage>(
            Error{ErrorCode::Database, QStringLiteral("disk on fire"), QStringLiteral("test")}));
    });
    QAbstractItemModelTester tester(failing.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy failed(failing.get(), &RecordListModel::loadFailed);
    failing->reload();
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.first().first().toString(), QStringLiteral("disk on fire"));
    QCOMPARE(failing->rowCount(), 0);
    QVERIFY(!failing->isLoading());
}

void TestRecordListModel::lateAnswersToOlderQueriesAreDropped()
{
    // The loader answers when the test says so: the search for "b" finishes before the one for "a".
    std::vector<std::pair<QString, std::shared_ptr<QPromise<Result<RecordListPage>>>>> pending;
    RecordListModel model(orderListSpec(), [&pending](const RecordListQuery &query) {
        auto promise = std::make_shared<QPromise<Result<RecordListPage>>>();
        promise->start();
        pending.emplace_back(query.search, promise);
        return promise->future();
    });
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto answer = [](QPromise<Result<RecordListPage>> &promise, const QString &marker) {
        RecordListPage page;
        page.total = 1;
        page.ids = {marker};
        page.rows = {QVariantList(qsizetype(orderListSpec().columns.size()), QVariant(marker))};
        promise.addResult(Result<RecordListPage>(page));
        promise.finish();
    };
    model.setSearch(QStringLiteral("a"));
    model.setSearch(QStringLiteral("b"));
    QCOMPARE(pending.size(), size_t(2));
    answer(*pending[1].second, QStringLiteral("answer to b"));
    QTRY_COMPARE(model.rowCount(), 1);
    answer(*pending[0].second, QStringLiteral("answer to a"));
    QTest::qWait(50); // give the stale answer every chance to arrive
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data(RecordListModel::RecordIdRole).toString(), QStringLiteral("answer to b"));
}

QTEST_GUILESS_MAIN(TestRecordListModel)
#include "tst_recordlistmodel.moc"
