#include "demodatabasebuilder.h"

#include "storage/connection.h"
#include "storage/databasefile.h"
#include "storage/metarepository.h"
#include "storage/migrator.h"
#include "storage/sql.h"

#include "domain/clock.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cstdio>
#ifdef Q_OS_WIN
#include <windows.h>
#endif

namespace vantage::core {
namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::core::DemoDatabaseBuilder)
};

// The builder's own connection, with progress and cancel passed through to the caller's context.
class RelayContext : public JobContext
{
public:
    RelayContext(QSqlDatabase db, JobContext &outer) : m_db(std::move(db)), m_outer(outer) {}
    Result<QSqlDatabase> connection() override { return m_db; }
    bool isCanceled() const override { return m_outer.isCanceled(); }
    void setProgress(int value, int maximum, const QString &text) override { m_outer.setProgress(value, maximum, text); }

private:
    QSqlDatabase m_db;
    JobContext &m_outer;
};

// Moves from over to in one step: the path always holds either the old or the new complete file.
bool replaceFile(const QString &from, const QString &to)
{
#ifdef Q_OS_WIN
    return MoveFileExW(reinterpret_cast<const wchar_t *>(from.utf16()), reinterpret_cast<const wchar_t *>(to.utf16()),
                       MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH);
#else
    return std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) == 0;
#endif
}

void removeDatabaseFiles(const QString &path)
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")})
        QFile::remove(path + suffix);
}

} // namespace

Result<ImportReport> DemoDatabaseBuilder::build(JobContext &context) const
{
    if (!QDir().mkpath(QFileInfo(m_targetPath).absolutePath()))
        return Error{ErrorCode::Io, Tr::tr("Cannot create the folder for %1.").arg(m_targetPath), m_targetPath};
    const QString partial = m_targetPath + QStringLiteral(".partial");
    removeDatabaseFiles(partial);
    auto report = buildInto(partial, context);
    if (!report) {
        removeDatabaseFiles(partial);
        return report;
    }
    if (auto moved = moveIntoPlace(partial); !moved) {
        removeDatabaseFiles(partial);
        return moved.error();
    }
    return report;
}

Result<ImportReport> DemoDatabaseBuilder::buildInto(const QString &path, JobContext &context) const
{
    ScopedConnection connection(path, QStringLiteral("demo-builder"), ConnectionMode::ReadWrite);
    if (!connection.ok())
        return connection.error();
    const QSqlDatabase db = connection.database();
    // Built in WAL mode, as the app uses it: opening the finished file then changes nothing in it.
    if (auto wal = Sql(db).exec(QStringLiteral("PRAGMA journal_mode = WAL")); !wal)
        return wal.error();
    if (auto migrated = Migrator(db).migrate(); !migrated)
        return migrated.error();
    RelayContext relay(db, context);
    auto report = DemoImporter(m_sources, m_asOf).run(relay);
    if (!report)
        return report;
    const MetaRepository meta(db);
    for (const auto &[key, value] : {std::pair{MetaRepository::kCreatedAt, Clock::nowUtc().toString(Qt::ISODate)},
                                     std::pair{MetaRepository::kCreatedByVersion, QStringLiteral(VANTAGE_VERSION_STRING)}})
        if (auto s = meta.set(key, value); !s)
            return s.error();
    return report;
}

Status DemoDatabaseBuilder::moveIntoPlace(const QString &builtPath) const
{
    if (QFileInfo::exists(m_targetPath)) {
        auto kept = DatabaseFile(m_targetPath).backup(QStringLiteral("replaced"));
        if (!kept)
            return kept.error();
        // A journal left next to the old file would be replayed into the new one, so it goes first;
        // if it cannot go, another program still has the database open.
        for (const QString &suffix : {QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")}) {
            const QString journal = m_targetPath + suffix;
            if (QFileInfo::exists(journal) && !QFile::remove(journal))
                return Error{ErrorCode::Io,
                             Tr::tr("The demo database %1 is in use by another program; close it and try again.")
                                 .arg(m_targetPath),
                             journal};
        }
    }
    if (!replaceFile(builtPath, m_targetPath))
        return Error{ErrorCode::Io, Tr::tr("Could not move the new demo database into place at %1.").arg(m_targetPath),
                     builtPath};
    return {};
}

} // namespace vantage::core
