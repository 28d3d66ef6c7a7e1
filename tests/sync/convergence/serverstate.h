#pragma once

#include "recordedmutation.h"
#include "referencemodel.h"

#include <map>
#include <optional>
#include <vector>

namespace vantage::test {

struct ServerRow
{
    QString region;
    qint64 version = 0;
    bool deleted = false;
    QJsonObject data;
};

// One audited event that decides outcomes: a push (which client's mutation, what the server
// answered) or an administrator changing a user's regions.
struct AuditedEvent
{
    QString action; // push | region_assigned | region_unassigned
    QString clientId;
    qint64 mid = 0;
    QString status;
    QString code;
    QString userId;     // region changes: whose
    QString regionCode; // region changes: which ("east")
};

struct ServerConflict
{
    QString status; // open | merged | resolved
    QString entity;
    QString rowId;
};

// What the server's database holds after the run, read directly with SQL (SQLite or PostgreSQL):
// synced rows, the audit of pushes in the order they were serialized, the stored answers and the
// conflict records.
struct ServerState
{
    std::map<RowKey, ServerRow> rows;
    std::vector<AuditedEvent> history; // serialization order (audit ids are UUIDv7, increasing)
    std::map<std::pair<QString, qint64>, MutationOutcome> answers;
    std::map<std::pair<QString, qint64>, ServerConflict> conflicts;

    static std::optional<ServerState> read(const QString &databaseSpec, QString *error);
};

} // namespace vantage::test
