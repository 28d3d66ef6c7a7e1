#include "syncstate.h"

#include "domain/uuid7.h"
#include "protocol/entitycatalog.h"
#include "storage/sql.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace vantage::sync {

core::Result<QString> SyncState::value(const QString &key) const
{
    auto v = core::Sql(m_db).scalar(QStringLiteral("SELECT value FROM sync_state WHERE key = ?"), {key});
    if (!v)
        return v.error();
    return v.value().toString();
}

core::Status SyncState::set(const QString &key, const QString &value) const
{
    return core::Sql(m_db).exec(QStringLiteral("INSERT INTO sync_state (key, value) VALUES (?, ?) "
                                               "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                                {key, value});
}

core::Result<QString> SyncState::clientId() const
{
    auto existing = value(kClientId);
    if (!existing)
        return existing.error();
    if (!existing.value().isEmpty())
        return existing.value();
    const QString id = core::Uuid7Generator::generate();
    if (auto stored = set(kClientId, id); !stored)
        return stored.error();
    return id;
}

SnapshotProgress SnapshotProgress::fromText(const QString &text)
{
    const QJsonObject object = QJsonDocument::fromJson(text.toUtf8()).object();
    if (!object.contains(QStringLiteral("at")))
        return {};
    return {object.value(QStringLiteral("at")).toInteger(-1), object.value(QStringLiteral("entity")).toString(),
            object.value(QStringLiteral("after")).toString()};
}

QString SnapshotProgress::toText() const
{
    return QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("at"), at}, {QStringLiteral("entity"), entity},
                                                      {QStringLiteral("after"), after}})
                                 .toJson(QJsonDocument::Compact));
}

size_t SnapshotProgress::entityIndex() const
{
    const auto &entities = core::EntityCatalog::instance().entities();
    for (size_t i = 0; i < entities.size() && at >= 0; ++i)
        if (entities[i].name == entity)
            return i;
    // Finished (every entity loaded, the cursor not yet stored) or unknown: from the start.
    return at >= 0 && entity.isEmpty() ? entities.size() : 0;
}

} // namespace vantage::sync
