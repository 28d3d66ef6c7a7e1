// Migrations: a new file gets the whole schema; a file at any earlier version is brought up to
// date with its data intact; a failing step is rolled back and leaves the file at its last version.
#include "sqlhelpers.h"

#include "storage/migrations/migration.h"
#include "storage/migrator.h"

#include "domain/currency.h"

#include <QTemporaryDir>
#include <QTest>

using namespace vantage::core;
using vantage::test::scalar;
using vantage::test::schemaOf;

class TestMigrator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newFileGetsLatestSchema();
    void upgradeFromEveryEarlierVersion_data();
    void upgradeFromEveryEarlierVersion();
    void secondRunChangesNothing();
    void failingStepIsRolledBack();

private:
    QString freshPath(const QString &name) { return m_dir.filePath(name); }
    void insertSampleRows(const QSqlDatabase &db);
    QTemporaryDir m_dir;
};

void TestMigrator::newFileGetsLatestSchema()
{
    ScopedConnection c(freshPath(QStringLiteral("new.sqlite")), QStringLiteral("t"), ConnectionMode::ReadWrite);
    QVERIFY(c.ok());
    QVERIFY(Migrator(c.database()).migrate().ok());
    QCOMPARE(scalar(c.database(), QStringLiteral("PRAGMA user_version")).toInt(), Migrator::latestVersion());
    QCOMPARE(scalar(c.database(), QStringLiteral("PRAGMA application_id")).toInt(), Migrator::kApplicationId);
    QCOMPARE(scalar(c.database(), QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
    for (const char *table : {"region", "account", "opportunity", "opportunity_stage_history", "sales_order",
                              "order_line", "invoice", "payment", "quote", "quote_line", "contract",
                              "contract_clause", "approval_request", "audit_log", "outbox", "sync_state",
                              "funnel_alert_rule", "funnel_alert_state"})
        QVERIFY2(scalar(c.database(), QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = ?"),
                        {QString::fromLatin1(table)}).toInt() == 1, table);
    // The seeded currency table and the Currency type agree on every code and its minor digits.
    auto q = Sql(c.database()).query(QStringLiteral("SELECT code, minor_digits FROM currency"));
    QVERIFY(q.ok());
    int seeded = 0;
    while (q.value().next()) {
        const auto currency = Currency::fromCode(q.value().value(0).toString());
        QVERIFY2(currency.has_value(), qPrintable(q.value().value(0).toString()));
        QCOMPARE(currency->minorDigits(), q.value().value(1).toInt());
        ++seeded;
    }
    QCOMPARE(seeded, 18);
}

// Rows that are valid from schema version 1 on.
void TestMigrator::insertSampleRows(const QSqlDatabase &db)
{
    const Sql sql(db);
    QVERIFY(sql.exec(QStringLiteral("INSERT INTO region (id, updated_at, code, name, currency) "
                                    "VALUES ('r1', 1, 'east', 'East', 'CNY')")).ok());
    QVERIFY(sql.exec(QStringLiteral("INSERT INTO account (id, region_id, updated_at, kind, name, created_at) "
                                    "VALUES ('a1', 'r1', 1, 'dealer', '华东经销商', 1)")).ok());
    QVERIFY(sql.exec(QStringLiteral("INSERT INTO sales_order (id, region_id, updated_at, order_no, account_id, "
                                    "order_date, status, currency, total_minor, created_at) "
                                    "VALUES ('o1', 'r1', 1, 'SO-1', 'a1', '2026-01-05', 'open', 'CNY', 123456, 1)")).ok());
    QVERIFY(sql.exec(QStringLiteral("INSERT INTO order_line (id, region_id, updated_at, order_id, line_no, product_id, "
                                    "quantity, unit_price_minor, amount_minor) "
                                    "VALUES ('l1', 'r1', 1, 'o1', 1, 'p1', 2, 61728, 123456)")).ok());
}

void TestMigrator::upgradeFromEveryEarlierVersion_data()
{
    QTest::addColumn<int>("from");
    for (int version = 0; version < Migrator::latestVersion(); ++version)
        QTest::addRow("from v%d", version) << version;
}

void TestMigrator::upgradeFromEveryEarlierVersion()
{
    QFETCH(int, from);
    ScopedConnection reference(freshPath(QStringLiteral("reference-%1.sqlite").arg(from)), QStringLiteral("ref"),
                               ConnectionMode::ReadWrite);
    QVERIFY(Migrator(reference.database()).migrate().ok());

    ScopedConnection old(freshPath(QStringLiteral("old-%1.sqlite").arg(from)), QStringLiteral("old"),
                         ConnectionMode::ReadWrite);
    QVERIFY(Migrator(old.database()).migrate(from).ok());
    QCOMPARE(scalar(old.database(), QStringLiteral("PRAGMA user_version")).toInt(), from);
    if (from >= 1)
        insertSampleRows(old.database());

    QVERIFY(Migrator(old.database()).migrate().ok());
    QCOMPARE(scalar(old.database(), QStringLiteral("PRAGMA user_version")).toInt(), Migrator::latestVersion());
    QCOMPARE(schemaOf(old.database()), schemaOf(reference.database()));
    QCOMPARE(scalar(old.database(), QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
    QVERIFY(!scalar(old.database(), QStringLiteral("PRAGMA foreign_key_check")).isValid());
    if (from >= 1) {
        QCOMPARE(scalar(old.database(), QStringLiteral("SELECT name FROM account WHERE id = 'a1'")).toString(),
                 QStringLiteral("华东经销商"));
        QCOMPARE(scalar(old.database(), QStringLiteral("SELECT total_minor FROM sales_order WHERE id = 'o1'")).toLongLong(),
                 123456);
        QCOMPARE(scalar(old.database(), QStringLiteral("SELECT count(*) FROM order_line")).toInt(), 1);
    }
}

void TestMigrator::secondRunChangesNothing()
{
    ScopedConnection c(freshPath(QStringLiteral("twice.sqlite")), QStringLiteral("t"), ConnectionMode::ReadWrite);
    QVERIFY(Migrator(c.database()).migrate().ok());
    const QStringList before = schemaOf(c.database());
    QVERIFY(Migrator(c.database()).migrate().ok());
    QCOMPARE(schemaOf(c.database()), before);
}

void TestMigrator::failingStepIsRolledBack()
{
    std::vector<Migration> migrations{
        migration0001Domain(),
        {2, QStringLiteral("broken on purpose"),
         {QStringLiteral("CREATE TABLE half_done (x INTEGER)"), QStringLiteral("INSERT INTO no_such_table VALUES (1)")}},
    };
    ScopedConnection c(freshPath(QStringLiteral("broken.sqlite")), QStringLiteral("t"), ConnectionMode::ReadWrite);
    const Status status = Migrator(c.database(), migrations).migrate();
    QVERIFY(!status.ok());
    QCOMPARE(status.error().code, ErrorCode::MigrationFailed);
    QVERIFY2(status.error().message.contains(QStringLiteral("version 2")), qPrintable(status.error().message));
    QVERIFY2(status.error().message.contains(QStringLiteral("remains at version 1")), qPrintable(status.error().message));
    QCOMPARE(scalar(c.database(), QStringLiteral("PRAGMA user_version")).toInt(), 1);
    QCOMPARE(scalar(c.database(), QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'")).toInt(), 0);
}

QTEST_GUILESS_MAIN(TestMigrator)
#include "tst_migrator.moc"
