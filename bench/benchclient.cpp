#include "benchclient.h"

#include "databasefiles.h"

#include "protocol/entitycatalog.h"
#include "storage/migrator.h"
#include "storage/sql.h"

namespace vantage::bench {

BenchClient::BenchClient(const QString &path, const QString &serverUrl) : m_context(path), m_transport(serverUrl)
{
    removeDatabaseFiles(path);
    auto connection = m_context.connection();
    if (!connection || !core::Migrator(connection.value()).migrate().ok()
        || !core::Sql(connection.value()).exec(QStringLiteral("PRAGMA journal_mode = WAL")).ok())
        qFatal("cannot create the client database %s", qPrintable(path));
    m_engine = std::make_unique<sync::SyncEngine>(connection.value(), m_transport);
}

qint64 BenchClient::syncedRows()
{
    qint64 rows = 0;
    for (const core::EntityDescriptor &entity : core::EntityCatalog::instance().entities())
        rows += core::Sql(db()).scalar(QStringLiteral("SELECT count(*) FROM %1").arg(entity.name)).value().toLongLong();
    return rows;
}

} // namespace vantage::bench
