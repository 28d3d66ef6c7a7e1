#pragma once

#include "recordedmutation.h"

#include <QJsonObject>

#include <map>
#include <optional>
#include <utility>

namespace vantage::test {

using RowKey = std::pair<QString, QString>; // (entity, id)

struct ModelRow
{
    QString region;
    QString parent; // document lines: the document's id
    qint64 version = 0;
    bool deleted = false;
    QJsonObject data;
};

// What the server must hold after a sequence of mutations, written from SYNC.md's rules with plain
// maps and nothing of the engine's or the server's code: scope checks, field-level 3-way merge
// with guarded fields (refused on a concurrent change), delete beats edit, version-checked documents
// whose lines travel as one unit, server-numbered documents, one version step per write.
//
// It is fed the mutations in the order the server serialized them (its audit of pushes), because
// that order depends on the network; every outcome and every row follows from the rules.
class ReferenceModel
{
public:
    // A laptop of a user; its regions come from changeScope() as the server's history tells them.
    void addClient(const QString &clientId, const QString &userId, bool allRegions);
    void changeScope(const QString &userId, const QString &region, bool assigned);
    MutationOutcome apply(const RecordedMutation &m);

    const std::map<RowKey, ModelRow> &rows() const { return m_rows; }
    // (clientId, mid) of every conflict record the server must keep: "open" or "merged".
    const std::map<std::pair<QString, qint64>, QString> &conflicts() const { return m_conflicts; }
    std::optional<MutationOutcome> outcome(const QString &clientId, qint64 mid) const;
    // "applied 812, merged 9, rejected (guarded_field) 14, conflict (version_conflict) 21, …"
    QString outcomeSummary() const;

    // Document numbers are "Q-<year>-00012": the year is the server's clock, the counter is the model's.
    static QString withoutYear(const QString &documentNumber);

private:
    MutationOutcome decide(const RecordedMutation &m);
    std::optional<MutationOutcome> refuse(const RecordedMutation &m, const ModelRow *row) const;
    MutationOutcome applyFieldMerge(const RecordedMutation &m, ModelRow *row);
    MutationOutcome applyDocument(const RecordedMutation &m, ModelRow *row);
    MutationOutcome saveDocument(const RecordedMutation &m, ModelRow *row);
    void writeLines(const RecordedMutation &m, const ModelRow &document, bool deleteAll);
    qint64 effectiveBaseVersion(const RecordedMutation &m) const;

    std::map<QString, QString> m_userOfClient;
    std::map<QString, UserScope> m_scopes; // by user
    std::map<RowKey, ModelRow> m_rows;
    std::map<std::pair<QString, qint64>, MutationOutcome> m_outcomes;
    std::map<std::pair<QString, qint64>, QString> m_conflicts;
    std::map<QString, int> m_documentCounters;
};

// Field values as the protocol means them: a missing field and null are the same, numbers are
// integers (money in minor units, timestamps in ms).
bool sameValue(const QJsonValue &a, const QJsonValue &b);

} // namespace vantage::test
