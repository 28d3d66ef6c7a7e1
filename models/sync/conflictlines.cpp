#include "conflictlines.h"

#include <QHash>

#include <algorithm>

namespace vantage::sync {
namespace {

// A side's lines in their own order (by number, then id).
std::vector<core::ChildRow> ordered(const QJsonArray &array)
{
    std::vector<core::ChildRow> lines;
    for (core::ChildRow &line : core::childrenFromJson(array))
        if (!line.deleted)
            lines.push_back(std::move(line));
    const auto number = [](const core::ChildRow &line) { return line.fields.value(ConflictLines::numberField(line.entity)).toInteger(); };
    std::sort(lines.begin(), lines.end(), [&number](const core::ChildRow &a, const core::ChildRow &b) {
        return number(a) != number(b) ? number(a) < number(b) : a.id < b.id;
    });
    return lines;
}

QJsonObject withoutNumber(QJsonObject fields, const QString &entity)
{
    fields.remove(ConflictLines::numberField(entity));
    return fields;
}

} // namespace

bool ConflictLine::differs() const
{
    return !onBothSides() || withoutNumber(*server, entity) != withoutNumber(*mine, entity);
}

QString ConflictLines::numberField(const QString &lineEntity)
{
    return lineEntity == QLatin1String("contract_clause") ? QStringLiteral("clause_no") : QStringLiteral("line_no");
}

// The server's order, with each line only this computer has placed right after the line it
// follows here (or first, when it comes first here).
ConflictLines::ConflictLines(const QJsonObject &conflict)
{
    for (const core::ChildRow &line : ordered(conflict.value(QStringLiteral("server")).toObject().value(QStringLiteral("children")).toArray()))
        m_lines.push_back({line.entity, line.id, line.fields, std::nullopt});
    qsizetype previous = -1; // where the last line of this computer's order sits in m_lines
    for (const core::ChildRow &line : ordered(conflict.value(QStringLiteral("client")).toObject().value(QStringLiteral("children")).toArray())) {
        const auto same = std::find_if(m_lines.begin(), m_lines.end(), [&line](const ConflictLine &l) { return l.id == line.id; });
        if (same != m_lines.end()) {
            same->mine = line.fields;
            previous = same - m_lines.begin();
        } else {
            m_lines.insert(m_lines.begin() + ++previous, ConflictLine{line.entity, line.id, std::nullopt, line.fields});
        }
    }
}

std::vector<core::ChildRow> ConflictLines::merged(const std::vector<bool> &fromMine) const
{
    std::vector<core::ChildRow> chosen;
    QHash<QString, qint64> numbers; // per kind of line
    for (size_t i = 0; i < m_lines.size(); ++i) {
        const ConflictLine &line = m_lines[i];
        const std::optional<QJsonObject> &side = i < fromMine.size() && fromMine[i] ? line.mine : line.server;
        if (!side)
            continue;
        QJsonObject fields = *side;
        fields.insert(numberField(line.entity), ++numbers[line.entity]);
        chosen.push_back({line.entity, line.id, fields, false});
    }
    return chosen;
}

} // namespace vantage::sync
