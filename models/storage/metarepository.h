#pragma once

#include "domain/result.h"

#include <QHash>
#include <QSqlDatabase>

namespace vantage::core {

// Facts about the database file itself (app_meta): demo or company, the demo's date shift.
class MetaRepository
{
public:
    static inline const QString kDatabaseKind = QStringLiteral("database_kind");
    static inline const QString kDataAsOf = QStringLiteral("data_as_of");
    static inline const QString kDemoShiftDays = QStringLiteral("demo_shift_days");
    static inline const QString kCreatedAt = QStringLiteral("created_at");
    static inline const QString kCreatedByVersion = QStringLiteral("created_by_version");

    explicit MetaRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    Result<QHash<QString, QString>> all() const;
    Status set(const QString &key, const QString &value) const;

private:
    QSqlDatabase m_db;
};

} // namespace vantage::core
