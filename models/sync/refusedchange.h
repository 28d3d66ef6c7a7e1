#pragma once

#include "localrows.h"
#include "outbox.h"

#include <utility>
#include <vector>

namespace vantage::sync {

// A change the server refused, with what the user needs to correct it: the row as this laptop has
// it now (the server's copy, pulled since the refusal) and the regions it could go to.
struct RefusedChange
{
    OutboxEntry entry;
    LocalRow current;  // !exists, or version 0: a new record the server never took
    std::vector<std::pair<QString, QString>> regions;  // id, name; by name

    // A save of plain fields (not a deletion, not a quote or contract).
    static bool ofFields(const OutboxEntry &entry);
    // … whose server values this laptop knows, so the Fix dialog can set the change beside them:
    // a guarded field (the row was pulled again after someone else changed it) or a record the
    // server never took. Others (a change to a row outside the user's regions) are sent again.
    bool correctable() const;
    static QString notCorrectableText();  // why not, translated
    // The fields the change sets, in the catalog's order (region_id first when it sets one).
    QStringList fields() const;
    // A field's value as the user edits it: money (…_minor) as a plain decimal in the row's
    // currency ("12500.00"), dates as YYYY-MM-DD, text as is, yes/no as "true"/"false".
    QString editableText(const QString &field, const QJsonValue &value) const;
    // Back from the text; an error names the field and what is wrong. Empty text is no value.
    core::Result<QJsonValue> valueFromText(const QString &field, const QString &text) const;
    // The value the server has now (the laptop's copy of the row); undefined when it has none.
    QJsonValue serverValue(const QString &field) const;
    // The user's value in the refused change.
    QJsonValue refusedValue(const QString &field) const { return entry.mutation.set.value(field); }
};

// Why the server refused, in the user's language: the known refusal codes translated (a guarded
// field named by the result's `field`), the server's own words for the rest.
QString refusalText(const OutboxEntry &entry);

core::Result<RefusedChange> readRefusedChange(const QSqlDatabase &db, qint64 mid);

} // namespace vantage::sync
