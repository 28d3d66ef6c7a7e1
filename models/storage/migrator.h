#pragma once

#include "domain/result.h"

#include "migrations/migration.h"

#include <QSqlDatabase>

#include <functional>

namespace vantage::core {

// Brings a database to the newest schema, one numbered migration per transaction, recording each
// step in PRAGMA user_version so a failure leaves the file at the last complete step.
class Migrator
{
public:
    using Progress = std::function<void(int done, int total)>;

    static int latestVersion();
    static constexpr int kApplicationId = 0x56414E54; // "VANT", in the SQLite header

    explicit Migrator(QSqlDatabase db);
    // With another list of migrations (tests of failure handling).
    Migrator(QSqlDatabase db, std::vector<Migration> migrations);

    Result<int> currentVersion() const;
    // Applies every migration above the current version, up to targetVersion (default: latest).
    Status migrate(int targetVersion = -1, const Progress &progress = {}) const;

private:
    Status apply(int index) const;

    QSqlDatabase m_db;
    std::vector<Migration> m_migrations;
};

} // namespace vantage::core
