#pragma once

#include <QDate>
#include <QMetaType>
#include <QString>

namespace vantage::core {

enum class DatabaseKind { Demo, Company };

// What the window needs to know about the open database.
struct StoreInfo
{
    QString path;
    int schemaVersion = 0;
    DatabaseKind kind = DatabaseKind::Company;
    QDate dataAsOf;        // demo: the day the shifted data ends; company: invalid
    int demoShiftDays = 0; // demo: how far the source dates were moved forward
    QString backupPath;    // set when opening made a backup (before a migration)
};

} // namespace vantage::core

Q_DECLARE_METATYPE(vantage::core::StoreInfo)
