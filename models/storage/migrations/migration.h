#pragma once

#include <QStringList>

#include <vector>

namespace vantage::core {

// One numbered schema step. Once released a migration never changes; a fix is a new migration.
struct Migration
{
    int version = 0;
    QString description;
    QStringList statements;
};

// Every migration in order: index i holds version i + 1.
const std::vector<Migration> &schemaMigrations();

Migration migration0001Domain();
Migration migration0002ReportingIndexes();
Migration migration0003SyncedStages();

} // namespace vantage::core
