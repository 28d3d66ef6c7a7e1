#include "companyimporter.h"

#include "auditlog.h"
#include "passwordhasher.h"
#include "syncstore.h"

#include "domain/clock.h"
#include "importing/demodatabasebuilder.h"
#include "importing/demoimporter.h"
#include "protocol/rowcodec.h"
#include "storage/connection.h"
#include "storage/lazyconnectioncontext.h"
#include "storage/sql.h"
#include "storage/storeopener.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QTemporaryDir>

namespace vantage::server {
namespace {

using core::Sql;

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::server::CompanyImporter)
};

constexpr size_t kBatch = 2000;

} // namespace

core::Status CompanyImporter::checkEmpty() const
{
    auto db = m_database.connection();
    if (!db)
        return db.error();
    auto rows = Sql(db.value()).scalar(QStringLiteral("SELECT count(*) FROM sync_row"));
    if (!rows)
        return rows.error();
    if (rows.value().toLongLong() > 0)
        return core::Error{core::ErrorCode::InvalidInput, Tr::tr("The server already holds data; a company is imported only into an empty server."), QString()};
    return {};
}

core::Result<qint64> CompanyImporter::importDemo(const QDate &asOf, const QString &password) const
{
    if (auto empty = checkEmpty(); !empty)
        return empty.error();
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("demo.sqlite"));
    core::LazyConnectionContext context{QString()}; // the builder opens its own file
    if (auto built = core::DemoDatabaseBuilder(path, asOf).build(context); !built)
        return built.error();
    return importPrepared(path, password);
}

core::Result<qint64> CompanyImporter::importCsv(const QString &directory, const QDate &asOf, const QString &password) const
{
    if (auto empty = checkEmpty(); !empty)
        return empty.error();
    if (!QFileInfo(directory).isDir())
        return core::Error{core::ErrorCode::NotFound, Tr::tr("The folder %1 does not exist.").arg(directory), QString()};
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("import.sqlite"));
    {
        core::LazyConnectionContext context(path);
        if (auto opened = core::StoreOpener(path).open(context); !opened)
            return opened.error();
        // Rows the importer skips are reported by `vantage-cli import`; here only a failure stops.
        if (auto imported = core::DemoImporter(core::DemoSources::fromDirectory(directory), asOf).run(context); !imported)
            return imported.error();
    }
    return importPrepared(path, password);
}

core::Result<qint64> CompanyImporter::importDatabase(const QString &path, const QString &password) const
{
    if (auto empty = checkEmpty(); !empty)
        return empty.error();
    if (!QFileInfo(path).isFile())
        return core::Error{core::ErrorCode::NotFound, Tr::tr("The database file %1 does not exist.").arg(path), QString()};
    QTemporaryDir folder;
    const QString copy = folder.filePath(QStringLiteral("import.sqlite"));
    {
        // VACUUM INTO reads through SQLite (the WAL included) and never writes to the source.
        core::ScopedConnection source(path, QStringLiteral("import-source"), core::ConnectionMode::ReadOnly);
        if (!source.ok())
            return source.error();
        if (auto copied = Sql(source.database()).exec(QStringLiteral("VACUUM INTO ?"), {copy}); !copied)
            return core::Error{core::ErrorCode::DatabaseDamaged, Tr::tr("%1 is not a readable Vantage database.").arg(path), copied.error().message};
    }
    {
        // The copy is brought to the current schema; a damaged or newer file is refused here.
        core::LazyConnectionContext context(copy);
        if (auto opened = core::StoreOpener(copy).open(context, core::StoreOpener::Create::Never); !opened)
            return opened.error();
    }
    return importPrepared(copy, password);
}

core::Result<qint64> CompanyImporter::importPrepared(const QString &path, const QString &password) const
{
    core::ScopedConnection source(path, QStringLiteral("import-prepared"), core::ConnectionMode::ReadOnly);
    if (!source.ok())
        return source.error();
    auto copied = copyRows(source.database());
    if (!copied)
        return copied;
    if (auto logins = createLogins(source.database(), password); !logins)
        return logins.error();
    return copied;
}

core::Result<qint64> CompanyImporter::copyRows(const QSqlDatabase &source) const
{
    std::vector<RowWrite> batch;
    qint64 copied = 0;
    const auto flush = [&]() -> core::Status {
        if (batch.empty())
            return {};
        core::Status done = m_database.transaction([&](QSqlDatabase &db) -> core::Status {
            auto seq = SyncStore(db, m_database).commit(batch, core::Clock::nowMs());
            return seq ? core::Status() : core::Status(seq.error());
        });
        copied += static_cast<qint64>(batch.size());
        batch.clear();
        if (m_progress && done)
            m_progress(copied);
        return done;
    };
    for (const core::EntityDescriptor &entity : core::EntityCatalog::instance().entities()) {
        auto read = core::RowCodec::forEachRow(source, entity, QStringLiteral("deleted = 0"), {},
            [&](const QString &id, const QString &region, qint64, bool, const QJsonObject &fields) -> core::Status {
                StoredRow row{entity.name, id, region, {}, 1, 0, false, fields, true};
                if (entity.isChild())
                    row.parentId = fields.value(entity.parentField).toString();
                batch.push_back({row, QString(), false});
                return batch.size() >= kBatch ? flush() : core::Status();
            });
        if (!read)
            return read.error();
    }
    if (auto flushed = flush(); !flushed)
        return flushed.error();
    return copied;
}

core::Status CompanyImporter::createLogins(const QSqlDatabase &source, const QString &password) const
{
    // One hash for every imported login (same password): Argon2id is deliberately slow.
    const QString hash = PasswordHasher::hash(password);
    auto users = Sql(source).query(QStringLiteral("SELECT id, login, role FROM app_user WHERE deleted = 0 AND login IS NOT NULL AND login <> ''"));
    auto regions = Sql(source).query(QStringLiteral("SELECT ur.user_id, ur.region_id FROM user_region ur JOIN app_user u ON u.id = ur.user_id "
                                                  "WHERE ur.deleted = 0 AND u.deleted = 0 AND u.login IS NOT NULL AND u.login <> ''"));
    if (!users)
        return users.error();
    if (!regions)
        return regions.error();
    return m_database.transaction([&](QSqlDatabase &db) -> core::Status {
        const Sql sql(db);
        const qint64 now = core::Clock::nowMs();
        while (users.value().next())
            if (auto added = sql.exec(QStringLiteral("INSERT INTO auth_user (user_id, login, role, password_hash, created_at) "
                                                     "VALUES (?, ?, ?, ?, ?)"),
                                      {users.value().value(0), users.value().value(1), users.value().value(2), hash, now});
                !added)
                return added;
        while (regions.value().next())
            if (auto added = sql.exec(QStringLiteral("INSERT INTO auth_user_region (user_id, region_id) VALUES (?, ?)"),
                                      {regions.value().value(0), regions.value().value(1)});
                !added)
                return added;
        return writeAudit(db, {QString(), QString(), QStringLiteral("company_imported"), {}, {}, {}, QStringLiteral("admin-cli")}, now);
    });
}

} // namespace vantage::server
