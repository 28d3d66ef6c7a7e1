#pragma once

#include "democalendar.h"
#include "importreport.h"

#include "domain/result.h"
#include "domain/uuid7.h"
#include "storage/jobcontext.h"

#include <QHash>
#include <QSqlDatabase>

namespace vantage::core {

class TableInserter;

// Shared state of one demo import: the connection, the calendar shift, deterministic ids and the
// lookups that tie rows of different source files together.
struct ImportContext
{
    ImportContext(QSqlDatabase database, DemoCalendar demoCalendar, ImportReport &importReport, JobContext &jobContext);

    QSqlDatabase db;
    DemoCalendar calendar;
    ImportReport &report;
    JobContext &job;
    Uuid7Generator ids; // seeded: the same sources and as-of date give the same database
    qint64 stampMs = 0; // updated_at of every imported row: midnight UTC of the shifted last source day

    QHash<QString, QString> regionIdByCode;
    QHash<QString, QString> territoryIdByState;
    QHash<QString, QString> userIdByName;
    QHash<QString, QString> regionIdByUser;
    QHash<QString, QString> accountIdBySourceRef;
    QHash<QString, QString> productIdBySku;

    // Region with this code, created on first use; codes are lower case ("east").
    Result<QString> region(const QString &name);
    // Inserts a synced row and counts it in the report under the inserter's table.
    Result<QString> insert(TableInserter &inserter, const QString &table, const QVariant &regionId,
                           const QVariantList &values);
    // Reports progress and says whether to stop (the user cancelled).
    bool progress(int value, int maximum, const QString &text);
};

Error cancelledError();
// Stable 32-bit FNV-1a hash: deterministic choices from source keys, same on every platform.
quint32 stableHash(const QString &text);

} // namespace vantage::core
