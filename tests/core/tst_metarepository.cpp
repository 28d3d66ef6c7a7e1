// Facts about the database file round-trip through MetaRepository, including non-ASCII values and
// overwrites, and a read-only connection cannot change them.
#include "sqlhelpers.h"

#include "storage/metarepository.h"
#include "storage/migrator.h"

#include <QTemporaryDir>
#include <QTest>

using namespace vantage::core;

class TestMetaRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valuesRoundTrip();
    void readOnlyConnectionRefusesWrites();

private:
    QTemporaryDir m_dir;
};

void TestMetaRepository::valuesRoundTrip()
{
    const QString path = m_dir.filePath(QStringLiteral("meta.sqlite"));
    ScopedConnection c(path, QStringLiteral("meta"), ConnectionMode::ReadWrite);
    QVERIFY(Migrator(c.database()).migrate().ok());
    const MetaRepository meta(c.database());
    QVERIFY(meta.set(MetaRepository::kDatabaseKind, QStringLiteral("company")).ok());
    QVERIFY(meta.set(QStringLiteral("note"), QStringLiteral("华东区 · 第一季度")).ok());
    QVERIFY(meta.set(MetaRepository::kDatabaseKind, QStringLiteral("demo")).ok()); // overwrite, not a second row
    auto all = meta.all();
    QVERIFY(all.ok());
    QCOMPARE(all.value().size(), 2);
    QCOMPARE(all.value().value(MetaRepository::kDatabaseKind), QStringLiteral("demo"));
    QCOMPARE(all.value().value(QStringLiteral("note")), QStringLiteral("华东区 · 第一季度"));
    // A second connection sees the committed values.
    ScopedConnection other(path, QStringLiteral("meta2"), ConnectionMode::ReadOnly);
    QCOMPARE(MetaRepository(other.database()).all().value().value(QStringLiteral("note")), QStringLiteral("华东区 · 第一季度"));
}

void TestMetaRepository::readOnlyConnectionRefusesWrites()
{
    const QString path = m_dir.filePath(QStringLiteral("ro.sqlite"));
    {
        ScopedConnection c(path, QStringLiteral("setup"), ConnectionMode::ReadWrite);
        QVERIFY(Migrator(c.database()).migrate().ok());
    }
    ScopedConnection ro(path, QStringLiteral("ro"), ConnectionMode::ReadOnly);
    const Status status = MetaRepository(ro.database()).set(QStringLiteral("x"), QStringLiteral("y"));
    QVERIFY(!status.ok());
    QVERIFY2(status.error().message.contains(path), qPrintable(status.error().message));
    QVERIFY(MetaRepository(ro.database()).all().value().isEmpty());
}

QTEST_GUILESS_MAIN(TestMetaRepository)
#include "tst_metarepository.moc"
