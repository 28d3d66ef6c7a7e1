#include "metarepository.h"

#include "sql.h"

namespace vantage::core {

Result<QHash<QString, QString>> MetaRepository::all() const
{
    auto q = Sql(m_db).query(QStringLiteral("SELECT key, value FROM app_meta"));
    if (!q)
        return q.error();
    QHash<QString, QString> values;
    while (q.value().next())
        values.insert(q.value().value(0).toString(), q.value().value(1).toString());
    return values;
}

Status MetaRepository::set(const QString &key, const QString &value) const
{
    return Sql(m_db).exec(QStringLiteral("INSERT INTO app_meta (key, value) VALUES (?, ?) "
                                         "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                          {key, value});
}

} // namespace vantage::core
