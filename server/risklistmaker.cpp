#include "risklistmaker.h"

#include "auditlog.h"
#include "syncstore.h"

#include "analytics/riskjob.h"
#include "domain/clock.h"
#include "protocol/risksnapshotrows.h"
#include "protocol/rowcodec.h"
#include "storage/connection.h"
#include "storage/lazyconnectioncontext.h"
#include "storage/sql.h"
#include "storage/storeopener.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

namespace vantage::server {
namespace {

using core::Sql;

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::server::RiskListMaker)
};

} // namespace

core::Result<RiskListMaker::Outcome> RiskListMaker::makeWeek(const QDate &monday, qint64 nowMs) const
{
    if (!monday.isValid() || monday.dayOfWeek() != Qt::Monday)
        return core::Error{core::ErrorCode::InvalidInput, Tr::tr("A week's risk lists start on a Monday."), QString()};
    QTemporaryDir folder;
    if (!folder.isValid())
        return core::Error{core::ErrorCode::Io, Tr::tr("No folder for the scratch database of the risk lists."), folder.errorString()};
    const QString path = folder.filePath(QStringLiteral("risk-scratch.sqlite"));
    {
        core::LazyConnectionContext context(path);
        if (auto opened = core::StoreOpener(path).open(context); !opened)
            return opened.error();
    }
    core::ScopedConnection scratch(path, QStringLiteral("risk-scratch"), core::ConnectionMode::ReadWrite);
    if (!scratch.ok())
        return scratch.error();
    Outcome outcome;
    auto copied = copySyncedRows(scratch.database());
    if (!copied)
        return copied.error();
    outcome.rowsRead = copied.value();

    auto input = core::readRiskPageInput(scratch.database(), monday, core::Clock::nowUtc().date());
    if (!input)
        return input.error();
    input.value().madeBy = QStringLiteral("server");
    outcome.isoWeek = core::isoWeekOf(monday);
    outcome.existing = int(input.value().stored.size());
    auto page = core::makeRiskLists(input.value(), nowMs);
    if (!page)
        return page.error();
    const std::vector<core::RiskSnapshot> &made = page.value().madeNow;
    auto stored = storeRows(core::riskSnapshotRows(made), nowMs);
    if (!stored)
        return stored.error();
    for (const core::RiskSnapshot &snapshot : made) {
        outcome.made += 1;
        outcome.entries += int(snapshot.entries.size());
    }
    return outcome;
}

// Every live synced row, into the table of its entity. Foreign keys are off: rows come in catalog
// order, not dependency order, and the scratch copy is only read.
core::Result<qint64> RiskListMaker::copySyncedRows(const QSqlDatabase &scratch) const
{
    auto server = m_database.connection();
    if (!server)
        return server.error();
    QSqlDatabase db = scratch;
    if (auto off = Sql(db).exec(QStringLiteral("PRAGMA foreign_keys = OFF")); !off)
        return off.error();
    auto rows = Sql(server.value()).query(
        QStringLiteral("SELECT entity, id, region_id, version, data FROM sync_row WHERE deleted = 0 ORDER BY entity, id"));
    if (!rows)
        return rows.error();
    qint64 count = 0;
    const core::Status written = [&]() -> core::Status {
        if (!db.transaction())
            return core::Error{core::ErrorCode::Database, Tr::tr("The scratch copy of the synced rows failed."),
                               db.lastError().text()};
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
                if (!query.prepare(statement.sql))
                    return core::Error{core::ErrorCode::Database, Tr::tr("The scratch copy of the synced rows failed."),
                                       query.lastError().text()};
                found = prepared.insert(statement.sql, query);
            }
            for (int i = 0; i < statement.values.size(); ++i)
                found->bindValue(i, statement.values[i]);
            if (!found->exec())
                return core::Error{core::ErrorCode::Database, Tr::tr("The scratch copy of the synced rows failed."),
                                   found->lastError().text()};
            ++count;
        }
        if (!db.commit())
            return core::Error{core::ErrorCode::Database, Tr::tr("The scratch copy of the synced rows failed."),
                               db.lastError().text()};
        return {};
    }();
    if (!written)
        return written.error();
    return count;
}

// Lists a laptop pushed in the meantime are kept as they are: theirs and ours are the same list.
core::Result<int> RiskListMaker::storeRows(const std::vector<core::NamedRow> &rows, qint64 nowMs) const
{
    if (rows.empty())
        return 0;
    int written = 0;
    const core::Status done = m_database.transaction([&](QSqlDatabase &db) -> core::Status {
        written = 0;
        const SyncStore store(db, m_database);
        std::vector<RowWrite> writes;
        for (const core::NamedRow &row : rows) {
            auto existing = store.load(row.entity, row.id, true);
            if (!existing)
                return existing.error();
            if (existing.value().exists)
                continue;
            writes.push_back({StoredRow{row.entity, row.id, row.regionId, {}, 1, 0, false, row.fields, true}, QString(), false});
        }
        written = int(writes.size());
        if (writes.empty())
            return {};
        if (auto seq = store.commit(writes, nowMs); !seq)
            return seq.error();
        return writeAudit(db, {QString(), QString(), QStringLiteral("risk_lists_made"), QStringLiteral("risk_snapshot"), {},
                               QJsonObject{{QStringLiteral("rows"), written}}, QStringLiteral("server")}, nowMs);
    });
    if (!done)
        return done.error();
    return written;
}

} // namespace vantage::server
