#pragma once

#include "importing/demodatabasebuilder.h"
#include "storage/jobcontext.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace vantage::test {

// The fixed "today" of every test demo database (tests never depend on the real date).
inline QDate demoAsOf()
{
    return QDate(2026, 11, 28);
}

// The bundled source data in the source tree (resources/demo).
inline QString sourceDataDir()
{
    return QDir(qEnvironmentVariable("VANTAGE_SOURCE_DIR")).filePath(QStringLiteral("resources/demo"));
}

// A JobContext for synchronous calls that have no connection to offer.
class NoConnectionContext : public core::JobContext
{
public:
    core::Result<QSqlDatabase> connection() override
    {
        return core::Error{core::ErrorCode::Database, QStringLiteral("no connection"), QStringLiteral("test")};
    }
};

// A demo database built once per test process from the bundled data; read-only use only.
inline QString sharedDemoDatabase()
{
    static QTemporaryDir dir;
    static QString path;
    if (path.isEmpty()) {
        const QString target = dir.filePath(QStringLiteral("demo.sqlite"));
        NoConnectionContext context;
        auto report = core::DemoDatabaseBuilder(target, demoAsOf()).build(context);
        if (!report)
            qFatal("building the test demo database failed: %s", qPrintable(report.error().message));
        path = target;
    }
    return path;
}

// A private copy of the demo database that a test may change.
inline QString copyOfDemoDatabase(const QTemporaryDir &dir, const QString &name = QStringLiteral("copy.sqlite"))
{
    const QString target = dir.filePath(name);
    QFile::remove(target);
    if (!QFile::copy(sharedDemoDatabase(), target))
        qFatal("copying the demo database failed");
    QFile(target).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    return target;
}

} // namespace vantage::test
