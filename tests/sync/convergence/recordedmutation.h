#pragma once

#include <QJsonObject>
#include <QSet>
#include <QString>

#include <vector>

namespace vantage::test {

// A document's child row (a quote line, a contract clause) as the user saved it with its document.
struct RecordedLine
{
    QString entity;
    QString id;
    QJsonObject fields;
};

// One change a user made offline, as the harness meant it: written down from what the harness
// asked for and what the laptop showed before, never read back from the engine's outbox.
struct RecordedMutation
{
    QString clientId;
    qint64 mid = 0;
    QString entity;
    QString id;
    bool remove = false;
    QJsonObject set;         // fields written, with "region_id" when the change names a region
    QJsonObject base;        // field merge: what the user saw in those fields before changing them
    qint64 baseVersion = 0;  // documents: the server version the laptop showed
    qint64 chainedAfter = 0; // documents: this laptop's earlier, not yet synced change of the same row
    std::vector<RecordedLine> lines; // document save: the complete set of lines after the change

    QString describe() const
    {
        QString text = QStringLiteral("%1 %2 %3 (client %4, mid %5")
                           .arg(remove ? QStringLiteral("delete") : QStringLiteral("save"), entity, id, clientId)
                           .arg(mid);
        if (baseVersion > 0 || chainedAfter > 0)
            text += QStringLiteral(", base version %1").arg(baseVersion);
        if (chainedAfter > 0)
            text += QStringLiteral(" after its own unsynced mid %1").arg(chainedAfter);
        return text + u')';
    }
};

// What the server answered to one mutation, or what the reference model says it must answer.
struct MutationOutcome
{
    QString status; // applied | merged | rejected | conflict
    QString code;
    qint64 version = 0;
};

// The regions a user may see and change (SYNC.md: region scoping enforced by the server).
struct UserScope
{
    bool allRegions = false;
    QSet<QString> regions;

    bool contains(const QString &region) const { return allRegions || regions.contains(region); }
    bool canSee(const QString &region) const { return region.isEmpty() || contains(region); }
};

} // namespace vantage::test
