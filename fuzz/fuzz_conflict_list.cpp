// The client reading the server's list of open conflicts (SyncEngine::conflicts → the Sync page →
// the conflict dialog's lines, sync::ConflictLines): a broken server, a proxy or anyone between
// controls these bytes. Whatever they are, every listed line is on one side at least and a merge
// numbers its lines 1…n per kind of line, never more lines than were listed.

#include "fuzzcheck.h"

#include "sync/conflictlines.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstddef>
#include <cstdint>

using namespace vantage;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const QJsonArray conflicts = QJsonDocument::fromJson(body).object().value(QStringLiteral("conflicts")).toArray();
    for (const QJsonValue &conflict : conflicts) {
        const sync::ConflictLines lines(conflict.toObject());
        const std::size_t count = lines.lines().size();
        for (const sync::ConflictLine &line : lines.lines())
            fuzz::check(line.server.has_value() || line.mine.has_value(), "a line on neither side:", line.id);
        std::vector<bool> alternate;
        for (std::size_t i = 0; i < count; ++i)
            alternate.push_back(i % 2 == 0);
        for (const std::vector<bool> &fromMine : {std::vector<bool>(count, false), std::vector<bool>(count, true), alternate,
                                                  std::vector<bool>()}) {
            const std::vector<core::ChildRow> merged = lines.merged(fromMine);
            fuzz::check(merged.size() <= count, "a merge with more lines than were listed");
            QHash<QString, qint64> numbers;
            for (const core::ChildRow &row : merged) {
                fuzz::check(!row.deleted, "a merged line marked deleted:", row.id);
                fuzz::check(row.fields.value(sync::ConflictLines::numberField(row.entity)).toInteger() == ++numbers[row.entity],
                            "merged lines not numbered 1…n:", row.id);
            }
        }
    }
    return 0;
}
