#include "settings/appsettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace vantage::core {
namespace {

const QString kOrganization = u"Vantage"_s;
const QString kApplication = u"Vantage"_s;

QSettings scopeSettings(QSettings::Scope scope)
{
    return QSettings(QSettings::NativeFormat, scope, kOrganization, kApplication);
}

} // namespace

// Runs against a private config sandbox that main() sets up before any QSettings exists.
class TestAppSettings : public QObject
{
    Q_OBJECT

public:
    explicit TestAppSettings(QString root) : m_root(std::move(root)) {}

private Q_SLOTS:
    void initTestCase();
    void init();
    void defaults();
    void userValuesRoundTrip_data();
    void userValuesRoundTrip();
    void systemValueWins();
    void lockIsPerKey();
    void defaultDataFolder();
    void configuredDataFolder_data();
    void configuredDataFolder();
    void documentedSystemFileLocksKey();

private:
    QString configHome() const { return m_root + u"/config-home"_s; }
    QString configDirs() const { return m_root + u"/config-dirs"_s; }
    QString dataHome() const { return m_root + u"/data-home"_s; }
    void setSystemValue(const QString &key, const QString &value);

    QString m_root;
    AppSettings m_settings;
};

void TestAppSettings::initTestCase()
{
    // Guard: never read or write the real ~/.config or /etc/xdg.
    QVERIFY2(scopeSettings(QSettings::UserScope).fileName().startsWith(configHome() + u'/'),
             qPrintable(scopeSettings(QSettings::UserScope).fileName()));
    QVERIFY2(scopeSettings(QSettings::SystemScope).fileName().startsWith(configDirs() + u'/'),
             qPrintable(scopeSettings(QSettings::SystemScope).fileName()));
}

void TestAppSettings::init()
{
    for (const auto scope : {QSettings::UserScope, QSettings::SystemScope}) {
        QSettings settings = scopeSettings(scope);
        settings.clear();
        settings.sync();
        QCOMPARE(settings.status(), QSettings::NoError);
    }
    QFile::remove(configDirs() + u"/Vantage/Vantage.conf"_s);
}

// Writes through QSettings (not QFile) so its shared file cache sees the change at once.
void TestAppSettings::setSystemValue(const QString &key, const QString &value)
{
    QSettings system = scopeSettings(QSettings::SystemScope);
    system.setValue(key, value);
    system.sync();
    QCOMPARE(system.status(), QSettings::NoError);
}

void TestAppSettings::defaults()
{
    QCOMPARE(m_settings.language(), u"system"_s);
    QCOMPARE(m_settings.dataSource(), u"demo"_s);
    QCOMPARE(m_settings.value(AppSettings::kDataFolder), QString());
    QCOMPARE(m_settings.value(u"no/such/key"_s, u"fallback"_s), u"fallback"_s);
    for (const QString &key : {AppSettings::kLanguage, AppSettings::kDataSource, AppSettings::kDataFolder})
        QVERIFY2(!m_settings.isLocked(key), qPrintable(key));
}

void TestAppSettings::userValuesRoundTrip_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");

    QTest::newRow("language") << AppSettings::kLanguage << u"zh_CN"_s;
    QTest::newRow("data source") << AppSettings::kDataSource << u"company"_s;
    QTest::newRow("non-ASCII folder") << AppSettings::kDataFolder << u"/srv/销售 数据/Vantage"_s;
}

void TestAppSettings::userValuesRoundTrip()
{
    QFETCH(QString, key);
    QFETCH(QString, value);

    QVERIFY(m_settings.setValue(key, value));
    QCOMPARE(m_settings.value(key), value);
    QCOMPARE(AppSettings().value(key), value);
    QVERIFY(!m_settings.isLocked(key));
    // It is in the user's file on disk, not only in memory.
    const QString userFile = configHome() + u"/Vantage/Vantage.conf"_s;
    QVERIFY2(QFile::exists(userFile), qPrintable(userFile));
    QCOMPARE(QSettings(userFile, QSettings::IniFormat).value(key).toString(), value);
}

void TestAppSettings::systemValueWins()
{
    QVERIFY(m_settings.setValue(AppSettings::kLanguage, u"en"_s));
    setSystemValue(AppSettings::kLanguage, u"zh_CN"_s);

    QCOMPARE(m_settings.language(), u"zh_CN"_s);
    QVERIFY(m_settings.isLocked(AppSettings::kLanguage));
    QVERIFY(!m_settings.setValue(AppSettings::kLanguage, u"system"_s));
    // The refused value did not reach the user's file either.
    QCOMPARE(scopeSettings(QSettings::UserScope).value(AppSettings::kLanguage).toString(), u"en"_s);
}

void TestAppSettings::lockIsPerKey()
{
    setSystemValue(AppSettings::kLanguage, u"en"_s);

    QVERIFY(!m_settings.isLocked(AppSettings::kDataSource));
    QVERIFY(m_settings.setValue(AppSettings::kDataSource, u"company"_s));
    QCOMPARE(m_settings.dataSource(), u"company"_s);
}

void TestAppSettings::defaultDataFolder()
{
    const QString folder = m_settings.dataFolder();
    QCOMPARE(folder, QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    QVERIFY2(folder.startsWith(dataHome() + u'/'), qPrintable(folder));
    QCOMPARE(m_settings.demoDatabasePath(), folder + u"/demo.sqlite"_s);
    QCOMPARE(m_settings.companyDatabasePath(), folder + u"/company.sqlite"_s);
}

void TestAppSettings::configuredDataFolder_data()
{
    QTest::addColumn<bool>("byIt");
    QTest::addColumn<QString>("folder");

    QTest::newRow("user folder") << false << u"/home/sales/Vantage data"_s;
    QTest::newRow("IT folder") << true << u"/srv/销售/Vantage"_s;
}

void TestAppSettings::configuredDataFolder()
{
    QFETCH(bool, byIt);
    QFETCH(QString, folder);

    QVERIFY(m_settings.setValue(AppSettings::kDataFolder, u"/tmp/should-lose"_s));
    if (byIt)
        setSystemValue(AppSettings::kDataFolder, folder);
    else
        QVERIFY(m_settings.setValue(AppSettings::kDataFolder, folder));

    QCOMPARE(m_settings.dataFolder(), folder);
    QCOMPARE(m_settings.demoDatabasePath(), folder + u"/demo.sqlite"_s);
    QCOMPARE(m_settings.companyDatabasePath(), folder + u"/company.sqlite"_s);
    QCOMPARE(m_settings.isLocked(AppSettings::kDataFolder), byIt);
}

void TestAppSettings::documentedSystemFileLocksKey()
{
    // appsettings.h tells IT to use <system config dir>/Vantage/Vantage.conf, written by hand.
    const QString documented = configDirs() + u"/Vantage/Vantage.conf"_s;
    QVERIFY(QDir().mkpath(configDirs() + u"/Vantage"_s));
    QFile file(documented);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.write("[ui]\nlanguage=zh_CN\n") > 0);
    file.close();

    QVERIFY(m_settings.isLocked(AppSettings::kLanguage));
    QCOMPARE(m_settings.language(), u"zh_CN"_s);
}

} // namespace vantage::core

int main(int argc, char *argv[])
{
    // QSettings reads XDG_CONFIG_HOME/XDG_CONFIG_DIRS once, when the first QSettings is made, and caches
    // the paths for the process; set them before QCoreApplication and before any test code runs.
    QTemporaryDir root(QDir::tempPath() + u"/tst_appsettings-XXXXXX"_s);
    if (!root.isValid())
        qFatal("cannot create the settings sandbox");
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(root.filePath(u"config-home"_s)));
    qputenv("XDG_CONFIG_DIRS", QFile::encodeName(root.filePath(u"config-dirs"_s)));
    qputenv("XDG_DATA_HOME", QFile::encodeName(root.filePath(u"data-home"_s)));

    QCoreApplication app(argc, argv);
    vantage::core::TestAppSettings test(root.path());
    return QTest::qExec(&test, argc, argv);
}

#include "tst_appsettings.moc"
