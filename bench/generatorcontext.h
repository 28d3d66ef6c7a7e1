#pragma once

#include "deterministicrandom.h"
#include "scaleprofile.h"

#include "domain/result.h"
#include "domain/uuid7.h"

#include <QMap>
#include <QSqlDatabase>

namespace vantage::core {
class TableInserter;
}

namespace vantage::bench {

// Shared state of one generation run: the connection, the profile, seeded randomness and ids,
// and the number of rows written per table.
struct GeneratorContext
{
    GeneratorContext(QSqlDatabase database, const ScaleProfile &scaleProfile);

    QSqlDatabase db;
    ScaleProfile profile;
    DeterministicRandom random;
    core::Uuid7Generator ids; // fixed clock and seeded bits: the same options give the same ids
    qint64 stampMs = 0;       // updated_at of every row: midnight UTC of the as-of day
    QMap<QString, qint64> rowsWritten;

    // Inserts a synced row (id, region, updated_at filled in) and counts it under the table's name.
    core::Result<QString> insert(core::TableInserter &inserter, const QString &table, const QVariant &regionId,
                                 const QVariantList &values);
    // Midnight UTC of a day, in ms since the epoch (the app stores event instants so).
    static qint64 instantMs(const QDate &day);
};

} // namespace vantage::bench
