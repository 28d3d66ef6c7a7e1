// Opening a database: damaged, foreign and newer files are refused with a clear message and a
// backup, and never changed; older files are backed up and migrated; a failed migration keeps the
// data and says where the backup is.
#include "sqlhelpers.h"
#include "testsupport.h"

#include "storage/databasefile.h"
#include "storage/lazyconnectioncontext.h"
#include "storage/migrator.h"
#include "storage/storeopener.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace vantage::core;
using vantage::test::fileSha256;
using vantage::test::scalar;

namespace {

// Opens path with a connection made only when the opener asks for it, as the Store does.
Result<StoreInfo> openStore(const QString &path, StoreOpener::Create create = StoreOpener::Create::IfMissing)
{
    LazyConnectionContext context(path);
    return StoreOpener(path).open(context, create);
}

QStringList backupsOf(const QString &path)
{
    const QFileInfo info(path);
    return QDir(info.absolutePath()).entryList({info.fileName() + QStringLiteral(".*.bak")}, QDir::Files);
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

} // namespace

class TestStoreOpener : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void missingFileIsCreated();
    void missingFileRefusedWhenCreationNotAllowed();
    void demoDatabaseOpens();
    void olderSchemaIsBackedUpAndMigrated();
    void refusedFilesStayUntouched_data();
    void refusedFilesStayUntouched();
    void failedMigrationKeepsDataAndNamesBackup();
    void pageDamageIsFoundByVerify();

private:
    QTemporaryDir m_dir;
};

void TestStoreOpener::missingFileIsCreated()
{
    const QString path = m_dir.filePath(QStringLiteral("company.sqlite"));
    auto info = openStore(path);
    QVERIFY2(info.ok(), qPrintable(info ? QString() : info.error().message));
    QCOMPARE(info.value().kind, DatabaseKind::Company);
    QCOMPARE(info.value().schemaVersion, Migrator::latestVersion());
    QVERIFY(info.value().backupPath.isEmpty());
    QVERIFY(QFileInfo::exists(path));
}

void TestStoreOpener::missingFileRefusedWhenCreationNotAllowed()
{
    const QString path = m_dir.filePath(QStringLiteral("absent.sqlite"));
    DatabaseFile file(path);
    auto state = file.inspect();
    QVERIFY(state.ok());
    QCOMPARE(state.value().kind, DatabaseFileState::Kind::Missing);
    // The opener must refuse before anything creates the file.
    vantage::test::NoConnectionContext context;
    auto info = StoreOpener(path).open(context, StoreOpener::Create::Never);
    QVERIFY(!info.ok());
    QCOMPARE(info.error().code, ErrorCode::NotFound);
    QVERIFY(info.error().message.contains(path));
    QVERIFY(!QFileInfo::exists(path));
}

void TestStoreOpener::demoDatabaseOpens()
{
    const QString path = vantage::test::copyOfDemoDatabase(m_dir, QStringLiteral("demo.sqlite"));
    auto info = openStore(path);
    QVERIFY(info.ok());
    QCOMPARE(info.value().kind, DatabaseKind::Demo);
    QCOMPARE(info.value().dataAsOf, vantage::test::demoAsOf());
    QCOMPARE(info.value().demoShiftDays, static_cast<int>(QDate(2017, 12, 31).daysTo(vantage::test::demoAsOf()) - 1));
    QVERIFY(backupsOf(path).isEmpty());
}

void TestStoreOpener::olderSchemaIsBackedUpAndMigrated()
{
    const QString path = m_dir.filePath(QStringLiteral("v1.sqlite"));
    {
        ScopedConnection c(path, QStringLiteral("setup"), ConnectionMode::ReadWrite);
        QVERIFY(Migrator(c.database()).migrate(1).ok());
        QVERIFY(Sql(c.database()).exec(QStringLiteral("INSERT INTO app_meta (key, value) VALUES ('marker', 'kept')")).ok());
    }
    auto info = openStore(path);
    QVERIFY2(info.ok(), qPrintable(info ? QString() : info.error().message));
    QVERIFY(!info.value().backupPath.isEmpty());
    QVERIFY(QFileInfo::exists(info.value().backupPath));
    {
        ScopedConnection backup(info.value().backupPath, QStringLiteral("backup"), ConnectionMode::ReadOnly);
        QCOMPARE(scalar(backup.database(), QStringLiteral("PRAGMA user_version")).toInt(), 1);
    }
    ScopedConnection c(path, QStringLiteral("check"), ConnectionMode::ReadOnly);
    QCOMPARE(scalar(c.database(), QStringLiteral("PRAGMA user_version")).toInt(), Migrator::latestVersion());
    QCOMPARE(scalar(c.database(), QStringLiteral("SELECT value FROM app_meta WHERE key = 'marker'")).toString(),
             QStringLiteral("kept"));
}

void TestStoreOpener::refusedFilesStayUntouched_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("expectedCode");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("garbage") << "garbage" << int(ErrorCode::DatabaseDamaged) << "damaged";
    QTest::newRow("truncated header") << "truncated" << int(ErrorCode::DatabaseDamaged) << "damaged";
    QTest::newRow("newer version") << "newer" << int(ErrorCode::DatabaseTooNew) << "newer version of Vantage";
    QTest::newRow("other application") << "foreign" << int(ErrorCode::DatabaseDamaged) << "not a Vantage database";
}

void TestStoreOpener::refusedFilesStayUntouched()
{
    QFETCH(QString, kind);
    QFETCH(int, expectedCode);
    QFETCH(QString, messagePart);
    const QString path = m_dir.filePath(kind + QStringLiteral(".sqlite"));
    if (kind == QLatin1String("garbage")) {
        writeFile(path, QByteArray("This is a spreadsheet, not a database.\n").repeated(200));
    } else if (kind == QLatin1String("truncated")) {
        writeFile(path, QByteArray("SQLite format 3", 15));
    } else if (kind == QLatin1String("newer")) {
        ScopedConnection c(path, QStringLiteral("setup"), ConnectionMode::ReadWrite);
        QVERIFY(Migrator(c.database()).migrate().ok());
        QVERIFY(Sql(c.database()).exec(QStringLiteral("PRAGMA user_version = %1").arg(Migrator::latestVersion() + 5)).ok());
    } else {
        ScopedConnection c(path, QStringLiteral("setup"), ConnectionMode::ReadWrite);
        QVERIFY(Sql(c.database()).exec(QStringLiteral("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")).ok());
    }
    const QByteArray before = fileSha256(path);

    auto info = openStore(path);
    QVERIFY(!info.ok());
    QCOMPARE(int(info.error().code), expectedCode);
    QVERIFY2(info.error().message.contains(messagePart), qPrintable(info.error().message));
    QVERIFY2(info.error().message.contains(path), qPrintable(info.error().message));
    QCOMPARE(fileSha256(path), before);
    const QStringList backups = backupsOf(path);
    QCOMPARE(backups.size(), 1);
    QVERIFY2(info.error().message.contains(backups.first()), qPrintable(info.error().message));
    QCOMPARE(fileSha256(m_dir.filePath(backups.first())), before);
}

void TestStoreOpener::failedMigrationKeepsDataAndNamesBackup()
{
    const QString path = m_dir.filePath(QStringLiteral("blocked.sqlite"));
    {
        ScopedConnection c(path, QStringLiteral("setup"), ConnectionMode::ReadWrite);
        QVERIFY(Migrator(c.database()).migrate(1).ok());
        // A table with the name migration 2 gives an index: that step cannot succeed.
        QVERIFY(Sql(c.database()).exec(QStringLiteral("CREATE TABLE sales_order_reporting (x INTEGER)")).ok());
        QVERIFY(Sql(c.database()).exec(QStringLiteral("INSERT INTO app_meta (key, value) VALUES ('marker', 'kept')")).ok());
    }
    auto info = openStore(path);
    QVERIFY(!info.ok());
    QCOMPARE(info.error().code, ErrorCode::MigrationFailed);
    const QStringList backups = backupsOf(path);
    QCOMPARE(backups.size(), 1);
    QVERIFY2(info.error().message.contains(backups.first()), qPrintable(info.error().message));
    ScopedConnection c(path, QStringLiteral("check"), ConnectionMode::ReadOnly);
    QCOMPARE(scalar(c.database(), QStringLiteral("PRAGMA user_version")).toInt(), 1);
    QCOMPARE(scalar(c.database(), QStringLiteral("SELECT value FROM app_meta WHERE key = 'marker'")).toString(),
             QStringLiteral("kept"));
}

void TestStoreOpener::pageDamageIsFoundByVerify()
{
    const QString path = vantage::test::copyOfDemoDatabase(m_dir, QStringLiteral("corrupt.sqlite"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        // Overwrite pages in the middle: the header and schema are fine, the B-trees are not.
        file.seek(file.size() / 2 - (file.size() / 2) % 4096);
        file.write(QByteArray(64 * 4096, '\xAB'));
    }
    const QByteArray before = fileSha256(path);
    QVERIFY(DatabaseFile(vantage::test::sharedDemoDatabase()).verify().ok()); // a sound file passes
    const Status verdict = DatabaseFile(path).verify();
    QVERIFY(!verdict.ok());
    QCOMPARE(verdict.error().code, ErrorCode::DatabaseDamaged);
    QVERIFY2(verdict.error().message.contains(path), qPrintable(verdict.error().message));
    QCOMPARE(fileSha256(path), before);
    const QStringList backups = backupsOf(path);
    QCOMPARE(backups.size(), 1);
    QVERIFY(verdict.error().message.contains(backups.first()));
}

QTEST_GUILESS_MAIN(TestStoreOpener)
#include "tst_storeopener.moc"
