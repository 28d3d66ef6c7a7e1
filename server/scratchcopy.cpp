#include "scratchcopy.h"

#include "protocol/entitycatalog.h"
#include "protocol/rowcodec.h"
#include "storage/lazyconnectioncontext.h"
#include "storage/sql.h"
#include "storage/storeopener.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace vantage::server {
namespace {

using core::Sql;

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::server::ScratchCopy)
};

using core::Error;

Error copyFailed(const QString &detail)
{
    return Error{core::ErrorCode::Database, Tr::tr("The scratch copy of the synced rows failed."), detail};
}

} // namespace

core::Result<std::unique_ptr<ScratchCopy>> ScratchCopy::make(const ServerDatabase &database, const QString &name)
{
    std::unique_ptr<ScratchCopy> copy(new ScratchCopy);
    if (!copy->m_folder.isValid())
        return core::Error{core::ErrorCode::Io, Tr::tr("No folder for the scratch copy of the synced rows."),
                           copy->m_folder.errorString()};
    const QString path = copy->m_folder.filePath(name + QStringLiteral(".sqlite"));
    {
        core::LazyConnectionContext context(path);
        if (auto opened = core::StoreOpener(path).open(context); !opened)
            return opened.error();
    }
    copy->m_connection = std::make_unique<core::ScopedConnection>(path, name, core::ConnectionMode::ReadWrite);
    if (!copy->m_connection->ok())
        return copy->m_connection->error();
    auto copied = copy->copySyncedRows(database);
    if (!copied)
        return copied.error();
    copy->m_rows = copied.value();
    return copy;
}

// Every live synced row, into the table of its entity. Foreign keys are off: rows come in catalog
// order, not dependency order, and the scratch copy is only read.
core::Result<qint64> ScratchCopy::copySyncedRows(const ServerDatabase &database)
{
    auto server = database.connection();
    if (!server)
        return server.error();
    QSqlDatabase db = this->database();
    if (auto off = Sql(db).exec(QStringLiteral("PRAGMA foreign_keys = OFF")); !off)
        return off.error();
    auto rows = Sql(server.value()).query(
        QStringLiteral("SELECT entity, id, region_id, version, data FROM sync_row WHERE deleted = 0 ORDER BY entity, id"));
    if (!rows)
        return rows.error();
    if (!db.transaction())
        return copyFailed(db.lastError().text());
    qint64 count = 0;
    QHash<QString, QSqlQuery> prepared;  // one statement per entity and set of fields
    while (rows.value().next()) {
        const QSqlQuery &row = rows.value();
        const core::EntityDescriptor *entity = core::EntityCatalog::instance().find(row.value(0).toString());
        if (entity == nullptr)
            continue;  // an entity this version does not know (a newer laptop's): not needed here
        const QJsonObject fields = QJsonDocument::fromJson(row.value(4).toString().toUtf8()).object();
        const core::RowStatement statement = core::RowCodec::upsertStatement(
            *entity, row.value(1).toString(), row.value(2).toString(), row.value(3).toLongLong(), false, fields, false, 0);
        auto found = prepared.find(statement.sql);
        if (found == prepared.end()) {
            QSqlQuery query(db);
            if (!query.prepare(statement.sql)) {
                db.rollback();
                return copyFailed(query.lastError().text());
            }
            found = prepared.insert(statement.sql, query);
        }
        for (int i = 0; i < statement.values.size(); ++i)
            found->bindValue(i, statement.values[i]);
        if (!found->exec()) {
            const QString detail = found->lastError().text();
            prepared.clear();
            db.rollback();
            return copyFailed(detail);
        }
        ++count;
    }
    prepared.clear();
    if (!db.commit())
        return copyFailed(db.lastError().text());
    return count;
}

} // namespace vantage::server
