#include "referencemodel.h"

#include "protocol/entitycatalog.h"

#include <QRegularExpression>
#include <QStringList>

namespace vantage::test {
namespace {

const QString kRegion = QStringLiteral("region_id");

// SYNC.md, Conflicts: these fields are refused on a concurrent change instead of merged.
bool isGuarded(const QString &entity, const QString &field)
{
    if (entity == QLatin1String("opportunity"))
        return field == QLatin1String("stage_code") || field == QLatin1String("owner_id") || field == QLatin1String("amount_minor");
    if (entity == QLatin1String("account"))
        return field == QLatin1String("owner_id");
    return false;
}

struct DocumentKind
{
    const char *line;
    const char *parentField;
    const char *numberField;
    const char *prefix;
    QStringList immutableStatuses; // sent or signed documents change only by a new revision
};

const DocumentKind *documentKind(const QString &entity)
{
    static const DocumentKind quote{"quote_line", "quote_id", "quote_no", "Q",
                                    {QStringLiteral("sent"), QStringLiteral("accepted"), QStringLiteral("rejected"),
                                     QStringLiteral("expired"), QStringLiteral("archived")}};
    static const DocumentKind contract{"contract_clause", "contract_id", "contract_no", "C",
                                       {QStringLiteral("signed"), QStringLiteral("archived"), QStringLiteral("terminated")}};
    if (entity == QLatin1String("quote"))
        return &quote;
    if (entity == QLatin1String("contract"))
        return &contract;
    return nullptr;
}

MutationOutcome refused(const QString &code)
{
    return {QStringLiteral("rejected"), code, 0};
}

QJsonObject withoutRegion(QJsonObject fields)
{
    fields.remove(kRegion);
    return fields;
}

} // namespace

bool sameValue(const QJsonValue &a, const QJsonValue &b)
{
    const bool aNull = a.isNull() || a.isUndefined();
    const bool bNull = b.isNull() || b.isUndefined();
    if (aNull || bNull)
        return aNull == bNull;
    if (a.isDouble() && b.isDouble())
        return a.toInteger() == b.toInteger();
    return a == b;
}

QString ReferenceModel::withoutYear(const QString &documentNumber)
{
    static const QRegularExpression year(QStringLiteral("^([QC])-\\d{4}-"));
    QString text = documentNumber;
    return text.replace(year, QStringLiteral("\\1-YYYY-"));
}

std::optional<MutationOutcome> ReferenceModel::outcome(const QString &clientId, qint64 mid) const
{
    const auto it = m_outcomes.find({clientId, mid});
    if (it == m_outcomes.end())
        return std::nullopt;
    return it->second;
}

QString ReferenceModel::outcomeSummary() const
{
    std::map<QString, int> counts;
    for (const auto &[key, outcome] : m_outcomes)
        ++counts[outcome.code.isEmpty() ? outcome.status : QStringLiteral("%1 (%2)").arg(outcome.status, outcome.code)];
    QStringList parts;
    for (const auto &[kind, count] : counts)
        parts << QStringLiteral("%1 %2").arg(kind).arg(count);
    return parts.join(QStringLiteral(", "));
}

void ReferenceModel::addClient(const QString &clientId, const QString &userId, bool allRegions)
{
    m_userOfClient[clientId] = userId;
    m_scopes[userId].allRegions = allRegions;
}

void ReferenceModel::changeScope(const QString &userId, const QString &region, bool assigned)
{
    if (assigned)
        m_scopes[userId].regions.insert(region);
    else
        m_scopes[userId].regions.remove(region);
}

MutationOutcome ReferenceModel::apply(const RecordedMutation &m)
{
    const MutationOutcome result = decide(m);
    m_outcomes[{m.clientId, m.mid}] = result;
    return result;
}

MutationOutcome ReferenceModel::decide(const RecordedMutation &m)
{
    const auto found = m_rows.find({m.entity, m.id});
    ModelRow *row = found == m_rows.end() ? nullptr : &found->second;
    if (auto refusal = refuse(m, row))
        return *refusal;
    if (row && row->deleted) // delete beats edit (and a second delete)
        return refused(QStringLiteral("deleted"));
    return documentKind(m.entity) ? applyDocument(m, row) : applyFieldMerge(m, row);
}

// Where the row is and where it goes must both be the user's regions; a row without a region only
// from who sees every region, and only of the entities meant to be company-wide.
std::optional<MutationOutcome> ReferenceModel::refuse(const RecordedMutation &m, const ModelRow *row) const
{
    const UserScope &scope = m_scopes.at(m_userOfClient.at(m.clientId)); // at the time the server took it
    const QString target = m.set.contains(kRegion) ? m.set.value(kRegion).toString() : (row ? row->region : QString());
    const core::EntityDescriptor *entity = core::EntityCatalog::instance().find(m.entity);
    const bool companyWideWriter = scope.allRegions && entity && entity->companyWide;  // no administrator here
    if (target.isEmpty() && !companyWideWriter)
        return refused(QStringLiteral("missing_region"));
    if (row && row->region.isEmpty() && !companyWideWriter)
        return refused(QStringLiteral("out_of_scope"));
    if ((row && !row->region.isEmpty() && !scope.contains(row->region)) || !scope.contains(target))
        return refused(QStringLiteral("out_of_scope"));
    return std::nullopt;
}

MutationOutcome ReferenceModel::applyFieldMerge(const RecordedMutation &m, ModelRow *row)
{
    if (m.remove) {
        if (!row)
            return {QStringLiteral("applied"), {}, 0};
        row->deleted = true;
        return {QStringLiteral("applied"), {}, ++row->version};
    }
    if (!row) {
        m_rows[{m.entity, m.id}] = ModelRow{m.set.value(kRegion).toString(), {}, 1, false, withoutRegion(m.set)};
        return {QStringLiteral("applied"), {}, 1};
    }
    // 3-way merge per field: concurrent = someone else changed it since the user's base.
    bool lostAValue = false;
    const QJsonObject fields = withoutRegion(m.set);
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        const QJsonValue server = row->data.value(it.key());
        const bool concurrent = m.base.contains(it.key()) && !sameValue(m.base.value(it.key()), server)
            && !sameValue(server, it.value());
        if (concurrent && isGuarded(m.entity, it.key()))
            return refused(QStringLiteral("guarded_field"));
        lostAValue = lostAValue || concurrent;
    }
    for (auto it = fields.begin(); it != fields.end(); ++it)
        row->data.insert(it.key(), it.value()); // last to reach the server wins
    if (m.set.contains(kRegion))
        row->region = m.set.value(kRegion).toString();
    if (lostAValue)
        m_conflicts[{m.clientId, m.mid}] = QStringLiteral("merged");
    return {lostAValue ? QStringLiteral("merged") : QStringLiteral("applied"), {}, ++row->version};
}

// The version the user's change was based on: a save made on top of the laptop's own earlier,
// not yet synced save builds on what that save became, if the server took it.
qint64 ReferenceModel::effectiveBaseVersion(const RecordedMutation &m) const
{
    if (m.chainedAfter > 0)
        if (const auto earlier = outcome(m.clientId, m.chainedAfter); earlier && earlier->status == QLatin1String("applied"))
            return earlier->version;
    return m.baseVersion;
}

MutationOutcome ReferenceModel::applyDocument(const RecordedMutation &m, ModelRow *row)
{
    if (row && row->version != effectiveBaseVersion(m)) {
        // Someone else saved it since: the server keeps its copy, a person resolves the conflict.
        m_conflicts[{m.clientId, m.mid}] = QStringLiteral("open");
        return {QStringLiteral("conflict"), QStringLiteral("version_conflict"), row->version};
    }
    const DocumentKind *kind = documentKind(m.entity);
    if (row && !m.remove && kind->immutableStatuses.contains(row->data.value(QStringLiteral("status")).toString()))
        return refused(QStringLiteral("immutable"));
    if (!m.remove)
        return saveDocument(m, row);
    if (!row)
        return {QStringLiteral("applied"), {}, 0};
    row->deleted = true;
    ++row->version;
    writeLines(m, *row, true);
    return {QStringLiteral("applied"), {}, row->version};
}

MutationOutcome ReferenceModel::saveDocument(const RecordedMutation &m, ModelRow *row)
{
    const DocumentKind *kind = documentKind(m.entity);
    ModelRow saved = row ? *row : ModelRow{};
    const QJsonObject fields = withoutRegion(m.set);
    for (auto it = fields.begin(); it != fields.end(); ++it)
        saved.data.insert(it.key(), it.value());
    const QString numberField = QLatin1String(kind->numberField);
    if (saved.data.value(numberField).toString().isEmpty()) // the server numbers documents
        saved.data.insert(numberField, QStringLiteral("%1-YYYY-%2")
                                           .arg(QLatin1String(kind->prefix))
                                           .arg(++m_documentCounters[m.entity], 5, 10, QLatin1Char('0')));
    if (m.set.contains(kRegion))
        saved.region = m.set.value(kRegion).toString();
    ++saved.version;
    m_rows[{m.entity, m.id}] = saved;
    writeLines(m, saved, false);
    return {QStringLiteral("applied"), {}, saved.version};
}

// The mutation carries the complete set of lines: each is written, every other line goes.
void ReferenceModel::writeLines(const RecordedMutation &m, const ModelRow &document, bool deleteAll)
{
    const DocumentKind *kind = documentKind(m.entity);
    const QString lineEntity = QLatin1String(kind->line);
    QSet<QString> kept;
    std::vector<RowKey> before;
    for (const auto &[key, row] : m_rows)
        if (key.first == lineEntity && row.parent == m.id && !row.deleted)
            before.push_back(key);
    for (const RecordedLine &line : m.lines) {
        if (deleteAll)
            break;
        ModelRow &written = m_rows[{lineEntity, line.id}];
        written.data = line.fields;
        written.data.insert(QLatin1String(kind->parentField), m.id);
        written.parent = m.id;
        written.region = document.region;
        written.deleted = false;
        ++written.version;
        kept.insert(line.id);
    }
    for (const RowKey &key : before) {
        if (kept.contains(key.second))
            continue;
        ModelRow &gone = m_rows[key];
        gone.deleted = true;
        ++gone.version;
    }
}

} // namespace vantage::test
