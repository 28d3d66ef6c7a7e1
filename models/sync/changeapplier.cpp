#include "changeapplier.h"

#include "localrows.h"
#include "pagewriter.h"
#include "outbox.h"
#include "syncstate.h"

#include "protocol/entitycatalog.h"
#include "storage/sql.h"

namespace vantage::sync {

using core::EntityCatalog;
using core::EntityDescriptor;
using core::Sql;

core::Status ChangeApplier::put(PageWriter &writer, const QString &entityName, const QString &id, const QString &regionId,
                                qint64 version, const QJsonObject &row) const
{
    const EntityDescriptor *entity = EntityCatalog::instance().find(entityName);
    if (!entity)
        return {};
    // Lines of a document with unsent local edits stay as the user left them; the document's
    // pending save carries the complete set of lines.
    if (entity->isChild() && writer.hasPending(entity->parentEntity, row.value(entity->parentField).toString()))
        return {};
    auto written = writer.replace(*entity, id, {true, regionId, version, false, row});
    if (!written)
        return written.error();
    return written.value() && writer.hasPending(entityName, id) ? rebase(entityName, id) : core::Status();
}

core::Status ChangeApplier::rebase(const QString &entityName, const QString &id) const
{
    const EntityDescriptor *entity = EntityCatalog::instance().find(entityName);
    auto pending = Outbox(m_db).pendingFor(entityName, id);
    if (!pending)
        return pending.error();
    const LocalRows rows(m_db);
    for (const core::Mutation &m : pending.value()) {
        if (m.action() == QLatin1String("delete")) {
            if (auto deleted = rows.markDeleted(*entity, id); !deleted)
                return deleted;
            continue;
        }
        if (auto updated = rows.update(*entity, id, m.set); !updated)
            return updated;
        for (const core::ChildRow &line : m.children) {
            const EntityDescriptor *child = EntityCatalog::instance().find(line.entity);
            auto written = line.deleted ? rows.markDeleted(*child, line.id)
                                        : rows.upsert(*child, line.id, {true, m.set.value(QStringLiteral("region_id")).toString(), 0, false, line.fields});
            if (!written)
                return written;
        }
    }
    return {};
}

core::Status ChangeApplier::remove(const QString &entityName, const QString &id, const QString &regionId, bool evict) const
{
    const EntityDescriptor *entity = EntityCatalog::instance().find(entityName);
    if (!entity)
        return {};
    // Evicted rows left the user's regions: no tombstone is kept. Deleted ones keep theirs.
    const LocalRows rows(m_db);
    if (evict)
        return rows.erase(*entity, id);
    if (auto deleted = rows.markDeleted(*entity, id); !deleted)
        return deleted;
    // The tombstone takes the region the row has on the server now: a row moved and then deleted
    // kept its old region here, so taking the new region away later did not evict its data.
    return rows.update(*entity, id, {{QStringLiteral("region_id"), regionId.isEmpty() ? QJsonValue() : QJsonValue(regionId)}});
}

core::Status ChangeApplier::applyPage(const core::PullResponse &page) const
{
    const Sql sql(m_db);
    return sql.transaction([&]() -> core::Status {
        // Rows of one page may refer to each other in any order; check references at commit.
        if (auto deferred = sql.exec(QStringLiteral("PRAGMA defer_foreign_keys = ON")); !deferred)
            return deferred;
        PageWriter writer(m_db);
        if (auto loaded = writer.loadPending(); !loaded)
            return loaded;
        for (const core::Change &change : page.changes) {
            core::Status done = change.op == QLatin1String("put")
                ? put(writer, change.entity, change.id, change.regionId, change.version, change.row)
                : remove(change.entity, change.id, change.regionId, change.op == QLatin1String("evict"));
            if (!done)
                return done;
        }
        return SyncState(m_db).set(SyncState::kCursor, QString::number(page.cursor));
    });
}

core::Status ChangeApplier::applySnapshot(const core::SnapshotPage &page, const std::function<core::Status()> &alsoInTransaction) const
{
    const Sql sql(m_db);
    return sql.transaction([&]() -> core::Status {
        if (auto deferred = sql.exec(QStringLiteral("PRAGMA defer_foreign_keys = ON")); !deferred)
            return deferred;
        PageWriter writer(m_db);
        if (auto loaded = writer.loadPending(); !loaded)
            return loaded;
        for (const core::SnapshotRow &row : page.rows)
            if (auto done = put(writer, page.entity, row.id, row.regionId, row.version, row.row); !done)
                return done;
        return alsoInTransaction ? alsoInTransaction() : core::Status();
    });
}

core::Status ChangeApplier::confirmVersion(const QString &entityName, const QString &id, qint64 version) const
{
    const EntityDescriptor *entity = EntityCatalog::instance().find(entityName);
    if (!entity || version <= 0)
        return {};
    return Sql(m_db).exec(QStringLiteral("UPDATE %1 SET version = ? WHERE id = ? AND version < ?").arg(entity->name),
                          {version, id, version});
}

core::Status ChangeApplier::dropUnsynced(const core::Mutation &refused) const
{
    const EntityDescriptor *entity = EntityCatalog::instance().find(refused.entity());
    if (!entity)
        return {};
    auto pending = Outbox(m_db).pendingFor(entity->name, refused.id);
    if (!pending)
        return pending.error();
    if (!pending.value().empty())
        return {};
    const Sql sql(m_db);
    for (const EntityDescriptor *child : EntityCatalog::instance().childrenOf(entity->name))
        if (auto done = sql.exec(QStringLiteral("DELETE FROM %1 WHERE %2 = ? AND version = 0").arg(child->name, child->parentField),
                                 {refused.id});
            !done)
            return done;
    return sql.exec(QStringLiteral("DELETE FROM %1 WHERE id = ? AND version = 0").arg(entity->name), {refused.id});
}

core::Status ChangeApplier::evictRegions(const QStringList &regionIds) const
{
    if (regionIds.isEmpty())
        return {};
    const Sql sql(m_db);
    QStringList marks;
    QVariantList values;
    for (const QString &region : regionIds) {
        marks << QStringLiteral("?");
        values << region;
    }
    return sql.transaction([&]() -> core::Status {
        const auto &entities = EntityCatalog::instance().entities();
        for (auto it = entities.rbegin(); it != entities.rend(); ++it) // lines before their documents
            if (auto done = sql.exec(QStringLiteral("DELETE FROM %1 WHERE region_id IN (%2)").arg(it->name, marks.join(u',')), values); !done)
                return done;
        return {};
    });
}

core::Status ChangeApplier::clearSyncedRows() const
{
    const Sql sql(m_db);
    return sql.transaction([&]() -> core::Status {
        const auto &entities = EntityCatalog::instance().entities();
        for (auto it = entities.rbegin(); it != entities.rend(); ++it) // lines before their documents
            if (auto done = sql.exec(QStringLiteral("DELETE FROM %1").arg(it->name)); !done)
                return done;
        return {};
    });
}

core::Status ChangeApplier::wipe() const
{
    if (auto cleared = clearSyncedRows(); !cleared)
        return cleared;
    const Sql sql(m_db);
    return sql.transaction([&]() -> core::Status {
        for (const char *table : {"outbox", "sync_state"})
            if (auto done = sql.exec(QStringLiteral("DELETE FROM %1").arg(QLatin1String(table))); !done)
                return done;
        return {};
    });
}

} // namespace vantage::sync
