#include "demoseeder.h"

#include "auditlog.h"
#include "passwordhasher.h"
#include "syncstore.h"

#include "domain/clock.h"
#include "importing/demodatabasebuilder.h"
#include "protocol/rowcodec.h"
#include "storage/connection.h"
#include "storage/lazyconnectioncontext.h"
#include "storage/sql.h"

#include <QCoreApplication>
#include <QTemporaryDir>

namespace vantage::server {
namespace {

using core::Sql;

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::server::DemoSeeder)
};

constexpr size_t kBatch = 2000;

} // namespace

core::Status DemoSeeder::seed(const QDate &asOf, const QString &password) const
{
    auto db = m_database.connection();
    if (!db)
        return db.error();
    auto rows = Sql(db.value()).scalar(QStringLiteral("SELECT count(*) FROM sync_row"));
    if (!rows)
        return rows.error();
    if (rows.value().toLongLong() > 0)
        return core::Error{core::ErrorCode::InvalidInput, Tr::tr("The server already holds data; the demo is loaded only into an empty server."), QString()};
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("demo.sqlite"));
    core::LazyConnectionContext progress{QString()}; // the builder opens its own file
    if (auto built = core::DemoDatabaseBuilder(path, asOf).build(progress); !built)
        return built.error();
    core::ScopedConnection demo(path, QStringLiteral("demo-seed"), core::ConnectionMode::ReadOnly);
    if (!demo.ok())
        return demo.error();
    if (auto copied = copyRows(demo.database()); !copied)
        return copied;
    return createLogins(demo.database(), password);
}

core::Status DemoSeeder::copyRows(const QSqlDatabase &demo) const
{
    std::vector<RowWrite> batch;
    const auto flush = [&]() -> core::Status {
        if (batch.empty())
            return {};
        core::Status done = m_database.transaction([&](QSqlDatabase &db) -> core::Status {
            auto seq = SyncStore(db, m_database).commit(batch, core::Clock::nowMs());
            return seq ? core::Status() : core::Status(seq.error());
        });
        batch.clear();
        return done;
    };
    for (const core::EntityDescriptor &entity : core::EntityCatalog::instance().entities()) {
        auto copied = core::RowCodec::forEachRow(demo, entity, QStringLiteral("deleted = 0"), {},
            [&](const QString &id, const QString &region, qint64, bool, const QJsonObject &fields) -> core::Status {
                StoredRow row{entity.name, id, region, {}, 1, 0, false, fields, true};
                if (entity.isChild())
                    row.parentId = fields.value(entity.parentField).toString();
                batch.push_back({row, QString(), false});
                return batch.size() >= kBatch ? flush() : core::Status();
            });
        if (!copied)
            return copied;
    }
    return flush();
}

core::Status DemoSeeder::createLogins(const QSqlDatabase &demo, const QString &password) const
{
    // One hash for every demo login (same password): Argon2id is deliberately slow.
    const QString hash = PasswordHasher::hash(password);
    auto users = Sql(demo).query(QStringLiteral("SELECT id, login, role FROM app_user WHERE deleted = 0"));
    auto regions = Sql(demo).query(QStringLiteral("SELECT user_id, region_id FROM user_region WHERE deleted = 0"));
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
        return writeAudit(db, {QString(), QString(), QStringLiteral("demo_imported"), {}, {}, {}, QStringLiteral("admin-cli")}, now);
    });
}

} // namespace vantage::server
