#include "syncstate.h"

#include "domain/uuid7.h"
#include "storage/sql.h"

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

} // namespace vantage::sync
