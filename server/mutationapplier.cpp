#include "mutationapplier.h"

#include "domain/uuid7.h"
#include "storage/sql.h"

#include <QDateTime>

namespace vantage::server {
namespace {

using core::ConflictPolicy;
using core::EntityDescriptor;
using core::Mutation;
using core::MutationResult;

const QString kRegion = QStringLiteral("region_id");

bool isImmutable(const QString &entity, const QString &status)
{
    static const QStringList sentQuote{QStringLiteral("sent"), QStringLiteral("accepted"), QStringLiteral("rejected"),
                                       QStringLiteral("expired"), QStringLiteral("archived")};
    static const QStringList signedContract{QStringLiteral("signed"), QStringLiteral("archived"),
                                            QStringLiteral("terminated")};
    return entity == QLatin1String("quote") ? sentQuote.contains(status) : signedContract.contains(status);
}

QJsonObject withoutRegion(QJsonObject fields)
{
    fields.remove(kRegion);
    return fields;
}

// A field the row was never given is null on every laptop (its column is NULL), so a missing field
// and null are the same value here; otherwise a first value typed into an empty field counted as
// a concurrent change (and was refused outright for a guarded field such as an account's owner).
QJsonValue fieldValue(const QJsonObject &fields, const QString &name)
{
    const QJsonValue value = fields.value(name);
    return value.isUndefined() ? QJsonValue(QJsonValue::Null) : value;
}

// Deleting a row the server never had: done, nothing to write.
ApplyOutcome nothingToDelete(qint64 mid)
{
    MutationResult result;
    result.mid = mid;
    result.status = QStringLiteral("applied");
    return {result, {}, {}};
}

// The region the row will have after the mutation.
QString regionAfter(const Mutation &m, const StoredRow &server)
{
    if (m.set.contains(kRegion))
        return m.set.value(kRegion).toString();
    return server.regionId;
}

} // namespace

MutationResult rejected(qint64 mid, const QString &code, const QString &message)
{
    MutationResult result;
    result.mid = mid;
    result.status = QStringLiteral("rejected");
    result.code = code;
    result.message = message;
    return result;
}

std::optional<MutationResult> MutationApplier::refuse(const EntityDescriptor &entity, const Mutation &m,
                                                      const StoredRow &server) const
{
    if (m.handlerVersion() != 1)
        return rejected(m.mid, QStringLiteral("unsupported_version"),
                        QStringLiteral("This server does not know %1; update the server.").arg(m.name));
    if (entity.isChild())
        return rejected(m.mid, QStringLiteral("invalid"),
                        QStringLiteral("%1 rows are saved with their %2.").arg(entity.name, entity.parentEntity));
    if (entity.policy == ConflictPolicy::ServerOwned && !m_session.isAdmin())
        return rejected(m.mid, QStringLiteral("read_only"),
                        QStringLiteral("Only an administrator can change %1 records.").arg(entity.name));
    const QString after = regionAfter(m, server);
    // A row without a region is company-wide. Administrators may write any; directors (who see every
    // region) those of the entities meant to be company-wide, e.g. a funnel alert rule for all
    // regions; nobody else either writes one or takes an existing one into their region.
    const bool companyWideWriter = m_session.isAdmin() || (entity.companyWide && m_session.scope.allRegions);
    if (after.isEmpty() && !companyWideWriter)
        return rejected(m.mid, QStringLiteral("missing_region"), QStringLiteral("The record needs a region."));
    if (server.exists && server.regionId.isEmpty() && !companyWideWriter)
        return rejected(m.mid, QStringLiteral("out_of_scope"), QStringLiteral("Only a director or administrator changes a company-wide record."));
    // Both where the row is and where it goes must be the caller's, whatever the request says.
    if ((server.exists && !server.regionId.isEmpty() && !m_session.scope.contains(server.regionId))
        || (!after.isEmpty() && !m_session.scope.contains(after)))
        return rejected(m.mid, QStringLiteral("out_of_scope"),
                        QStringLiteral("The record belongs to a region you do not have access to."));
    return std::nullopt;
}

core::Result<ApplyOutcome> MutationApplier::apply(const Mutation &m) const
{
    const EntityDescriptor *entity = core::EntityCatalog::instance().find(m.entity());
    if (!entity)
        return ApplyOutcome{rejected(m.mid, QStringLiteral("invalid"), QStringLiteral("Unknown record type.")), {}, {}};
    auto server = m_store.load(entity->name, m.id, true);
    if (!server)
        return server.error();
    if (auto refusal = refuse(*entity, m, server.value()))
        return ApplyOutcome{*refusal, {}, {}};
    if (entity->policy == ConflictPolicy::Document)
        return applyDocument(*entity, m, server.value());
    return applyFieldMerge(*entity, m, server.value());
}

core::Result<ApplyOutcome> MutationApplier::applyFieldMerge(const EntityDescriptor &entity, const Mutation &m,
                                                            const StoredRow &server) const
{
    ApplyOutcome outcome;
    MutationResult &result = outcome.result;
    result.mid = m.mid;
    if (server.exists && server.deleted) // delete beats edit
        return ApplyOutcome{rejected(m.mid, QStringLiteral("deleted"), QStringLiteral("The record was deleted on the server.")), {}, {}};
    StoredRow row = server;
    if (m.action() == QLatin1String("delete")) {
        if (!server.exists)
            return nothingToDelete(m.mid);
        row.deleted = true;
    } else if (!server.exists) {
        if (auto complete = core::validateFields(entity.name, withoutRegion(m.set), true, QStringLiteral("set")); !complete)
            return ApplyOutcome{rejected(m.mid, QStringLiteral("invalid"), complete.error().detail), {}, {}};
        row.data = withoutRegion(m.set);
    } else {
        QJsonObject lost;
        for (auto it = m.set.begin(); it != m.set.end(); ++it) {
            if (it.key() == kRegion)
                continue;
            const QJsonValue current = fieldValue(server.data, it.key());
            const bool concurrent = m.base.contains(it.key()) && fieldValue(m.base, it.key()) != current && current != it.value();
            if (concurrent && entity.guardedFields.contains(it.key())) {
                MutationResult refusal = rejected(m.mid, QStringLiteral("guarded_field"),
                                                  QStringLiteral("Someone else changed %1 meanwhile; check the current value and "
                                                                 "change it again.").arg(it.key()));
                refusal.field = it.key(); // the client names the field in the user's language
                return ApplyOutcome{refusal, {}, {}};
            }
            if (concurrent) // last to reach the server wins; the other value is kept in history
                lost.insert(it.key(), server.data.value(it.key()));
            row.data.insert(it.key(), it.value());
        }
        if (!lost.isEmpty()) {
            result.status = QStringLiteral("merged");
            outcome.conflicts.push_back({core::Uuid7Generator::generate(), entity.name, m.id, server.regionId, lost,
                                         withoutRegion(m.set), QStringLiteral("merged")});
        }
    }
    row.regionId = regionAfter(m, server);
    row.version = server.version + 1;
    row.exists = true;
    if (result.status.isEmpty())
        result.status = QStringLiteral("applied");
    result.version = row.version;
    outcome.writes.push_back({row, server.regionId, server.exists});
    return outcome;
}

core::Result<QString> MutationApplier::nextDocumentNumber(const QString &entity) const
{
    const int year = QDateTime::fromMSecsSinceEpoch(m_nowMs, Qt::UTC).date().year();
    const core::Sql sql(m_db);
    auto next = sql.scalar(QStringLiteral("INSERT INTO document_counter (kind, year, next) VALUES (?, ?, 2) "
                                          "ON CONFLICT (kind, year) DO UPDATE SET next = document_counter.next + 1 "
                                          "RETURNING next - 1"),
                           {entity, year});
    if (!next)
        return next.error();
    const QString prefix = entity == QLatin1String("quote") ? QStringLiteral("Q") : QStringLiteral("C");
    return QStringLiteral("%1-%2-%3").arg(prefix).arg(year).arg(next.value().toLongLong(), 5, 10, QLatin1Char('0'));
}

core::Result<ApplyOutcome> MutationApplier::applyDocument(const EntityDescriptor &entity, const Mutation &m,
                                                          const StoredRow &server) const
{
    ApplyOutcome outcome;
    outcome.result.mid = m.mid;
    if (server.exists && server.deleted)
        return ApplyOutcome{rejected(m.mid, QStringLiteral("deleted"), QStringLiteral("The document was deleted on the server.")), {}, {}};
    if (server.exists && server.version != m.baseVersion) {
        // Someone saved this document since the client last saw it: keep the server's copy and let
        // a person choose (conflicts page). Both copies go into the conflict record.
        QJsonObject serverCopy{{QStringLiteral("row"), server.data}, {QStringLiteral("version"), server.version}};
        // Lines in the shape a resolution sends back, so "keep mine" can return them as they are.
        QJsonObject clientCopy{{QStringLiteral("set"), withoutRegion(m.set)}, {QStringLiteral("baseVersion"), m.baseVersion},
                               {QStringLiteral("children"), core::childrenJson(m.children)}};
        const QString id = core::Uuid7Generator::generate();
        outcome.conflicts.push_back({id, entity.name, m.id, server.regionId, serverCopy, clientCopy, QStringLiteral("open")});
        outcome.result.status = QStringLiteral("conflict");
        outcome.result.conflictId = id;
        outcome.result.version = server.version;
        outcome.result.code = QStringLiteral("version_conflict");
        outcome.result.message = QStringLiteral("The document was changed on the server since you last synced.");
        return outcome;
    }
    const QString statusField = QStringLiteral("status");
    if (server.exists && isImmutable(entity.name, server.data.value(statusField).toString()) && m.action() == QLatin1String("save"))
        return ApplyOutcome{rejected(m.mid, QStringLiteral("immutable"),
                                     QStringLiteral("A sent or signed document cannot be changed; create a new revision.")),
                            {}, {}};
    StoredRow row = server;
    const bool deleting = m.action() == QLatin1String("delete");
    // Another document's line (another region's, perhaps) is refused, never moved here; checked
    // before anything is numbered or written.
    auto foreign = foreignLine(m);
    if (!foreign)
        return foreign.error();
    if (!deleting && !foreign.value().isEmpty())
        return ApplyOutcome{rejected(m.mid, QStringLiteral("invalid"),
                                     QStringLiteral("The line %1 belongs to another document.").arg(foreign.value())),
                            {}, {}};
    if (deleting) {
        if (!server.exists)
            return nothingToDelete(m.mid);
        row.deleted = true;
    } else {
        QJsonObject data = server.exists ? server.data : QJsonObject();
        const QJsonObject set = withoutRegion(m.set);
        for (auto it = set.begin(); it != set.end(); ++it)
            data.insert(it.key(), it.value());
        if (auto complete = core::validateFields(entity.name, data, true, QStringLiteral("set")); !complete)
            return ApplyOutcome{rejected(m.mid, QStringLiteral("invalid"), complete.error().detail), {}, {}};
        const QString numberField = entity.name == QLatin1String("quote") ? QStringLiteral("quote_no") : QStringLiteral("contract_no");
        if (data.value(numberField).toString().isEmpty()) {
            auto number = nextDocumentNumber(entity.name);
            if (!number)
                return number.error();
            data.insert(numberField, number.value());
        }
        outcome.result.documentNumber = data.value(numberField).toString();
        row.data = data;
    }
    row.regionId = regionAfter(m, server);
    row.version = server.version + 1;
    row.exists = true;
    outcome.writes.push_back({row, server.regionId, server.exists});
    if (auto children = writeChildren(entity, m, row, deleting, outcome); !children)
        return children.error();
    outcome.result.status = QStringLiteral("applied");
    outcome.result.version = row.version;
    return outcome;
}

// The first line the mutation names that exists under another document ("" when none).
core::Result<QString> MutationApplier::foreignLine(const Mutation &m) const
{
    for (const core::ChildRow &child : m.children) {
        auto current = m_store.load(child.entity, child.id, false);
        if (!current)
            return current.error();
        if (current.value().exists && current.value().parentId != m.id)
            return child.id;
    }
    return QString();
}

core::Status MutationApplier::writeChildren(const EntityDescriptor &document, const Mutation &m, const StoredRow &saved,
                                            bool deleteAll, ApplyOutcome &outcome) const
{
    for (const EntityDescriptor *childEntity : core::EntityCatalog::instance().childrenOf(document.name)) {
        auto existing = m_store.children(childEntity->name, saved.id, true);
        if (!existing)
            return existing.error();
        QSet<QString> kept;
        for (const core::ChildRow &child : m.children) {
            if (deleteAll || child.entity != childEntity->name || child.deleted)
                continue;
            auto current = m_store.load(child.entity, child.id, true);
            if (!current)
                return current.error();
            StoredRow row = current.value();
            row.data = child.fields;
            row.data.insert(childEntity->parentField, saved.id); // a line always belongs to its document
            row.parentId = saved.id;
            row.regionId = saved.regionId;
            row.deleted = false;
            row.version = current.value().version + 1;
            row.exists = true;
            outcome.writes.push_back({row, current.value().regionId, current.value().exists});
            kept.insert(child.id);
        }
        // The mutation carries the complete set of lines: any other line of the document is gone.
        for (const StoredRow &old : existing.value()) {
            if (kept.contains(old.id))
                continue;
            StoredRow row = old;
            row.deleted = true;
            row.version = old.version + 1;
            outcome.writes.push_back({row, old.regionId, true});
        }
    }
    return {};
}

} // namespace vantage::server
