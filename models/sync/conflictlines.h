#pragma once

#include "protocol/syncmessages.h"

#include <QJsonArray>
#include <QJsonObject>

#include <optional>
#include <vector>

namespace vantage::sync {

// One line of a document in conflict (a quote line, a contract clause), matched by id, as the
// server has it and as this computer has it. The base is not known: the server keeps only the
// current copy of a line (ADR 0007).
struct ConflictLine
{
    QString entity;
    QString id;
    std::optional<QJsonObject> server; // nullopt: not on the server (added here, or deleted there)
    std::optional<QJsonObject> mine;   // nullopt: not on this computer (added there, or deleted here)

    bool onBothSides() const { return server && mine; }
    // Only one side has it, or both with different contents (its number aside: the merge
    // renumbers), so there is something to choose.
    bool differs() const;
};

// The lines of a listed document conflict (GET /v1/conflicts: server.children beside
// client.children) in one order both sides agree with, and the merged set a resolution sends.
class ConflictLines
{
public:
    explicit ConflictLines(const QJsonObject &conflict);

    const std::vector<ConflictLine> &lines() const { return m_lines; }
    // The complete set of lines after the merge: line i as this computer has it when fromMine[i],
    // else as the server has it; a line missing from the chosen side is left out (deleted). The
    // lines are numbered 1…n in this order, so two lines added on each side never share a number.
    std::vector<core::ChildRow> merged(const std::vector<bool> &fromMine) const;
    // The field that numbers a document's lines (line_no, clause_no).
    static QString numberField(const QString &lineEntity);

private:
    std::vector<ConflictLine> m_lines;
};

} // namespace vantage::sync
