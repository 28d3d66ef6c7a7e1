#include "recordeditor.h"

#include "localrows.h"
#include "outbox.h"
#include "refusedchange.h"

#include "domain/enumlabels.h"
#include "domain/uuid7.h"
#include "protocol/entitycatalog.h"
#include "storage/sql.h"

#include <QCoreApplication>

namespace vantage::sync {
namespace {

using core::Error;
using core::ErrorCode;

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::sync::RecordEditor)
};

core::Result<const core::EntityDescriptor *> entityNamed(const QString &name)
{
    const core::EntityDescriptor *entity = core::EntityCatalog::instance().find(name);
    if (!entity)
        return Error{ErrorCode::InvalidInput, Tr::tr("\"%1\" is not a kind of record that can be changed.").arg(name), name};
    return entity;
}

core::Mutation mutation(const QString &entity, const QString &action, const QString &id)
{
    core::Mutation m;
    m.name = QStringLiteral("%1.%2@1").arg(entity, action);
    m.id = id;
    return m;
}

} // namespace

core::Result<QString> RecordEditor::create(const QString &entityName, const QString &regionId, const QJsonObject &fields) const
{
    auto entity = entityNamed(entityName);
    if (!entity)
        return entity.error();
    if (auto valid = core::validateFields(entityName, fields, true, entityName); !valid)
        return valid.error();
    const QString id = core::Uuid7Generator::generate();
    const core::Status done = core::Sql(m_db).transaction([&] { return insertRow(*entity.value(), id, regionId, fields); });
    if (!done)
        return done.error();
    return id;
}

core::Status RecordEditor::update(const QString &entityName, const QString &id, const QJsonObject &changes) const
{
    auto entity = entityNamed(entityName);
    if (!entity)
        return entity.error();
    if (auto valid = core::validateFields(entityName, changes, false, entityName); !valid)
        return valid;
    return core::Sql(m_db).transaction([&] { return updateRow(*entity.value(), id, changes); });
}

core::Status RecordEditor::put(const std::vector<PutRow> &rows) const
{
    for (const PutRow &row : rows) {
        auto entity = entityNamed(row.entity);
        if (!entity)
            return entity.error();
        if (auto valid = core::validateFields(row.entity, row.fields, true, row.entity); !valid)
            return valid;
    }
    return core::Sql(m_db).transaction([&]() -> core::Status {
        for (const PutRow &row : rows) {
            const core::EntityDescriptor &entity = *core::EntityCatalog::instance().find(row.entity);
            auto current = LocalRows(m_db).read(entity, row.id);
            if (!current)
                return current.error();
            const core::Status written = current.value().exists
                ? updateRow(entity, row.id, row.fields)
                : insertRow(entity, row.id, row.regionId, row.fields);
            if (!written)
                return written;
        }
        return {};
    });
}

core::Status RecordEditor::replaceRefused(qint64 mid, const QJsonObject &fields) const
{
    return core::Sql(m_db).transaction([&]() -> core::Status {
        auto refused = readRefusedChange(m_db, mid);
        if (!refused)
            return refused.error();
        const core::Mutation &m = refused.value().entry.mutation;
        if (!refused.value().correctable())
            return Error{ErrorCode::InvalidInput, RefusedChange::notCorrectableText(),
                         m.name};
        const core::EntityDescriptor &entity = *core::EntityCatalog::instance().find(m.entity());
        const bool isNew = !refused.value().current.exists || refused.value().current.version == 0;  // the server never took it
        QJsonObject values = fields;
        const QString regionId = values.take(QStringLiteral("region_id")).toString();
        if (auto valid = core::validateFields(m.entity(), values, isNew, core::EnumLabels::label(core::EnumLabels::Kind::Entity, m.entity()));
            !valid)
            return valid;
        if (auto removed = core::Sql(m_db).exec(QStringLiteral("DELETE FROM outbox WHERE mid = ?"), {mid}); !removed)
            return removed;
        if (isNew)
            return insertRow(entity, m.id, regionId, values);
        if (fields.contains(QStringLiteral("region_id")))
            values.insert(QStringLiteral("region_id"), regionId.isEmpty() ? QJsonValue() : QJsonValue(regionId));
        return updateRow(entity, m.id, values);
    });
}

core::Status RecordEditor::insertRow(const core::EntityDescriptor &entity, const QString &id, const QString &regionId,
                                     const QJsonObject &fields) const
{
    if (auto written = LocalRows(m_db).upsert(entity, id, {true, regionId, 0, false, fields}); !written)
        return written;
    core::Mutation m = mutation(entity.name, QStringLiteral("save"), id);
    m.set = fields;
    m.set.insert(QStringLiteral("region_id"), regionId.isEmpty() ? QJsonValue() : QJsonValue(regionId));
    auto mid = Outbox(m_db).append(m);
    return mid ? core::Status() : core::Status(mid.error());
}

core::Status RecordEditor::updateRow(const core::EntityDescriptor &entity, const QString &id, const QJsonObject &changes) const
{
    const LocalRows rows(m_db);
    auto current = rows.read(entity, id);
    if (!current)
        return current.error();
    if (!current.value().exists || current.value().deleted)
        return Error{ErrorCode::NotFound, Tr::tr("The record was deleted; your change was not saved."), id};
    core::Mutation m = mutation(entity.name, QStringLiteral("save"), id);
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        const QJsonValue before = it.key() == QLatin1String("region_id")
            ? (current.value().regionId.isEmpty() ? QJsonValue() : QJsonValue(current.value().regionId))
            : current.value().fields.value(it.key());
        if (before == it.value())
            continue;
        m.set.insert(it.key(), it.value());
        if (it.key() != QLatin1String("region_id"))
            m.base.insert(it.key(), before);
    }
    if (m.set.isEmpty())
        return {};
    if (auto written = rows.update(entity, id, m.set); !written)
        return written;
    auto mid = Outbox(m_db).append(m);
    return mid ? core::Status() : core::Status(mid.error());
}

core::Status RecordEditor::remove(const QString &entityName, const QString &id) const
{
    auto entity = entityNamed(entityName);
    if (!entity)
        return entity.error();
    return core::Sql(m_db).transaction([&]() -> core::Status {
        core::Mutation m = mutation(entityName, QStringLiteral("delete"), id);
        // A document's delete is version-checked like its saves: it names the version the user saw
        // (without it the server took every delete of a quote for a conflict).
        if (entity.value()->policy == core::ConflictPolicy::Document) {
            auto current = LocalRows(m_db).read(*entity.value(), id);
            if (!current)
                return current.error();
            m.baseVersion = current.value().version;
        }
        if (auto deleted = LocalRows(m_db).markDeleted(*entity.value(), id); !deleted)
            return deleted;
        auto mid = Outbox(m_db).append(m);
        return mid ? core::Status() : core::Status(mid.error());
    });
}

core::Result<QString> RecordEditor::saveDocument(const QString &entityName, const QString &givenId, const QString &regionId,
                                                 const QJsonObject &fields, const std::vector<core::ChildRow> &lines) const
{
    auto entity = entityNamed(entityName);
    if (!entity)
        return entity.error();
    if (entity.value()->policy != core::ConflictPolicy::Document)
        return Error{ErrorCode::InvalidInput, Tr::tr("%1 records are not documents.").arg(entityName), entityName};
    const QString id = givenId.isEmpty() ? core::Uuid7Generator::generate() : givenId;
    const core::Status done = core::Sql(m_db).transaction([&]() -> core::Status {
        const LocalRows rows(m_db);
        auto current = rows.read(*entity.value(), id);
        if (!current)
            return current.error();
        QJsonObject merged = current.value().fields;
        for (auto it = fields.begin(); it != fields.end(); ++it)
            merged.insert(it.key(), it.value());
        if (auto valid = core::validateFields(entityName, merged, true, entityName); !valid)
            return valid;
        if (auto written = rows.upsert(*entity.value(), id, {true, regionId, current.value().version, false, merged}); !written)
            return written;
        core::Mutation m = mutation(entityName, QStringLiteral("save"), id);
        m.baseVersion = current.value().version;
        m.set = fields;
        m.set.insert(QStringLiteral("region_id"), regionId.isEmpty() ? QJsonValue() : QJsonValue(regionId));
        for (const core::EntityDescriptor *childEntity : core::EntityCatalog::instance().childrenOf(entityName)) {
            auto existing = rows.childIds(*childEntity, id);
            if (!existing)
                return existing.error();
            QStringList kept;
            for (core::ChildRow line : lines) {
                if (line.entity != childEntity->name)
                    continue;
                line.fields.insert(childEntity->parentField, id);
                auto stored = rows.read(*childEntity, line.id);
                if (!stored)
                    return stored.error();
                if (auto written = rows.upsert(*childEntity, line.id, {true, regionId, stored.value().version, false, line.fields}); !written)
                    return written;
                kept << line.id;
                m.children.push_back(line);
            }
            for (const QString &old : existing.value())
                if (!kept.contains(old))
                    if (auto deleted = rows.markDeleted(*childEntity, old); !deleted)
                        return deleted;
        }
        auto mid = Outbox(m_db).append(m);
        return mid ? core::Status() : core::Status(mid.error());
    });
    if (!done)
        return done.error();
    return id;
}

} // namespace vantage::sync
