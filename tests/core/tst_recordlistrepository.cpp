// Record lists: paging covers every row exactly once, sorting and filters hold, search treats what
// the user typed as text (LIKE wildcards and SQL metacharacters included).
#include "sqlhelpers.h"
#include "testsupport.h"

#include "storage/recordlistrepository.h"
#include "storage/recordlistspecs.h"

#include "domain/money.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace vantage::core;
using vantage::test::scalar;

namespace {

int columnOf(const RecordListSpec &spec, const QString &key)
{
    for (size_t i = 0; i < spec.columns.size(); ++i)
        if (spec.columns[i].key == key)
            return static_cast<int>(i);
    qFatal("no column %s", qPrintable(key));
}

} // namespace

class TestRecordListRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pagesCoverEveryRowOnce();
    void sortsByTheChosenColumn();
    void filtersRestrictRows();
    void searchIsLiteralText_data();
    void searchIsLiteralText();
    void valuesAreTyped();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ScopedConnection> m_db;
};

void TestRecordListRepository::initTestCase()
{
    const QString path = vantage::test::copyOfDemoDatabase(m_dir);
    m_db = std::make_unique<ScopedConnection>(path, QStringLiteral("lists"), ConnectionMode::ReadWrite);
    // Names that only match when the search is taken literally.
    const Sql sql(m_db->database());
    for (const char *name : {"Deal 50% off", "Deal 500 units", "O'Brien_Trading", "OXBrienXTrading"})
        QVERIFY(sql.exec(QStringLiteral("INSERT INTO account (id, updated_at, kind, name, created_at) "
                                        "VALUES (?, 1, 'customer', ?, 1)"),
                         {QString::fromLatin1(name).toLower().replace(u' ', u'-'), QString::fromLatin1(name)}).ok());
}

void TestRecordListRepository::pagesCoverEveryRowOnce()
{
    const RecordListRepository repository(m_db->database());
    RecordListQuery query;
    query.limit = 700;
    QSet<QString> seen;
    qint64 total = -1;
    for (query.offset = 0;; query.offset += query.limit) {
        query.withTotal = query.offset == 0;
        auto page = repository.fetch(orderListSpec(), query);
        QVERIFY(page.ok());
        if (query.withTotal)
            total = page.value().total;
        for (const QString &id : page.value().ids) {
            QVERIFY2(!seen.contains(id), qPrintable(id));
            seen.insert(id);
        }
        if (int(page.value().rows.size()) < query.limit)
            break;
    }
    QCOMPARE(total, scalar(m_db->database(), QStringLiteral("SELECT count(*) FROM sales_order")).toLongLong());
    QCOMPARE(qint64(seen.size()), total);
}

void TestRecordListRepository::sortsByTheChosenColumn()
{
    const RecordListSpec &spec = orderListSpec();
    const int total = columnOf(spec, QStringLiteral("total"));
    RecordListQuery query;
    query.sortColumn = total;
    query.sortOrder = Qt::DescendingOrder;
    query.limit = 500;
    auto page = RecordListRepository(m_db->database()).fetch(spec, query);
    QVERIFY(page.ok());
    QCOMPARE(page.value().rows.front()[total].value<Money>().minorUnits(),
             scalar(m_db->database(), QStringLiteral("SELECT max(total_minor) FROM sales_order")).toLongLong());
    for (size_t i = 1; i < page.value().rows.size(); ++i)
        QVERIFY(page.value().rows[i - 1][total].value<Money>().minorUnits()
                >= page.value().rows[i][total].value<Money>().minorUnits());

    // Empty values sort last both ways: open deals have no close date.
    const RecordListSpec &deals = opportunityListSpec();
    RecordListQuery byClose;
    byClose.sortColumn = columnOf(deals, QStringLiteral("closed_on"));
    byClose.filters.insert(QStringLiteral("state"), QString());
    for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
        byClose.sortOrder = order;
        auto first = RecordListRepository(m_db->database()).fetch(deals, byClose);
        QVERIFY(first.ok());
        QVERIFY(first.value().rows.front()[byClose.sortColumn].toDate().isValid());
    }
}

void TestRecordListRepository::filtersRestrictRows()
{
    const QSqlDatabase db = m_db->database();
    const QString east = scalar(db, QStringLiteral("SELECT id FROM region WHERE code = 'east'")).toString();
    RecordListQuery query;
    query.filters.insert(QStringLiteral("region"), east);
    query.filters.insert(QStringLiteral("status"), QStringLiteral("open"));
    query.filters.insert(QStringLiteral("no-such-filter"), QStringLiteral("ignored"));
    auto orders = RecordListRepository(db).fetch(orderListSpec(), query);
    QVERIFY(orders.ok());
    QCOMPARE(orders.value().total, scalar(db, QStringLiteral("SELECT count(*) FROM sales_order WHERE region_id = ? "
                                                             "AND status = 'open'"), {east}).toLongLong());
    const int status = columnOf(orderListSpec(), QStringLiteral("status"));
    for (const QVariantList &row : orders.value().rows)
        QCOMPARE(row[status].toString(), QStringLiteral("open"));

    RecordListQuery open;
    open.filters.insert(QStringLiteral("state"), QStringLiteral("open"));
    auto deals = RecordListRepository(db).fetch(opportunityListSpec(), open);
    QVERIFY(deals.ok());
    QCOMPARE(deals.value().total, scalar(db, QStringLiteral("SELECT count(*) FROM opportunity WHERE stage_code "
                                                            "NOT IN ('won', 'lost')")).toLongLong());
}

void TestRecordListRepository::searchIsLiteralText_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("expectedNames");
    QTest::newRow("percent") << "50%" << QStringList{QStringLiteral("Deal 50% off")};
    QTest::newRow("underscore") << "O'Brien_" << QStringList{QStringLiteral("O'Brien_Trading")};
    QTest::newRow("injection") << "'; DROP TABLE account; --" << QStringList{};
    QTest::newRow("case-insensitive") << "deal 500" << QStringList{QStringLiteral("Deal 500 units")};
}

void TestRecordListRepository::searchIsLiteralText()
{
    QFETCH(QString, search);
    QFETCH(QStringList, expectedNames);
    RecordListQuery query;
    query.search = search;
    auto page = RecordListRepository(m_db->database()).fetch(customerListSpec(), query);
    QVERIFY(page.ok());
    QStringList names;
    for (const QVariantList &row : page.value().rows)
        names << row[columnOf(customerListSpec(), QStringLiteral("name"))].toString();
    QCOMPARE(names, expectedNames);
    QVERIFY(scalar(m_db->database(), QStringLiteral("SELECT count(*) FROM account")).toInt() > 800);
}

void TestRecordListRepository::valuesAreTyped()
{
    const RecordListSpec &spec = opportunityListSpec();
    RecordListQuery query;
    query.filters.insert(QStringLiteral("state"), QStringLiteral("closed"));
    query.limit = 5;
    auto page = RecordListRepository(m_db->database()).fetch(spec, query);
    QVERIFY(page.ok());
    const QVariantList &row = page.value().rows.front();
    QCOMPARE(row[columnOf(spec, QStringLiteral("amount"))].value<Money>().currency().code(), QStringLiteral("USD"));
    QVERIFY(row[columnOf(spec, QStringLiteral("closed_on"))].toDate().isValid());
    QCOMPARE(row[columnOf(spec, QStringLiteral("created"))].toDateTime().timeSpec(), Qt::UTC);
    QVERIFY(QStringList({QStringLiteral("won"), QStringLiteral("lost")}).contains(row[columnOf(spec, QStringLiteral("stage"))].toString()));
}

QTEST_GUILESS_MAIN(TestRecordListRepository)
#include "tst_recordlistrepository.moc"
