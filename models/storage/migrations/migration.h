#pragma once

#include <QStringList>

#include <vector>

// Columns every synced table carries (SYNC.md): a client-made UUIDv7 id, the region that scopes
// it (NULL = visible in every region), the server's version (0 = never synced), a soft-delete
// flag and the last local change time (UTC ms, display only). Frozen as part of migration 1.
#define VANTAGE_SYNCED_COLUMNS \
    "id TEXT PRIMARY KEY NOT NULL, " \
    "region_id TEXT, " \
    "version INTEGER NOT NULL DEFAULT 0, " \
    "deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)), " \
    "updated_at INTEGER NOT NULL, "

namespace vantage::core {

// One numbered schema step. Once released a migration never changes; a fix is a new migration.
struct Migration
{
    int version = 0;
    QString description;
    QStringList statements;
};

// Every migration in order: index i holds version i + 1.
const std::vector<Migration> &schemaMigrations();

Migration migration0001Domain();
Migration migration0002ReportingIndexes();
Migration migration0003SyncedStages();
Migration migration0004RiskList();
Migration migration0005FunnelAlertRules();
Migration migration0006SeasonalBaseline();
Migration migration0007RefusedField();

} // namespace vantage::core
