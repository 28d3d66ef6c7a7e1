#pragma once

#include "laptop.h"
#include "recordedmutation.h"
#include "referencemodel.h"
#include "serverstate.h"

#include <map>
#include <set>
#include <vector>

namespace vantage::test {

// The end-of-run checks of SYNC.md's convergence harness, after every laptop synced cleanly. Each
// returns the first difference it finds (empty: none), naming the row or mutation.
class ConvergenceCheck
{
public:
    // regionIds: region code ("east") to id, to read the administrator's region changes.
    ConvergenceCheck(const std::vector<RecordedMutation> &log, const std::vector<Laptop *> &laptops, const ServerState &server,
                     std::map<QString, QString> regionIds);

    // Every mutation reached the server exactly once, and the server answered what the model
    // predicts with each user's regions as they were at that point of the server's history.
    QString replayInServerOrder();
    // The server's rows are the model's (ids, regions, versions, tombstones, every field).
    QString serverRowsMatchModel() const;
    // Conflict records exist exactly for the mutations the model says lost a merge or a document race.
    QString conflictsMatchModel() const;
    // Nothing lost: acknowledged mutations left the outbox, refused ones stay with their reason, none pending.
    QString outboxesMatchModel() const;
    // Every laptop shows exactly the server's rows within its regions, field by field.
    QString laptopsMatchServer() const;

    const ReferenceModel &model() const { return m_model; }

private:
    QString replayPush(const AuditedEvent &push);
    QString outboxMatches(const Laptop &laptop) const;
    QString laptopMatches(const Laptop &laptop, const QString &entity) const;

    std::map<std::pair<QString, qint64>, const RecordedMutation *> m_byMid;
    const std::vector<Laptop *> m_laptops;
    const ServerState &m_server;
    const std::map<QString, QString> m_regionIds;
    std::set<std::pair<QString, qint64>> m_seen;
    ReferenceModel m_model;
};

} // namespace vantage::test
