#include "migrator.h"

#include "sql.h"
#include "storagelog.h"

#include "domain/sentences.h"

#include <QCoreApplication>

namespace vantage::core {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::core::Migrator)
};
} // namespace

Migrator::Migrator(QSqlDatabase db) : Migrator(std::move(db), schemaMigrations()) {}

Migrator::Migrator(QSqlDatabase db, std::vector<Migration> migrations)
    : m_db(std::move(db)), m_migrations(std::move(migrations))
{
}

int Migrator::latestVersion()
{
    return static_cast<int>(schemaMigrations().size());
}

Result<int> Migrator::currentVersion() const
{
    auto version = Sql(m_db).scalar(QStringLiteral("PRAGMA user_version"));
    if (!version)
        return version.error();
    return version.value().toInt();
}

Status Migrator::migrate(int targetVersion, const Progress &progress) const
{
    if (targetVersion < 0)
        targetVersion = static_cast<int>(m_migrations.size());
    targetVersion = std::min(targetVersion, static_cast<int>(m_migrations.size()));
    auto current = currentVersion();
    if (!current)
        return current.error();
    const int from = current.value();
    if (from > static_cast<int>(m_migrations.size()))
        return Error{ErrorCode::DatabaseTooNew,
                     Tr::tr("The database is at schema version %1; this version of Vantage knows up to %2.")
                         .arg(from)
                         .arg(m_migrations.size()),
                     QStringLiteral("user_version above latest")};
    for (int version = from + 1; version <= targetVersion; ++version) {
        if (auto step = apply(version - 1); !step)
            return step;
        if (progress)
            progress(version - from, targetVersion - from);
    }
    return {};
}

Status Migrator::apply(int index) const
{
    const Migration &migration = m_migrations.at(static_cast<size_t>(index));
    const Sql sql(m_db);
    qCInfo(lcStore) << "applying migration" << migration.version << migration.description;
    Status status = sql.transaction([&]() -> Status {
        for (const QString &statement : migration.statements) {
            if (auto done = sql.exec(statement); !done)
                return done;
        }
        if (migration.version == 1) {
            if (auto id = sql.exec(QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId)); !id)
                return id;
        }
        // PRAGMA cannot take a bound value; the version is our own integer.
        return sql.exec(QStringLiteral("PRAGMA user_version = %1").arg(migration.version));
    });
    if (!status)
        return Error{ErrorCode::MigrationFailed,
                     joinSentences(joinSentences(Tr::tr("Updating the database to schema version %1 (%2) failed.")
                                                     .arg(migration.version)
                                                     .arg(migration.description),
                                                 status.error().message),
                                   Tr::tr("The step was rolled back; the database remains at version %1.")
                                       .arg(migration.version - 1)),
                     status.error().detail};
    return {};
}

} // namespace vantage::core
