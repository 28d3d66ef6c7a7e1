#include "convergencecheck.h"

#include "localtables.h"

#include "protocol/entitycatalog.h"

#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>

namespace vantage::test {
namespace {

const QStringList kEditedEntities{QStringLiteral("account"), QStringLiteral("opportunity"), QStringLiteral("quote"),
                                  QStringLiteral("quote_line"), QStringLiteral("contract"), QStringLiteral("contract_clause")};

QString text(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

bool isDocumentNumber(const QString &field)
{
    return field == QLatin1String("quote_no") || field == QLatin1String("contract_no");
}

// The first catalog field whose values differ (null and missing are the same), or empty.
QString differingField(const QString &entity, const QJsonObject &a, const QJsonObject &b, bool ignoreYear)
{
    for (const core::EntityField &field : core::EntityCatalog::instance().find(entity)->fields) {
        QJsonValue left = a.value(field.name);
        QJsonValue right = b.value(field.name);
        if (ignoreYear && isDocumentNumber(field.name)) {
            left = ReferenceModel::withoutYear(left.toString());
            right = ReferenceModel::withoutYear(right.toString());
        }
        if (!sameValue(left, right))
            return field.name;
    }
    return {};
}

QString rowText(const QString &region, qint64 version, bool deleted, const QJsonObject &data)
{
    return QStringLiteral("region %1, version %2%3, %4").arg(region).arg(version).arg(deleted ? QStringLiteral(", deleted") : QString(), text(data));
}

QString describeOutcome(const MutationOutcome &outcome)
{
    return outcome.code.isEmpty() ? outcome.status : QStringLiteral("%1 (%2)").arg(outcome.status, outcome.code);
}

} // namespace

ConvergenceCheck::ConvergenceCheck(const std::vector<RecordedMutation> &log, const std::vector<Laptop *> &laptops,
                                   const ServerState &server, std::map<QString, QString> regionIds)
    : m_laptops(laptops), m_server(server), m_regionIds(std::move(regionIds))
{
    for (const RecordedMutation &m : log)
        m_byMid[{m.clientId, m.mid}] = &m;
    for (const Laptop *laptop : laptops)
        m_model.addClient(laptop->clientId(), laptop->userId(), laptop->scope().allRegions);
}

QString ConvergenceCheck::replayInServerOrder()
{
    QSet<QString> ours;
    for (const Laptop *laptop : m_laptops)
        ours.insert(laptop->clientId());
    for (const AuditedEvent &event : m_server.history) {
        if (event.action != QLatin1String("push")) {
            const auto region = m_regionIds.find(event.regionCode);
            if (region == m_regionIds.end())
                return QStringLiteral("the server's history names an unknown region %1").arg(event.regionCode);
            m_model.changeScope(event.userId, region->second, event.action == QLatin1String("region_assigned"));
        } else if (ours.contains(event.clientId)) { // not the administrator's set-up
            if (QString difference = replayPush(event); !difference.isEmpty())
                return difference;
        }
    }
    for (const auto &[key, mutation] : m_byMid)
        if (!m_seen.count(key))
            return QStringLiteral("%1 never reached the server").arg(mutation->describe());
    return {};
}

QString ConvergenceCheck::replayPush(const AuditedEvent &push)
{
    const auto found = m_byMid.find({push.clientId, push.mid});
    if (found == m_byMid.end())
        return QStringLiteral("the server applied mid %1 of client %2, which no user made").arg(push.mid).arg(push.clientId);
    if (!m_seen.insert({push.clientId, push.mid}).second)
        return QStringLiteral("the server applied %1 twice").arg(found->second->describe());
    const RecordedMutation &m = *found->second;
    const auto before = m_model.rows().find({m.entity, m.id});
    const QString rowBefore = before == m_model.rows().end()
        ? QStringLiteral("none")
        : rowText(before->second.region, before->second.version, before->second.deleted, before->second.data);
    const MutationOutcome expected = m_model.apply(m);
    if (expected.status != push.status || expected.code != push.code)
        return QStringLiteral("%1: the server answered %2, the model expects %3\n  set %4, base %5\n  row before: %6")
            .arg(m.describe(), describeOutcome({push.status, push.code, 0}), describeOutcome(expected), text(m.set), text(m.base),
                 rowBefore);
    const auto answer = m_server.answers.find({push.clientId, push.mid});
    if (answer == m_server.answers.end() || answer->second.status != expected.status
        || (expected.status != QLatin1String("rejected") && answer->second.version != expected.version))
        return QStringLiteral("%1: the stored answer is not %2 with version %3").arg(m.describe(), describeOutcome(expected)).arg(expected.version);
    return {};
}

QString ConvergenceCheck::serverRowsMatchModel() const
{
    for (const auto &[key, row] : m_server.rows)
        if (kEditedEntities.contains(key.first) && !m_model.rows().count(key))
            return QStringLiteral("the server has %1 %2 (%3), which the model does not")
                .arg(key.first, key.second, rowText(row.region, row.version, row.deleted, row.data));
    for (const auto &[key, expected] : m_model.rows()) {
        const auto found = m_server.rows.find(key);
        if (found == m_server.rows.end())
            return QStringLiteral("the server lacks %1 %2").arg(key.first, key.second);
        const ServerRow &actual = found->second;
        const QString field = differingField(key.first, expected.data, actual.data, true);
        if (actual.region != expected.region || actual.version != expected.version || actual.deleted != expected.deleted
            || !field.isEmpty())
            return QStringLiteral("%1 %2 differs%3:\n  server: %4\n  model:  %5")
                .arg(key.first, key.second, field.isEmpty() ? QString() : QStringLiteral(" in ") + field,
                     rowText(actual.region, actual.version, actual.deleted, actual.data),
                     rowText(expected.region, expected.version, expected.deleted, expected.data));
    }
    return {};
}

QString ConvergenceCheck::conflictsMatchModel() const
{
    for (const auto &[key, conflict] : m_server.conflicts) {
        if (!m_byMid.count(key))
            continue; // not one of the harness's laptops
        const auto expected = m_model.conflicts().find(key);
        if (expected == m_model.conflicts().end() || expected->second != conflict.status)
            return QStringLiteral("the server recorded a %1 conflict for %2; the model expects %3")
                .arg(conflict.status, m_byMid.at(key)->describe(),
                     expected == m_model.conflicts().end() ? QStringLiteral("none") : expected->second);
    }
    for (const auto &[key, status] : m_model.conflicts())
        if (!m_server.conflicts.count(key))
            return QStringLiteral("the model expects a %1 conflict for %2; the server has none").arg(status, m_byMid.at(key)->describe());
    return {};
}

QString ConvergenceCheck::outboxesMatchModel() const
{
    for (const Laptop *laptop : m_laptops)
        if (QString difference = outboxMatches(*laptop); !difference.isEmpty())
            return difference;
    return {};
}

QString ConvergenceCheck::outboxMatches(const Laptop &laptop) const
{
    QSqlQuery q(laptop.db());
    q.exec(QStringLiteral("SELECT mid, state, result_code, result_message FROM outbox ORDER BY mid"));
    std::map<qint64, std::pair<QString, QString>> entries;
    while (q.next()) {
        entries[q.value(0).toLongLong()] = {q.value(1).toString(), q.value(2).toString()};
        const auto recorded = m_byMid.find({laptop.clientId(), q.value(0).toLongLong()});
        if (recorded == m_byMid.end())
            return QStringLiteral("%1's outbox holds mid %2, which the harness never made").arg(laptop.name()).arg(q.value(0).toLongLong());
        if (q.value(1).toString() == QLatin1String("pending"))
            return QStringLiteral("%1 still has %2 pending").arg(laptop.name(), recorded->second->describe());
        if (q.value(3).toString().isEmpty()) // the user is told why
            return QStringLiteral("%1 keeps %2 refused without a message").arg(laptop.name(), recorded->second->describe());
    }
    for (const auto &[key, mutation] : m_byMid) {
        if (key.first != laptop.clientId())
            continue;
        const MutationOutcome expected = m_model.outcome(key.first, key.second).value_or(MutationOutcome{});
        const bool refused = expected.status == QLatin1String("rejected") || expected.status == QLatin1String("conflict");
        const auto entry = entries.find(key.second);
        if (!refused && entry != entries.end())
            return QStringLiteral("%1: answered %2 but still in %3's outbox").arg(mutation->describe(), expected.status, laptop.name());
        if (refused && (entry == entries.end() || entry->second.first != expected.status || entry->second.second != expected.code))
            return QStringLiteral("%1: refused (%2) but %3's outbox %4")
                .arg(mutation->describe(), describeOutcome(expected), laptop.name(),
                     entry == entries.end() ? QStringLiteral("lost it")
                                            : QStringLiteral("says %1 (%2)").arg(entry->second.first, entry->second.second));
    }
    return {};
}

QString ConvergenceCheck::laptopsMatchServer() const
{
    for (const Laptop *laptop : m_laptops)
        for (const core::EntityDescriptor &entity : core::EntityCatalog::instance().entities())
            if (QString difference = laptopMatches(*laptop, entity.name); !difference.isEmpty())
                return difference;
    return {};
}

// Live rows in the laptop's regions: present with the same version, region and fields. Deleted
// ones: gone or a tombstone. Anything else on the laptop: a row it must not have.
QString ConvergenceCheck::laptopMatches(const Laptop &laptop, const QString &entity) const
{
    std::map<QString, TableRow> local;
    for (TableRow &row : LocalTables(laptop.db()).rows(entity))
        local[row.id] = std::move(row);
    for (const auto &[key, server] : m_server.rows) {
        if (key.first != entity || !laptop.scope().canSee(server.region))
            continue;
        const auto found = local.find(key.second);
        const TableRow *mine = found == local.end() ? nullptr : &found->second;
        const QString where = QStringLiteral("%1: %2 %3").arg(laptop.name(), entity, key.second);
        if (server.deleted) {
            if (mine && !mine->deleted)
                return where + QStringLiteral(" was deleted on the server but the laptop still shows it");
        } else if (!mine) {
            return where + QStringLiteral(" is missing on the laptop (server: %1)").arg(rowText(server.region, server.version, false, server.data));
        } else if (const QString field = differingField(entity, server.data, mine->fields, false);
                   mine->deleted || mine->version != server.version || mine->region != server.region || !field.isEmpty()) {
            return where + QStringLiteral(" differs%1:\n  server: %2\n  laptop: %3")
                               .arg(field.isEmpty() ? QString() : QStringLiteral(" in ") + field,
                                    rowText(server.region, server.version, false, server.data),
                                    rowText(mine->region, mine->version, mine->deleted, mine->fields));
        }
        if (mine)
            local.erase(found);
    }
    if (!local.empty()) {
        const TableRow &extra = local.begin()->second;
        return QStringLiteral("%1: %2 %3 is on the laptop but not on the server within its regions (%4)")
            .arg(laptop.name(), entity, extra.id, rowText(extra.region, extra.version, extra.deleted, extra.fields));
    }
    return {};
}

} // namespace vantage::test
