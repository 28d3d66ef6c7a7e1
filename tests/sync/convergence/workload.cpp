#include "workload.h"

#include "domain/uuid7.h"
#include "sync/recordeditor.h"

#include <QDate>

namespace vantage::test {
namespace {

const QString kRegion = QStringLiteral("region_id");
constexpr qint64 kCreatedAt = 1795000000000; // fixed: the harness never depends on today's date
constexpr int kHotRows = 6;

QString lineEntityOf(const QString &document)
{
    return document == QLatin1String("quote") ? QStringLiteral("quote_line") : QStringLiteral("contract_clause");
}

QString parentFieldOf(const QString &document)
{
    return document == QLatin1String("quote") ? QStringLiteral("quote_id") : QStringLiteral("contract_id");
}

std::vector<core::ChildRow> childRows(const std::vector<RecordedLine> &lines)
{
    std::vector<core::ChildRow> rows;
    for (const RecordedLine &line : lines)
        rows.push_back({line.entity, line.id, line.fields, false});
    return rows;
}

} // namespace

Workload::Workload(quint64 seed, Regions regions, std::vector<RecordedMutation> &log)
    : m_random(seed), m_regions(std::move(regions)), m_log(log)
{
}

bool Workload::editOffline(Laptop &laptop, int count, QString *error)
{
    for (int i = 0; i < count; ++i)
        if (oneChange(laptop, error) == Step::Failed)
            return false;
    return true;
}

Workload::Step Workload::oneChange(Laptop &laptop, QString *error)
{
    using Maker = std::function<Step(Change &)>;
    const std::vector<std::pair<int, Maker>> menu{
        {6, [&](Change &c) { return createAccount(laptop, c); }},
        {8, [&](Change &c) { return createOpportunity(laptop, c); }},
        {14, [&](Change &c) { return editFields(laptop, QStringLiteral("account"), c); }},
        {22, [&](Change &c) { return editFields(laptop, QStringLiteral("opportunity"), c); }},
        {2, [&](Change &c) { return deleteRow(laptop, QStringLiteral("account"), c); }},
        {3, [&](Change &c) { return deleteRow(laptop, QStringLiteral("opportunity"), c); }},
        {5, [&](Change &c) { return createDocument(laptop, QStringLiteral("quote"), c); }},
        {12, [&](Change &c) { return editDocument(laptop, QStringLiteral("quote"), c); }},
        {2, [&](Change &c) { return sendQuote(laptop, c); }},
        {2, [&](Change &c) { return deleteRow(laptop, QStringLiteral("quote"), c); }},
        {3, [&](Change &c) { return createDocument(laptop, QStringLiteral("contract"), c); }},
        {6, [&](Change &c) { return editDocument(laptop, QStringLiteral("contract"), c); }},
        {1, [&](Change &c) { return deleteRow(laptop, QStringLiteral("contract"), c); }},
        {8, [&](Change &c) { return moveRow(laptop, c); }},
    };
    int total = 0;
    for (const auto &entry : menu)
        total += entry.first;
    int draw = below(total);
    size_t choice = 0;
    while (draw >= menu[choice].first)
        draw -= menu[choice++].first;
    Change change;
    Step step = menu[choice].second(change);
    if (step == Step::NotApplicable) { // nothing to edit yet: a new record instead
        change = {};
        step = createOpportunity(laptop, change);
    }
    return step == Step::Done ? record(laptop, change, error) : step;
}

// Runs the edit and checks it left exactly one new outbox entry, whose mid the record takes.
Workload::Step Workload::record(Laptop &laptop, Change &change, QString *error)
{
    const LocalTables tables(laptop.db());
    RecordedMutation &m = change.mutation;
    const qint64 before = tables.lastOutboxMid();
    if (auto edited = change.edit(); !edited) {
        *error = QStringLiteral("%1 on %2 failed: %3").arg(change.kind, laptop.name(), edited.error().message);
        return Step::Failed;
    }
    const qint64 after = tables.lastOutboxMid();
    if (after != before + 1) {
        *error = QStringLiteral("%1 on %2 made %3 outbox entries, expected 1").arg(change.kind, laptop.name()).arg(after - before);
        return Step::Failed;
    }
    m.clientId = laptop.clientId();
    m.mid = after;
    if (core::EntityCatalog::instance().find(m.entity)->policy == core::ConflictPolicy::Document)
        m.chainedAfter = laptop.unsyncedChange(m.id);
    laptop.noteChange(m.id, m.mid);
    m_log.push_back(m);
    ++m_kinds[change.kind];
    return Step::Done;
}

QString Workload::pickRegion(const Laptop &laptop)
{
    const QStringList regions = laptop.regions();
    return regions.at(below(static_cast<int>(regions.size())));
}

QString Workload::currencyOf(const QString &region) const
{
    return region == m_regions.east ? QStringLiteral("CNY") : QStringLiteral("SGD");
}

QString Workload::date(int offset) const
{
    return QDate(2026, 1, 5).addDays(offset % 900).toString(Qt::ISODate);
}

// A live row this laptop shows; most picks go to the first few ids, where laptops collide.
std::optional<TableRow> Workload::pickRow(Laptop &laptop, const QString &entity, const QString &where, const QVariantList &values)
{
    const std::vector<TableRow> rows = LocalTables(laptop.db()).rows(
        entity, QStringLiteral("deleted = 0") + (where.isEmpty() ? QString() : QStringLiteral(" AND ") + where), values);
    if (rows.empty())
        return std::nullopt;
    const int size = static_cast<int>(rows.size());
    return rows[static_cast<size_t>(chance(0.6) ? below(std::min(size, kHotRows)) : below(size))];
}

Workload::Step Workload::createAccount(Laptop &laptop, Change &change)
{
    const int serial = ++m_serial;
    const QString region = pickRegion(laptop);
    static const char *const kinds[] = {"customer", "dealer", "prospect"};
    QJsonObject fields{{QStringLiteral("kind"), QLatin1String(kinds[below(3)])},
                       {QStringLiteral("name"), QStringLiteral("Account %1").arg(serial)},
                       {QStringLiteral("payment_terms_days"), 30 + below(4) * 15},
                       {QStringLiteral("created_at"), kCreatedAt + serial}};
    // Optional fields are sometimes left out, as a quick entry form would: a first value later is
    // then an edit of a field the server has never seen.
    if (chance(0.5))
        fields.insert(QStringLiteral("city"), QStringLiteral("City %1").arg(serial));
    if (chance(0.5))
        fields.insert(QStringLiteral("owner_id"), laptop.userId());
    change.kind = QStringLiteral("create account");
    change.mutation.entity = QStringLiteral("account");
    change.mutation.set = fields;
    change.mutation.set.insert(kRegion, region);
    change.edit = [&laptop, &change, region, fields]() -> core::Status {
        auto id = sync::RecordEditor(laptop.db()).create(QStringLiteral("account"), region, fields);
        if (!id)
            return id.error();
        change.mutation.id = id.value();
        return {};
    };
    return Step::Done;
}

Workload::Step Workload::createOpportunity(Laptop &laptop, Change &change)
{
    const int serial = ++m_serial;
    const QString region = pickRegion(laptop);
    QJsonObject fields{{QStringLiteral("name"), QStringLiteral("Opportunity %1").arg(serial)},
                       {QStringLiteral("owner_id"), laptop.userId()},
                       {QStringLiteral("stage_code"), QStringLiteral("prospecting")},
                       {QStringLiteral("amount_minor"), 100000 + serial * 13},
                       {QStringLiteral("currency"), currencyOf(region)},
                       {QStringLiteral("expected_close_on"), date(serial)},
                       {QStringLiteral("created_at"), kCreatedAt + serial}};
    if (auto account = pickRow(laptop, QStringLiteral("account"), QStringLiteral("region_id = ?"), {region}); account && chance(0.7))
        fields.insert(QStringLiteral("account_id"), account->id);
    change.kind = QStringLiteral("create opportunity");
    change.mutation.entity = QStringLiteral("opportunity");
    change.mutation.set = fields;
    change.mutation.set.insert(kRegion, region);
    change.edit = [&laptop, &change, region, fields]() -> core::Status {
        auto id = sync::RecordEditor(laptop.db()).create(QStringLiteral("opportunity"), region, fields);
        if (!id)
            return id.error();
        change.mutation.id = id.value();
        return {};
    };
    return Step::Done;
}

QJsonValue Workload::freshValue(Laptop &laptop, const QString &entity, const QString &field, const QJsonValue &current)
{
    const int serial = ++m_serial;
    if (field == QLatin1String("name"))
        return QStringLiteral("%1 %2 by %3").arg(entity).arg(serial).arg(laptop.name());
    if (field == QLatin1String("city"))
        return QStringLiteral("City %1").arg(serial);
    if (field == QLatin1String("employees"))
        return 10 + serial;
    if (field == QLatin1String("amount_minor"))
        return 100000 + serial * 13;
    if (field == QLatin1String("expected_close_on") || field == QLatin1String("closed_on"))
        return date(serial) == current.toString() ? date(serial + 1) : date(serial);
    QStringList choices;
    if (field == QLatin1String("stage_code"))
        choices = {QStringLiteral("prospecting"), QStringLiteral("won"), QStringLiteral("lost")};
    if (field == QLatin1String("owner_id"))
        for (const TableRow &user : LocalTables(laptop.db()).rows(QStringLiteral("app_user"), QStringLiteral("deleted = 0")))
            choices << user.id;
    choices.removeAll(current.toString());
    return choices.isEmpty() ? QJsonValue() : QJsonValue(choices.at(below(static_cast<int>(choices.size()))));
}

// One or two fields of a live account or opportunity; guarded fields come up about a third of the time.
Workload::Step Workload::editFields(Laptop &laptop, const QString &entity, Change &change)
{
    const std::optional<TableRow> row = pickRow(laptop, entity);
    if (!row)
        return Step::NotApplicable;
    const QStringList pool = entity == QLatin1String("account")
        ? QStringList{QStringLiteral("name"), QStringLiteral("city"), QStringLiteral("employees"), QStringLiteral("owner_id")}
        : QStringList{QStringLiteral("name"), QStringLiteral("expected_close_on"), QStringLiteral("closed_on"),
                      QStringLiteral("stage_code"), QStringLiteral("amount_minor"), QStringLiteral("owner_id")};
    QJsonObject changes;
    QJsonObject base;
    const int fieldCount = chance(0.3) ? 2 : 1;
    for (int i = 0; i < fieldCount; ++i) {
        const QString field = pool.at(below(static_cast<int>(pool.size())));
        const QJsonValue value = freshValue(laptop, entity, field, row->fields.value(field));
        if (value.isNull() || changes.contains(field))
            continue;
        changes.insert(field, value);
        base.insert(field, row->fields.value(field)); // what the user saw before typing
    }
    if (changes.isEmpty())
        return Step::NotApplicable;
    change.kind = QStringLiteral("edit ") + entity;
    change.mutation = {{}, 0, entity, row->id, false, changes, base, 0, 0, {}};
    change.edit = [&laptop, entity, id = row->id, changes] { return sync::RecordEditor(laptop.db()).update(entity, id, changes); };
    return Step::Done;
}

Workload::Step Workload::deleteRow(Laptop &laptop, const QString &entity, Change &change)
{
    const bool document = entity == QLatin1String("quote") || entity == QLatin1String("contract");
    const std::optional<TableRow> row = pickRow(laptop, entity, document ? QStringLiteral("status = 'draft'") : QString());
    if (!row)
        return Step::NotApplicable;
    change.kind = QStringLiteral("delete ") + entity;
    change.mutation = {{}, 0, entity, row->id, true, {}, {}, document ? row->version : 0, 0, {}};
    change.edit = [&laptop, entity, id = row->id] { return sync::RecordEditor(laptop.db()).remove(entity, id); };
    return Step::Done;
}

QJsonObject Workload::newLine(const QString &entity, int number)
{
    const int serial = ++m_serial;
    if (entity == QLatin1String("quote")) {
        const int quantity = 1 + below(5);
        const int price = 5000 + below(100) * 100;
        return {{QStringLiteral("line_no"), number}, {QStringLiteral("description"), QStringLiteral("Item %1").arg(serial)},
                {QStringLiteral("quantity"), quantity}, {QStringLiteral("unit_price_minor"), price},
                {QStringLiteral("amount_minor"), quantity * price}, {QStringLiteral("discount_bp"), 0},
                {QStringLiteral("tax_rate_bp"), 0}};
    }
    return {{QStringLiteral("clause_no"), number}, {QStringLiteral("kind"), QStringLiteral("standard")},
            {QStringLiteral("title"), QStringLiteral("Clause %1").arg(serial)},
            {QStringLiteral("body"), QStringLiteral("Terms %1").arg(serial)}, {QStringLiteral("mandatory"), false}};
}

// The user's save: the header fields typed and the complete set of lines, in one mutation.
void Workload::saveDocumentChange(Laptop &laptop, Change &change, const QString &region, const QJsonObject &fields,
                                  const std::vector<RecordedLine> &lines)
{
    RecordedMutation &m = change.mutation;
    m.set = fields;
    m.set.insert(kRegion, region);
    m.lines = lines;
    change.edit = [&laptop, &change, region, fields, lines]() -> core::Status {
        RecordedMutation &saved = change.mutation;
        auto id = sync::RecordEditor(laptop.db()).saveDocument(saved.entity, saved.id, region, fields, childRows(lines));
        if (!id)
            return id.error();
        saved.id = id.value();
        for (RecordedLine &line : saved.lines) // a line always belongs to its document
            line.fields.insert(parentFieldOf(saved.entity), saved.id);
        return {};
    };
}

Workload::Step Workload::createDocument(Laptop &laptop, const QString &entity, Change &change)
{
    const int serial = ++m_serial;
    const QString region = pickRegion(laptop);
    const std::optional<TableRow> account = pickRow(laptop, QStringLiteral("account"), QStringLiteral("region_id = ?"), {region});
    QJsonObject fields{{QStringLiteral("account_id"), account ? account->id : core::Uuid7Generator::generate()},
                       {QStringLiteral("owner_id"), laptop.userId()}, {QStringLiteral("status"), QStringLiteral("draft")},
                       {QStringLiteral("currency"), currencyOf(region)}, {QStringLiteral("revision"), 1},
                       {QStringLiteral("language"), QStringLiteral("en")}, {QStringLiteral("created_at"), kCreatedAt + serial}};
    if (entity == QLatin1String("quote")) {
        for (const char *money : {"subtotal_minor", "discount_minor", "tax_minor", "total_minor"})
            fields.insert(QLatin1String(money), 0);
        fields.insert(QStringLiteral("notes"), QStringLiteral("Quote %1").arg(serial));
    } else {
        fields.insert(QStringLiteral("total_minor"), 0);
        fields.insert(QStringLiteral("starts_on"), date(serial));
    }
    std::vector<RecordedLine> lines;
    for (int number = 1, count = 1 + below(3); number <= count; ++number)
        lines.push_back({lineEntityOf(entity), core::Uuid7Generator::generate(), newLine(entity, number)});
    change.kind = QStringLiteral("create ") + entity;
    change.mutation.entity = entity;
    saveDocumentChange(laptop, change, region, fields, lines);
    return Step::Done;
}

// Changes some lines: one edited, one added or one removed (never the last).
std::vector<RecordedLine> Workload::editedLines(const QString &entity, std::vector<RecordedLine> lines)
{
    const int action = below(3);
    if (action == 0 && !lines.empty()) {
        QJsonObject &fields = lines[static_cast<size_t>(below(static_cast<int>(lines.size())))].fields;
        if (entity == QLatin1String("quote")) {
            const qint64 quantity = fields.value(QStringLiteral("quantity")).toInteger() + 1;
            fields.insert(QStringLiteral("quantity"), quantity);
            fields.insert(QStringLiteral("amount_minor"), quantity * fields.value(QStringLiteral("unit_price_minor")).toInteger());
        } else {
            fields.insert(QStringLiteral("body"), QStringLiteral("Terms %1").arg(++m_serial));
        }
    } else if (action == 1 || lines.size() < 2) {
        lines.push_back({lineEntityOf(entity), core::Uuid7Generator::generate(), newLine(entity, static_cast<int>(lines.size()) + 1)});
    } else {
        lines.erase(lines.begin() + below(static_cast<int>(lines.size())));
    }
    return lines;
}

Workload::Step Workload::editDocument(Laptop &laptop, const QString &entity, Change &change)
{
    const std::optional<TableRow> row = pickRow(laptop, entity, QStringLiteral("status = 'draft'"));
    if (!row)
        return Step::NotApplicable;
    std::vector<RecordedLine> lines;
    for (const TableRow &line : LocalTables(laptop.db()).rows(lineEntityOf(entity),
                                                              parentFieldOf(entity) + QStringLiteral(" = ? AND deleted = 0"), {row->id}))
        lines.push_back({lineEntityOf(entity), line.id, line.fields});
    QJsonObject fields;
    const bool header = chance(0.6);
    if (header && entity == QLatin1String("quote")) {
        if (chance(0.5))
            fields.insert(QStringLiteral("notes"), QStringLiteral("Notes %1").arg(++m_serial));
        else
            fields.insert(QStringLiteral("valid_until"), date(++m_serial));
    }
    if (header && entity == QLatin1String("contract"))
        fields.insert(QStringLiteral("ends_on"), date(++m_serial + 365));
    if (!header || chance(0.5))
        lines = editedLines(entity, lines);
    change.kind = QStringLiteral("edit ") + entity;
    change.mutation = {{}, 0, entity, row->id, false, {}, {}, row->version, 0, {}};
    saveDocumentChange(laptop, change, row->region, fields, lines);
    return Step::Done;
}

Workload::Step Workload::sendQuote(Laptop &laptop, Change &change)
{
    const std::optional<TableRow> row = pickRow(laptop, QStringLiteral("quote"), QStringLiteral("status = 'draft'"));
    if (!row)
        return Step::NotApplicable;
    std::vector<RecordedLine> lines;
    for (const TableRow &line : LocalTables(laptop.db()).rows(QStringLiteral("quote_line"), QStringLiteral("quote_id = ? AND deleted = 0"), {row->id}))
        lines.push_back({QStringLiteral("quote_line"), line.id, line.fields});
    change.kind = QStringLiteral("send quote");
    change.mutation = {{}, 0, QStringLiteral("quote"), row->id, false, {}, {}, row->version, 0, {}};
    saveDocumentChange(laptop, change, row->region, {{QStringLiteral("status"), QStringLiteral("sent")}}, lines);
    return Step::Done;
}

// A manager (or the director) moves a row to their other region: laptops that only see the old
// region must drop it.
Workload::Step Workload::moveRow(Laptop &laptop, Change &change)
{
    if (!laptop.movesRows())
        return Step::NotApplicable;
    static const char *const entities[] = {"account", "opportunity", "quote"};
    const QString entity = QLatin1String(entities[below(3)]);
    const bool document = entity == QLatin1String("quote");
    const std::optional<TableRow> row = pickRow(laptop, entity, document ? QStringLiteral("status = 'draft'") : QString());
    if (!row)
        return Step::NotApplicable;
    const QString target = row->region == m_regions.east ? m_regions.west : m_regions.east;
    change.kind = QStringLiteral("move ") + entity;
    if (!document) {
        const QJsonObject changes{{kRegion, target}};
        change.mutation = {{}, 0, entity, row->id, false, changes, {}, 0, 0, {}};
        change.edit = [&laptop, entity, id = row->id, changes] { return sync::RecordEditor(laptop.db()).update(entity, id, changes); };
        return Step::Done;
    }
    std::vector<RecordedLine> lines;
    for (const TableRow &line : LocalTables(laptop.db()).rows(QStringLiteral("quote_line"), QStringLiteral("quote_id = ? AND deleted = 0"), {row->id}))
        lines.push_back({QStringLiteral("quote_line"), line.id, line.fields});
    change.mutation = {{}, 0, entity, row->id, false, {}, {}, row->version, 0, {}};
    saveDocumentChange(laptop, change, target, {}, lines);
    return Step::Done;
}

} // namespace vantage::test
