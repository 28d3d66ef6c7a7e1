#include "scaledatabasegenerator.h"

#include "generatorcontext.h"
#include "opportunitywriter.h"
#include "orderwriter.h"
#include "referencedatawriter.h"
#include "scalecatalog.h"

#include "storage/connection.h"
#include "storage/metarepository.h"
#include "storage/migrator.h"
#include "storage/sql.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

namespace vantage::bench {

using core::Error;
using core::ErrorCode;
using core::Status;

core::Result<GenerationReport> ScaleDatabaseGenerator::generate(const QString &path) const
{
    if (QFileInfo::exists(path))
        return Error{ErrorCode::InvalidInput, QStringLiteral("%1 already exists; remove it or choose another path.").arg(path),
                     path};
    QElapsedTimer timer;
    timer.start();
    GenerationReport report;
    if (auto filled = fill(path, report); !filled) {
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")})
            QFile::remove(path + suffix);
        return filled.error();
    }
    report.elapsedMs = timer.elapsed();
    return report;
}

Status ScaleDatabaseGenerator::fill(const QString &path, GenerationReport &report) const
{
    core::ScopedConnection connection(path, QStringLiteral("bench-generator"), core::ConnectionMode::ReadWrite);
    if (!connection.ok())
        return connection.error();
    const QSqlDatabase db = connection.database();
    const core::Sql sql(db);
    // A big page cache for the generator's own connection only: the secondary indexes
    // (account, date) take inserts in random order.
    if (auto s = sql.exec(QStringLiteral("PRAGMA cache_size = -262144")); !s)
        return s;
    // Schema 1 first, data, then the later migrations: the reporting indexes of migration 2 are
    // built once over the finished tables instead of row by row, the way an upgraded laptop gets them.
    if (auto s = core::Migrator(db).migrate(1); !s)
        return s;
    GeneratorContext context(db, m_profile);
    ScaleCatalog catalog;
    Status written = sql.transaction([&]() -> Status {
        if (auto s = ReferenceDataWriter(context, catalog).write(); !s)
            return s;
        if (auto s = OrderWriter(context, catalog).write(); !s)
            return s;
        if (auto s = OpportunityWriter(context, catalog).write(); !s)
            return s;
        const core::MetaRepository meta(db);
        // "demo": the dashboard takes "today" from data_as_of, so every run shows the same figures.
        for (const auto &[key, value] : {std::pair{core::MetaRepository::kDatabaseKind, QStringLiteral("demo")},
                                         std::pair{core::MetaRepository::kDataAsOf, m_profile.asOf.toString(Qt::ISODate)},
                                         std::pair{core::MetaRepository::kDemoShiftDays, QStringLiteral("0")},
                                         std::pair{kStampKey, m_profile.stamp()}})
            if (auto s = meta.set(key, value); !s)
                return s;
        return {};
    });
    if (!written)
        return written;
    if (auto s = core::Migrator(db).migrate(); !s)
        return s;
    report.rowsWritten = context.rowsWritten;
    // One self-contained file, like the demo builder leaves it.
    return sql.exec(QStringLiteral("PRAGMA journal_mode = DELETE"));
}

} // namespace vantage::bench
