#include "migration.h"

namespace vantage::core {

// Pipeline stages are the company's own list and come from the server like other reference data:
// they get the sync columns (an id, unique, next to the code the opportunities refer to).
Migration migration0003SyncedStages()
{
    return {3, QStringLiteral("synced pipeline stages"), {
        QStringLiteral("ALTER TABLE pipeline_stage ADD COLUMN id TEXT"),
        QStringLiteral("ALTER TABLE pipeline_stage ADD COLUMN region_id TEXT"),
        QStringLiteral("ALTER TABLE pipeline_stage ADD COLUMN version INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE pipeline_stage ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE pipeline_stage ADD COLUMN updated_at INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("UPDATE pipeline_stage SET id = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-7' || "
                       "substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || "
                       "substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))"),
        QStringLiteral("CREATE UNIQUE INDEX pipeline_stage_id ON pipeline_stage(id)"),
    }};
}

} // namespace vantage::core
