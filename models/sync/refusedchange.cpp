#include "refusedchange.h"

#include "domain/enumlabels.h"
#include "domain/money.h"
#include "protocol/entitycatalog.h"
#include "storage/sql.h"

#include <QCoreApplication>
#include <QDate>

#include <algorithm>

namespace vantage::sync {
namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::sync::RefusedChange)
};

} // namespace

bool RefusedChange::ofFields(const OutboxEntry &entry)
{
    const core::EntityDescriptor *entity = core::EntityCatalog::instance().find(entry.mutation.entity());
    return entity && !entity->isChild() && entity->policy != core::ConflictPolicy::Document
        && entry.mutation.action() == QLatin1String("save");
}

bool RefusedChange::correctable() const
{
    const bool neverTaken = !current.exists || current.version == 0;
    return ofFields(entry) && (neverTaken || entry.resultCode == QLatin1String("guarded_field"));
}

QString RefusedChange::notCorrectableText()
{
    return Tr::tr("This change cannot be corrected here: this computer does not know the server's values for it. "
                  "Send it again once what the server objected to is fixed.");
}

QStringList RefusedChange::fields() const
{
    QStringList names;
    const QJsonObject &set = entry.mutation.set;
    if (set.contains(QStringLiteral("region_id")))
        names << QStringLiteral("region_id");
    if (const core::EntityDescriptor *entity = core::EntityCatalog::instance().find(entry.mutation.entity()))
        for (const core::EntityField &field : entity->fields)
            if (set.contains(field.name))
                names << field.name;
    return names;
}

QJsonValue RefusedChange::serverValue(const QString &field) const
{
    if (!current.exists || current.version == 0)
        return QJsonValue(QJsonValue::Undefined);
    if (field == QLatin1String("region_id"))
        return current.regionId.isEmpty() ? QJsonValue() : QJsonValue(current.regionId);
    return current.fields.value(field);
}

namespace {

bool isMoney(const QString &field)
{
    return field.endsWith(QLatin1String("_minor"));
}

// The currency of a money field: its own (registered_capital_minor → registered_capital_currency)
// or the row's, as the change sets it, else as the row has it; US dollars failing both.
core::Currency currencyOf(const RefusedChange &change, const QString &field)
{
    const core::EntityDescriptor *entity = core::EntityCatalog::instance().find(change.entry.mutation.entity());
    QString currencyField = field.chopped(int(qstrlen("_minor"))) + QStringLiteral("_currency");
    if (!entity || !entity->field(currencyField))
        currencyField = QStringLiteral("currency");
    QString code = change.entry.mutation.set.value(currencyField).toString();
    if (code.isEmpty())
        code = change.current.fields.value(currencyField).toString();
    return core::Currency::fromCode(code).value_or(core::Currency::usd());
}

core::FieldType typeOf(const RefusedChange &change, const QString &field)
{
    const core::EntityDescriptor *entity = core::EntityCatalog::instance().find(change.entry.mutation.entity());
    const core::EntityField *found = entity ? entity->field(field) : nullptr;
    return found ? found->type : core::FieldType::Text;
}

} // namespace

QString RefusedChange::editableText(const QString &field, const QJsonValue &value) const
{
    if (value.isNull() || value.isUndefined())
        return {};
    switch (typeOf(*this, field)) {
    case core::FieldType::Integer:
        return isMoney(field) ? core::Money(value.toInteger(), currencyOf(*this, field)).toPlainString()
                              : QString::number(value.toInteger());
    case core::FieldType::Boolean:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case core::FieldType::Timestamp:
        return QString::number(value.toInteger());
    default:
        return value.toString();
    }
}

core::Result<QJsonValue> RefusedChange::valueFromText(const QString &field, const QString &text) const
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return QJsonValue();
    const auto wrong = [&field](const QString &what) {
        return core::Error{core::ErrorCode::InvalidInput, what, field};
    };
    switch (typeOf(*this, field)) {
    case core::FieldType::Integer:
    case core::FieldType::Timestamp: {
        if (isMoney(field)) {
            const core::Currency currency = currencyOf(*this, field);
            auto money = core::Money::parse(trimmed, currency);
            if (!money)
                return wrong(Tr::tr("“%1” is not an amount.").arg(trimmed));
            const qsizetype point = trimmed.indexOf(QLatin1Char('.'));
            if (point >= 0 && trimmed.size() - point - 1 > currency.minorDigits())  // never rounded silently
                return wrong(Tr::tr("“%1” has more decimals than %2 amounts have (%3).")
                                 .arg(trimmed, currency.code()).arg(currency.minorDigits()));
            return QJsonValue(money.value().minorUnits());
        }
        bool ok = false;
        const qint64 number = trimmed.toLongLong(&ok);
        if (!ok)
            return wrong(Tr::tr("“%1” is not a whole number.").arg(trimmed));
        return QJsonValue(number);
    }
    case core::FieldType::Boolean:
        if (trimmed == QLatin1String("true") || trimmed == QLatin1String("false"))
            return QJsonValue(trimmed == QLatin1String("true"));
        return wrong(Tr::tr("“%1” is neither true nor false.").arg(trimmed));
    case core::FieldType::Date:
        if (!QDate::fromString(trimmed, Qt::ISODate).isValid())
            return wrong(Tr::tr("“%1” is not a date (YYYY-MM-DD).").arg(trimmed));
        return QJsonValue(trimmed);
    default:
        return QJsonValue(trimmed);
    }
}

QString refusalText(const OutboxEntry &entry)
{
    const QString &code = entry.resultCode;
    if (code == QLatin1String("out_of_scope"))
        return Tr::tr("The record belongs to a region you do not work in; move it to one of yours or leave the change.");
    if (code == QLatin1String("missing_region"))
        return Tr::tr("Only directors and administrators may save a record without a region; choose a region.");
    if (code == QLatin1String("read_only"))
        return Tr::tr("Only an administrator can change this kind of record.");
    if (code == QLatin1String("deleted"))
        return Tr::tr("The record was deleted on the server.");
    if (code == QLatin1String("immutable"))
        return Tr::tr("A sent or signed document cannot be changed; make a new revision.");
    if (code == QLatin1String("unsupported_version"))
        return Tr::tr("The server is older than this app and does not know this change; ask for the server to be updated.");
    if (code == QLatin1String("guarded_field"))
        return Tr::tr("Someone else changed %1 on the server meanwhile; check the value the server has and send yours again "
                      "if it should still win.")
            .arg(entry.resultField.isEmpty() ? Tr::tr("a protected field")
                                             : core::EnumLabels::label(core::EnumLabels::Kind::DocumentField, entry.resultField).toLower());
    if (code == QLatin1String("invalid"))
        return Tr::tr("The server found a value it cannot take: %1").arg(entry.resultMessage);
    return entry.resultMessage;
}

core::Result<RefusedChange> readRefusedChange(const QSqlDatabase &db, qint64 mid)
{
    auto entries = Outbox(db).entries(QStringLiteral("rejected"));
    if (!entries)
        return entries.error();
    const auto found = std::find_if(entries.value().begin(), entries.value().end(),
                                    [mid](const OutboxEntry &e) { return e.mutation.mid == mid; });
    if (found == entries.value().end())
        return core::Error{core::ErrorCode::NotFound,
                           Tr::tr("The refused change is no longer waiting; it was sent or fixed already."), QString()};
    RefusedChange change;
    change.entry = *found;
    if (const core::EntityDescriptor *entity = core::EntityCatalog::instance().find(found->mutation.entity())) {
        auto current = LocalRows(db).read(*entity, found->mutation.id);
        if (!current)
            return current.error();
        change.current = current.value();
    }
    auto regions = core::Sql(db).query(QStringLiteral("SELECT id, name FROM region WHERE deleted = 0 ORDER BY name"));
    if (!regions)
        return regions.error();
    while (regions.value().next())
        change.regions.emplace_back(regions.value().value(0).toString(), regions.value().value(1).toString());
    return change;
}

} // namespace vantage::sync
