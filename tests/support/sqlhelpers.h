#pragma once

#include "storage/connection.h"
#include "storage/sql.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTest>

namespace vantage::test {

// First column of the first row of a query on db; fails the test on a SQL error.
inline QVariant scalar(const QSqlDatabase &db, const QString &sql, const QVariantList &values = {})
{
    auto result = core::Sql(db).scalar(sql, values);
    if (!result)
        qFatal("test query failed: %s: %s", qPrintable(sql), qPrintable(result.error().detail));
    return result.value();
}

inline QByteArray fileSha256(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex();
}

// Every statement of the schema, sorted: two databases with equal text have the same schema.
inline QStringList schemaOf(const QSqlDatabase &db)
{
    auto q = core::Sql(db).query(QStringLiteral("SELECT type || ' ' || name || ': ' || coalesce(sql, '') "
                                                "FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"));
    QStringList statements;
    while (q && q.value().next())
        statements << q.value().value(0).toString();
    return statements;
}

} // namespace vantage::test
