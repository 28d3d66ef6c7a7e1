// The demo importer against its sources: counts and sums recomputed here from the CSV files with a
// parser of the test's own, the documented date shift, determinism, bad-row reports, and that a
// cancelled or refused import writes nothing.
#include "sqlhelpers.h"
#include "testsupport.h"

#include "importing/demoimporter.h"
#include "storage/migrator.h"

#include <QCryptographicHash>
#include <QDir>
#include <QSqlRecord>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace vantage::core;
using vantage::test::scalar;

namespace {

// A deliberately simple RFC 4180 splitter, independent of the CsvReader under test.
QList<QStringList> readCsv(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    const QString text = QString::fromUtf8(file.readAll());
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text[i + 1] == u'"') { field += u'"'; ++i; }
            else if (c == u'"') quoted = false;
            else field += c;
        } else if (c == u'"') { quoted = true; }
        else if (c == u',') { row << field; field.clear(); }
        else if (c == u'\n') { row << field; field.clear(); rows << row; row.clear(); }
        else if (c != u'\r') { field += c; }
    }
    if (!field.isEmpty() || !row.isEmpty()) { row << field; rows << row; }
    rows.removeFirst(); // header
    return rows;
}

// Half-up rounding of a decimal string to cents, in integers (Sales has up to 4 decimals).
qint64 cents(const QString &value)
{
    const bool negative = value.startsWith(u'-');
    const QStringList parts = value.mid(negative ? 1 : 0).split(u'.');
    const QString fraction = (parts.value(1) + QStringLiteral("0000")).left(4);
    const qint64 tenThousandths = parts[0].toLongLong() * 10000 + fraction.toLongLong();
    const qint64 rounded = (tenThousandths + 50) / 100;
    return negative ? -rounded : rounded;
}

class CancelAfter : public JobContext
{
public:
    CancelAfter(QSqlDatabase db, int calls) : m_db(std::move(db)), m_left(calls) {}
    Result<QSqlDatabase> connection() override { return m_db; }
    bool isCanceled() const override { return m_left <= 0; }
    void setProgress(int, int, const QString &) override { --m_left; }

private:
    QSqlDatabase m_db;
    int m_left;
};

void copySources(const QString &to)
{
    const QDir from(vantage::test::sourceDataDir());
    QDir().mkpath(to);
    QFile::copy(from.filePath(QStringLiteral("superstore.csv")), QDir(to).filePath(QStringLiteral("superstore.csv")));
    for (const char *name : {"sales_teams.csv", "accounts.csv", "products.csv", "sales_pipeline.csv"})
        QFile::copy(from.filePath(QStringLiteral("crm/") + QLatin1String(name)), QDir(to).filePath(QLatin1String(name)));
    for (const QString &f : QDir(to).entryList(QDir::Files))
        QFile(QDir(to).filePath(f)).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
}

void appendLines(const QString &path, const QByteArray &lines)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::Append));
    file.write(lines);
}

qint64 lineCount(const QString &path)
{
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    return file.readAll().count('\n');
}

} // namespace

class TestDemoImporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void superstoreCountsAndSumsMatchSource();
    void pipelineCountsMatchSource();
    void datesAreShiftedAsDocumented();
    void derivedRecordsAreMarkedAndConsistent();
    void sameInputsGiveSameDatabase();
    void badRowsAreReportedAndSkipped();
    void missingColumnStopsBeforeWriting();
    void cancelledImportWritesNothing();
    void nonEmptyDatabaseIsRefused();

private:
    QSqlDatabase demo();
    std::unique_ptr<ScopedConnection> m_demo;
    QTemporaryDir m_dir;
};

QSqlDatabase TestDemoImporter::demo()
{
    if (!m_demo)
        m_demo = std::make_unique<ScopedConnection>(vantage::test::sharedDemoDatabase(), QStringLiteral("demo"),
                                                    ConnectionMode::ReadOnly);
    return m_demo->database();
}

void TestDemoImporter::superstoreCountsAndSumsMatchSource()
{
    const auto rows = readCsv(QDir(vantage::test::sourceDataDir()).filePath(QStringLiteral("superstore.csv")));
    QSet<QString> orders, customers, products, regions, states, corporate;
    qint64 sales = 0;
    for (const QStringList &r : rows) {
        orders << r[1]; customers << r[5]; products << r[13]; regions << r[12]; states << r[10];
        if (r[7] == QLatin1String("Corporate"))
            corporate << r[5];
        sales += cents(r[17]);
    }
    QCOMPARE(rows.size(), 9994); // as stated in resources/demo/SOURCES-superstore.md
    const QSqlDatabase db = demo();
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM order_line")).toLongLong(), rows.size());
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM sales_order")).toLongLong(), orders.size());
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM account WHERE segment IS NOT NULL")).toLongLong(),
             customers.size());
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM account WHERE kind = 'dealer'")).toLongLong(), corporate.size());
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM product WHERE sku NOT LIKE 'HW-%'")).toLongLong(), products.size());
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM region")).toLongLong(), regions.size());
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM territory")).toLongLong(), states.size());
    QCOMPARE(scalar(db, QStringLiteral("SELECT sum(amount_minor) FROM order_line")).toLongLong(), sales);
    QCOMPARE(scalar(db, QStringLiteral("SELECT sum(total_minor) FROM sales_order")).toLongLong(), sales);
    // Each order's total is the sum of its lines.
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM sales_order o WHERE total_minor <> "
                                       "(SELECT sum(amount_minor) FROM order_line l WHERE l.order_id = o.id)")).toInt(), 0);
}

void TestDemoImporter::pipelineCountsMatchSource()
{
    const QDir crm(QDir(vantage::test::sourceDataDir()).filePath(QStringLiteral("crm")));
    const auto pipeline = readCsv(crm.filePath(QStringLiteral("sales_pipeline.csv")));
    const auto teams = readCsv(crm.filePath(QStringLiteral("sales_teams.csv")));
    const auto accounts = readCsv(crm.filePath(QStringLiteral("accounts.csv")));
    QHash<QString, int> byStage;
    qint64 wonValue = 0;
    for (const QStringList &r : pipeline) {
        byStage[r[4].toLower()] += 1;
        if (r[4] == QLatin1String("Won"))
            wonValue += r[7].toLongLong() * 100;
    }
    QSet<QString> managers;
    for (const QStringList &r : teams)
        managers << r[1];
    const QSqlDatabase db = demo();
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM opportunity")).toLongLong(), pipeline.size());
    for (auto it = byStage.cbegin(); it != byStage.cend(); ++it)
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM opportunity WHERE stage_code = ?"), {it.key()}).toInt(),
                 it.value());
    QCOMPARE(scalar(db, QStringLiteral("SELECT sum(amount_minor) FROM opportunity WHERE stage_code = 'won'")).toLongLong(),
             wonValue);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM app_user WHERE role = 'rep'")).toInt(), teams.size());
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM app_user WHERE role = 'regional_manager'")).toInt(),
             managers.size());
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM account WHERE sector IS NOT NULL")).toInt(), accounts.size());
    // Every closed deal has its closing stage in the history; open deals have no closing entry.
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM opportunity_stage_history WHERE stage_code IN ('won', 'lost')")).toInt(),
             byStage.value(QStringLiteral("won")) + byStage.value(QStringLiteral("lost")));
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM opportunity WHERE account_id IS NULL AND stage_code IN ('won', 'lost')")).toInt(), 0);
}

void TestDemoImporter::datesAreShiftedAsDocumented()
{
    const QSqlDatabase db = demo();
    const QDate asOf = vantage::test::demoAsOf();
    const int shift = static_cast<int>(QDate(2017, 12, 31).daysTo(asOf)) - 1;
    QCOMPARE(scalar(db, QStringLiteral("SELECT value FROM app_meta WHERE key = 'demo_shift_days'")).toInt(), shift);
    // superstore.csv: first order 2014-01-03, last 2017-12-30 (resources/demo/SOURCES-superstore.md).
    QCOMPARE(scalar(db, QStringLiteral("SELECT min(order_date) FROM sales_order")).toString(),
             QDate(2014, 1, 3).addDays(shift).toString(Qt::ISODate));
    QCOMPARE(scalar(db, QStringLiteral("SELECT max(order_date) FROM sales_order")).toString(),
             QDate(2017, 12, 30).addDays(shift).toString(Qt::ISODate));
    // Orders that ship after the as-of date are still open.
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM sales_order WHERE (ship_date > ?) <> (status = 'open')"),
                    {asOf.toString(Qt::ISODate)}).toInt(), 0);
    QVERIFY(scalar(db, QStringLiteral("SELECT count(*) FROM sales_order WHERE status = 'open'")).toInt() > 0);
}

void TestDemoImporter::derivedRecordsAreMarkedAndConsistent()
{
    const QSqlDatabase db = demo();
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM invoice WHERE origin <> 'derived'")).toInt(), 0);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM payment WHERE origin <> 'derived'")).toInt(), 0);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM invoice")).toInt(),
             scalar(db, QStringLiteral("SELECT count(*) FROM sales_order WHERE status = 'shipped'")).toInt());
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM invoice i JOIN payment p ON p.invoice_id = i.id "
                                       "WHERE p.paid_on < i.issued_on OR p.amount_minor <> i.amount_minor "
                                       "OR i.status <> 'paid'")).toInt(), 0);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM invoice WHERE status = 'paid'")).toInt(),
             scalar(db, QStringLiteral("SELECT count(*) FROM payment")).toInt());
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM sales_target WHERE origin <> 'derived'")).toInt(), 0);
    // Targets come from whole year-earlier quarters only: the first is for the quarter a year
    // after the first one the data covers from its first day.
    const QDate firstOrder = QDate::fromString(scalar(db, QStringLiteral("SELECT min(order_date) FROM sales_order")).toString(),
                                               Qt::ISODate);
    QDate firstWhole(firstOrder.year(), (firstOrder.month() - 1) / 3 * 3 + 1, 1);
    if (firstWhole != firstOrder)
        firstWhole = firstWhole.addMonths(3);
    QCOMPARE(scalar(db, QStringLiteral("SELECT min(period_start) FROM sales_target")).toString(),
             firstWhole.addYears(1).toString(Qt::ISODate));
    QVERIFY(scalar(db, QStringLiteral("SELECT count(*) FROM invoice WHERE status = 'open' AND due_on < ?"),
                   {vantage::test::demoAsOf().toString(Qt::ISODate)}).toInt() > 0);
}

void TestDemoImporter::sameInputsGiveSameDatabase()
{
    const QString second = m_dir.filePath(QStringLiteral("second.sqlite"));
    vantage::test::NoConnectionContext context;
    QVERIFY(DemoDatabaseBuilder(second, vantage::test::demoAsOf()).build(context).ok());
    ScopedConnection other(second, QStringLiteral("second"), ConnectionMode::ReadOnly);
    // Every column of every row, not only the ids.
    const auto digest = [](const QSqlDatabase &db, const QString &table) {
        auto q = Sql(db).query(QStringLiteral("SELECT * FROM %1 ORDER BY id").arg(table));
        QCryptographicHash hash(QCryptographicHash::Sha256);
        while (q && q.value().next())
            for (int c = 0; c < q.value().record().count(); ++c)
                hash.addData(q.value().value(c).toString().toUtf8() + '\x1f');
        return hash.result().toHex();
    };
    for (const char *table : {"region", "territory", "app_user", "account", "product", "price_book_entry", "opportunity",
                              "opportunity_stage_history", "sales_order", "order_line", "invoice", "payment", "sales_target"})
        QCOMPARE(digest(other.database(), QLatin1String(table)), digest(demo(), QLatin1String(table)));
}

void TestDemoImporter::badRowsAreReportedAndSkipped()
{
    const QString sources = m_dir.filePath(QStringLiteral("bad-sources"));
    copySources(sources);
    const QString superstore = QDir(sources).filePath(QStringLiteral("superstore.csv"));
    const qint64 firstBad = lineCount(superstore) + 1;
    appendLines(superstore,
                "9995,\"CA-2017-900001\",2017-02-30,2017-03-02,\"Standard Class\",\"ZZ-00001\",\"A\",\"Consumer\",\"United States\",\"X\",\"Texas\",75001,\"Central\",\"OFF-PA-10000001\",\"Office Supplies\",\"Paper\",\"P\",10.00,1,0,1.00\r\n"
                "9996,\"CA-2017-900002\",2017-02-01,2017-02-03,\"Standard Class\",\"ZZ-00002\",\"B\",\"Consumer\",\"United States\",\"X\",\"Texas\",75001,\"Central\",\"OFF-PA-10000001\",\"Office Supplies\",\"Paper\",\"P\",ten,1,0,1.00\r\n"
                "9997,\"CA-2017-900003\",2017-02-01,2017-02-03,\"Standard Class\",\"ZZ-00003\",\"C\",\"Consumer\",\"United States\",\"X\",\"Texas\",75001,\"Central\",\"OFF-PA-10000001\",\"Office Supplies\",\"Paper\",\"P\",10.00,1,1.5,1.00\r\n"
                "9998,\"CA-2017-900004\",2017-02-01\r\n");
    const QString pipeline = QDir(sources).filePath(QStringLiteral("sales_pipeline.csv"));
    const qint64 firstBadDeal = lineCount(pipeline) + 1;
    appendLines(pipeline, "ZZZZ0001,Nobody Known,GTX Basic,Cancity,Won,2017-01-01,2017-02-01,500\r\n"
                          "ZZZZ0002,Moses Frase,GTX Basic,Cancity,Lost,2017-01-01,,0\r\n");

    const QString path = m_dir.filePath(QStringLiteral("bad.sqlite"));
    ScopedConnection c(path, QStringLiteral("bad"), ConnectionMode::ReadWrite);
    QVERIFY(Migrator(c.database()).migrate().ok());
    DirectJobContext context(c.database());
    auto report = DemoImporter(DemoSources::fromDirectory(sources), vantage::test::demoAsOf()).run(context);
    QVERIFY2(report.ok(), qPrintable(report ? QString() : report.error().message));

    struct Expected { QString file; qint64 line; QString column; QString reasonPart; };
    const QList<Expected> expected{
        {QStringLiteral("superstore.csv"), firstBad, QStringLiteral("Order Date"), QStringLiteral("YYYY-MM-DD")},
        {QStringLiteral("superstore.csv"), firstBad + 1, QStringLiteral("Sales"), QStringLiteral("not a number")},
        {QStringLiteral("superstore.csv"), firstBad + 2, QStringLiteral("Discount"), QStringLiteral("less than 1")},
        {QStringLiteral("superstore.csv"), firstBad + 3, QString(), QStringLiteral("expected 21 fields, found 3")},
        {QStringLiteral("sales_pipeline.csv"), firstBadDeal, QStringLiteral("sales_agent"), QStringLiteral("Nobody Known")},
        {QStringLiteral("sales_pipeline.csv"), firstBadDeal + 1, QStringLiteral("close_date"), QStringLiteral("close date")},
    };
    std::vector<ImportIssue> skipped;
    for (const ImportIssue &issue : report.value().issues)
        if (issue.severity == ImportIssue::Severity::RowSkipped)
            skipped.push_back(issue);
    QCOMPARE(skipped.size(), size_t(expected.size()));
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const ImportIssue &issue = skipped[static_cast<size_t>(i)];
        QCOMPARE(issue.file, expected[i].file);
        QCOMPARE(issue.line, expected[i].line);
        QCOMPARE(issue.column, expected[i].column);
        QVERIFY2(issue.reason.contains(expected[i].reasonPart), qPrintable(issue.toString()));
    }
    QCOMPARE(scalar(c.database(), QStringLiteral("SELECT count(*) FROM order_line")).toInt(), 9994);
    QCOMPARE(scalar(c.database(), QStringLiteral("SELECT count(*) FROM opportunity")).toInt(), 8800);
    QCOMPARE(report.value().rowsRead.value(QStringLiteral("superstore.csv")), 9998);
}

void TestDemoImporter::missingColumnStopsBeforeWriting()
{
    const QString sources = m_dir.filePath(QStringLiteral("no-column"));
    copySources(sources);
    QFile teams(QDir(sources).filePath(QStringLiteral("sales_teams.csv")));
    QVERIFY(teams.open(QIODevice::WriteOnly | QIODevice::Truncate));
    teams.write("sales_agent,manager\r\nAnna Snelling,Dustin Brinkmann\r\n");
    teams.close();
    const QString path = m_dir.filePath(QStringLiteral("no-column.sqlite"));
    ScopedConnection c(path, QStringLiteral("nc"), ConnectionMode::ReadWrite);
    QVERIFY(Migrator(c.database()).migrate().ok());
    DirectJobContext context(c.database());
    auto report = DemoImporter(DemoSources::fromDirectory(sources), vantage::test::demoAsOf()).run(context);
    QVERIFY(!report.ok());
    QVERIFY2(report.error().message.contains(QStringLiteral("sales_teams.csv, line 1")), qPrintable(report.error().message));
    QVERIFY(report.error().message.contains(QStringLiteral("regional_office")));
    QCOMPARE(scalar(c.database(), QStringLiteral("SELECT count(*) FROM sales_order")).toInt(), 0);
}

void TestDemoImporter::cancelledImportWritesNothing()
{
    const QString path = m_dir.filePath(QStringLiteral("cancelled.sqlite"));
    ScopedConnection c(path, QStringLiteral("cancel"), ConnectionMode::ReadWrite);
    QVERIFY(Migrator(c.database()).migrate().ok());
    CancelAfter context(c.database(), 20); // well into the order import
    auto report = DemoImporter(DemoSources::bundled(), vantage::test::demoAsOf()).run(context);
    QVERIFY(!report.ok());
    QCOMPARE(report.error().code, ErrorCode::Cancelled);
    for (const char *table : {"region", "account", "sales_order", "order_line", "opportunity"})
        QCOMPARE(scalar(c.database(), QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))).toInt(), 0);
}

void TestDemoImporter::nonEmptyDatabaseIsRefused()
{
    const QString path = vantage::test::copyOfDemoDatabase(m_dir, QStringLiteral("full.sqlite"));
    ScopedConnection c(path, QStringLiteral("full"), ConnectionMode::ReadWrite);
    DirectJobContext context(c.database());
    const qint64 before = scalar(c.database(), QStringLiteral("SELECT count(*) FROM order_line")).toLongLong();
    auto report = DemoImporter(DemoSources::bundled(), vantage::test::demoAsOf()).run(context);
    QVERIFY(!report.ok());
    QVERIFY(report.error().message.contains(QStringLiteral("already holds sales data")));
    QCOMPARE(scalar(c.database(), QStringLiteral("SELECT count(*) FROM order_line")).toLongLong(), before);
}

QTEST_GUILESS_MAIN(TestDemoImporter)
#include "tst_demoimporter.moc"
