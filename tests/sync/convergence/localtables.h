#pragma once

#include "protocol/entitycatalog.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QVariantList>

#include <optional>
#include <vector>

namespace vantage::test {

// A row of a laptop's table, with its sync columns.
struct TableRow
{
    QString id;
    QString region;
    qint64 version = 0;
    bool deleted = false;
    QJsonObject fields; // every catalog field, NULL as null
};

// Reads a laptop's company tables with plain SQL, the way a person inspecting the file would:
// what the user sees, independent of the engine's own row code.
class LocalTables
{
public:
    explicit LocalTables(QSqlDatabase db) : m_db(std::move(db)) {}

    std::optional<TableRow> row(const QString &entity, const QString &id) const;
    // Ordered by id; `where` is a fixed condition written by the harness, values are bound.
    std::vector<TableRow> rows(const QString &entity, const QString &where = {}, const QVariantList &values = {}) const;
    qint64 lastOutboxMid() const; // the last mid the outbox handed out (AUTOINCREMENT never reuses one)

    static QJsonValue toJson(core::FieldType type, const QVariant &value);

private:
    QSqlDatabase m_db;
};

} // namespace vantage::test
