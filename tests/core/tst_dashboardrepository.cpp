// Dashboard figures against the same facts computed a different way (from order lines instead of
// order totals, per opportunity instead of per stage), on the demo database and on edge cases.
#include "sqlhelpers.h"
#include "testsupport.h"

#include "storage/dashboardrepository.h"
#include "storage/migrator.h"

#include "domain/isodate.h"

#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace vantage::core;
using vantage::test::scalar;

namespace {

QString iso(const QDate &d)
{
    return d.toString(Qt::ISODate);
}

DashboardFilter demoFilter(const QString &region = {})
{
    DashboardFilter filter;
    filter.asOf = vantage::test::demoAsOf();
    filter.regionId = region;
    return filter;
}

// Sales from order lines, for orders dated in (from, to].
qint64 lineSales(const QSqlDatabase &db, const QDate &from, const QDate &to, const QString &region = {})
{
    QVariantList values{iso(from), iso(to)};
    if (!region.isEmpty())
        values << region;
    return scalar(db, QStringLiteral("SELECT coalesce(sum(l.amount_minor), 0) FROM order_line l JOIN sales_order o "
                                     "ON o.id = l.order_id WHERE o.order_date > ? AND o.order_date <= ?")
                          + (region.isEmpty() ? QString() : QStringLiteral(" AND o.region_id = ?")),
                  values).toLongLong();
}

} // namespace

class TestDashboardRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void salesFiguresMatchOrderLines();
    void monthlySeriesCoversTheChartWindow();
    void pipelineMatchesOpportunities();
    void topCustomersMatchIndependentRanking();
    void regionsAddUpToTheTotal();
    void otherCurrenciesAreCountedNotSummed();
    void companyCurrencyIsTheReportingCurrency();
    void windowEdgesAndDeletedRows();
    void emptyDatabaseGivesZeros();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ScopedConnection> m_demo;
    DashboardData m_all;
};

void TestDashboardRepository::initTestCase()
{
    m_demo = std::make_unique<ScopedConnection>(vantage::test::sharedDemoDatabase(), QStringLiteral("demo"),
                                                ConnectionMode::ReadOnly);
    auto data = DashboardRepository(m_demo->database()).load(demoFilter());
    QVERIFY2(data.ok(), qPrintable(data ? QString() : data.error().message));
    m_all = data.value();
}

void TestDashboardRepository::salesFiguresMatchOrderLines()
{
    const QDate asOf = vantage::test::demoAsOf();
    const QSqlDatabase db = m_demo->database();
    QCOMPARE(m_all.kpis.salesLast12Minor, lineSales(db, asOf.addYears(-1), asOf));
    QCOMPARE(m_all.kpis.salesPrevious12Minor, lineSales(db, asOf.addYears(-2), asOf.addYears(-1)));
    QVERIFY(m_all.kpis.salesLast12Minor > 0);
    QCOMPARE(m_all.kpis.openOrders, scalar(db, QStringLiteral("SELECT count(*) FROM sales_order WHERE ship_date > ?"),
                                           {iso(asOf)}).toLongLong());
    QCOMPARE(m_all.kpis.overdueInvoices,
             scalar(db, QStringLiteral("SELECT count(*) FROM invoice i WHERE due_on < ? AND NOT EXISTS "
                                       "(SELECT 1 FROM payment p WHERE p.invoice_id = i.id)"), {iso(asOf)}).toLongLong());
    QCOMPARE(m_all.kpis.otherCurrencyRecords, 0);
    QCOMPARE(m_all.filter.currency, QStringLiteral("USD"));
    QCOMPARE(m_all.kpis.recordsInAnyCurrency,
             scalar(db, QStringLiteral("SELECT (SELECT count(*) FROM sales_order) + (SELECT count(*) FROM opportunity)")).toLongLong());
}

void TestDashboardRepository::monthlySeriesCoversTheChartWindow()
{
    const QDate asOf = vantage::test::demoAsOf();
    QCOMPARE(m_all.firstMonth, QDate(asOf.year(), asOf.month(), 1).addMonths(-(DashboardRepository::kChartMonths - 1)));
    qint64 sum = 0;
    std::map<QDate, int> months;
    for (const MonthRegionSales &row : m_all.salesByMonth) {
        QVERIFY(row.month >= m_all.firstMonth && row.month <= asOf);
        QCOMPARE(row.month.day(), 1);
        sum += row.amountMinor;
        months[row.month] += 1;
    }
    QCOMPARE(int(months.size()), DashboardRepository::kChartMonths);
    QCOMPARE(sum, lineSales(m_demo->database(), m_all.firstMonth.addDays(-1), asOf));
}

void TestDashboardRepository::pipelineMatchesOpportunities()
{
    const QSqlDatabase db = m_demo->database();
    const QDate asOf = vantage::test::demoAsOf();
    QStringList codes;
    for (const StageSummary &stage : m_all.pipeline) {
        codes << stage.code;
        const QString window = stage.closed ? QStringLiteral(" AND closed_on > ? AND closed_on <= ?") : QString();
        QVariantList values{stage.code};
        if (stage.closed)
            values << iso(asOf.addYears(-1)) << iso(asOf);
        QCOMPARE(stage.count, scalar(db, QStringLiteral("SELECT count(*) FROM opportunity WHERE stage_code = ?") + window,
                                     values).toLongLong());
        QCOMPARE(stage.amountMinor,
                 scalar(db, QStringLiteral("SELECT coalesce(sum(amount_minor), 0) FROM opportunity WHERE stage_code = ?")
                                + window, values).toLongLong());
    }
    QCOMPARE(codes, (QStringList{QStringLiteral("prospecting"), QStringLiteral("engaging"), QStringLiteral("won"),
                                 QStringLiteral("lost")}));
    QCOMPARE(m_all.kpis.openPipelineCount,
             scalar(db, QStringLiteral("SELECT count(*) FROM opportunity WHERE closed_on IS NULL")).toLongLong());
}

void TestDashboardRepository::topCustomersMatchIndependentRanking()
{
    const QDate asOf = vantage::test::demoAsOf();
    auto q = Sql(m_demo->database()).query(QStringLiteral("SELECT o.account_id, l.amount_minor FROM order_line l "
                                                          "JOIN sales_order o ON o.id = l.order_id "
                                                          "WHERE o.order_date > ? AND o.order_date <= ?"),
                                           {iso(asOf.addYears(-1)), iso(asOf)});
    QVERIFY(q.ok());
    QHash<QString, qint64> byAccount;
    while (q.value().next())
        byAccount[q.value().value(0).toString()] += q.value().value(1).toLongLong();
    std::vector<std::pair<qint64, QString>> ranking;
    for (auto it = byAccount.cbegin(); it != byAccount.cend(); ++it)
        ranking.emplace_back(it.value(), it.key());
    std::sort(ranking.begin(), ranking.end(), std::greater<>());
    QCOMPARE(int(m_all.topCustomers.size()), DashboardRepository::kTopCustomers);
    for (size_t i = 0; i < m_all.topCustomers.size(); ++i) {
        QCOMPARE(m_all.topCustomers[i].amountMinor, ranking[i].first);
        QVERIFY(!m_all.topCustomers[i].name.isEmpty());
    }
    QCOMPARE(m_all.topCustomers.front().accountId, ranking.front().second);
}

void TestDashboardRepository::regionsAddUpToTheTotal()
{
    QCOMPARE(int(m_all.regions.size()), 4);
    qint64 sales = 0, pipeline = 0, customersInOwnRegion = 0;
    for (const RegionRef &region : m_all.regions) {
        auto part = DashboardRepository(m_demo->database()).load(demoFilter(region.id));
        QVERIFY(part.ok());
        sales += part.value().kpis.salesLast12Minor;
        pipeline += part.value().kpis.openPipelineMinor;
        for (const MonthRegionSales &row : part.value().salesByMonth)
            QCOMPARE(row.regionId, region.id);
        customersInOwnRegion += static_cast<qint64>(part.value().topCustomers.size());
    }
    QCOMPARE(sales, m_all.kpis.salesLast12Minor);
    QCOMPARE(pipeline, m_all.kpis.openPipelineMinor);
    QVERIFY(customersInOwnRegion > 0);
}

void TestDashboardRepository::otherCurrenciesAreCountedNotSummed()
{
    const QString path = vantage::test::copyOfDemoDatabase(m_dir, QStringLiteral("eur.sqlite"));
    ScopedConnection c(path, QStringLiteral("eur"), ConnectionMode::ReadWrite);
    QVERIFY(Sql(c.database()).exec(QStringLiteral("INSERT INTO sales_order (id, updated_at, order_no, account_id, order_date, "
                                                  "status, currency, total_minor, created_at) VALUES ('eur-1', 1, 'EU-1', "
                                                  "'x', ?, 'shipped', 'EUR', 999999999, 1)"),
                                   {iso(vantage::test::demoAsOf().addDays(-3))}).ok());
    auto data = DashboardRepository(c.database()).load(demoFilter());
    QVERIFY(data.ok());
    QCOMPARE(data.value().kpis.otherCurrencyRecords, 1);
    QCOMPARE(data.value().kpis.salesLast12Minor, m_all.kpis.salesLast12Minor);
}

void TestDashboardRepository::companyCurrencyIsTheReportingCurrency()
{
    // A company that sells in yuan: every figure is in CNY, none is lost to a USD default.
    const QString path = vantage::test::copyOfDemoDatabase(m_dir, QStringLiteral("cny.sqlite"));
    ScopedConnection c(path, QStringLiteral("cny"), ConnectionMode::ReadWrite);
    for (const char *table : {"sales_order", "opportunity", "invoice"})
        QVERIFY(Sql(c.database()).exec(QStringLiteral("UPDATE %1 SET currency = 'CNY'").arg(QLatin1String(table))).ok());
    auto data = DashboardRepository(c.database()).load(demoFilter());
    QVERIFY(data.ok());
    QCOMPARE(data.value().filter.currency, QStringLiteral("CNY"));
    QCOMPARE(data.value().kpis.salesLast12Minor, m_all.kpis.salesLast12Minor);
    QCOMPARE(data.value().kpis.openPipelineMinor, m_all.kpis.openPipelineMinor);
    QCOMPARE(data.value().kpis.overdueInvoices, m_all.kpis.overdueInvoices);
    QCOMPARE(data.value().kpis.otherCurrencyRecords, 0);
}

void TestDashboardRepository::emptyDatabaseGivesZeros()
{
    ScopedConnection c(m_dir.filePath(QStringLiteral("empty.sqlite")), QStringLiteral("empty"), ConnectionMode::ReadWrite);
    QVERIFY(Migrator(c.database()).migrate().ok());
    auto data = DashboardRepository(c.database()).load(demoFilter());
    QVERIFY(data.ok());
    QVERIFY(data.value().regions.empty());
    QVERIFY(data.value().salesByMonth.empty());
    QVERIFY(data.value().pipeline.empty());
    QVERIFY(data.value().topCustomers.empty());
    QCOMPARE(data.value().kpis.salesLast12Minor, 0);
    QCOMPARE(data.value().kpis.openOrders, 0);
}

void TestDashboardRepository::windowEdgesAndDeletedRows()
{
    // Orders on the exact edges of "the last 12 months" and a deleted one inside it.
    const QString path = vantage::test::copyOfDemoDatabase(m_dir, QStringLiteral("edges.sqlite"));
    ScopedConnection c(path, QStringLiteral("edges"), ConnectionMode::ReadWrite);
    const QDate asOf = vantage::test::demoAsOf();
    const auto addOrder = [&](const char *id, const QDate &date, qint64 amount, int deleted) {
        QVERIFY(Sql(c.database()).exec(QStringLiteral("INSERT INTO sales_order (id, updated_at, deleted, order_no, account_id, "
                                                      "order_date, status, currency, total_minor, created_at) "
                                                      "VALUES (?, 1, ?, ?, 'x', ?, 'shipped', 'USD', ?, 1)"),
                                       {QString::fromLatin1(id), deleted, QString::fromLatin1(id), isoDate(date), amount}).ok());
    };
    addOrder("edge-year-ago", asOf.addYears(-1), 100000001, 0);   // belongs to the year before
    addOrder("edge-day-after", asOf.addYears(-1).addDays(1), 1000, 0); // first day of the window
    addOrder("edge-today", asOf, 20, 0);                           // the as-of day counts
    addOrder("edge-tomorrow", asOf.addDays(1), 300000, 0);         // the future does not
    addOrder("edge-deleted", asOf.addDays(-5), 4000000, 1);        // soft-deleted rows never count
    auto data = DashboardRepository(c.database()).load(demoFilter());
    QVERIFY(data.ok());
    QCOMPARE(data.value().kpis.salesLast12Minor, m_all.kpis.salesLast12Minor + 1000 + 20);
    QCOMPARE(data.value().kpis.salesPrevious12Minor, m_all.kpis.salesPrevious12Minor + 100000001);
}

QTEST_GUILESS_MAIN(TestDashboardRepository)
#include "tst_dashboardrepository.moc"
