#pragma once

#include "serverdatabase.h"

#include <QDate>

namespace vantage::server {

// Fills an empty server with a company's data: the bundled demo, the CSV files `vantage-cli import`
// reads, or a Vantage database file. Each source becomes a Vantage database at the current schema
// first (a copy for a file, which is never written to), then every synced row is copied into the
// server's store in batches (each its own seq, so pulls can page), and every user in it gets a
// login with the given password.
class CompanyImporter
{
public:
    using Progress = std::function<void(qint64 rows)>;

    explicit CompanyImporter(const ServerDatabase &database, Progress progress = {})
        : m_database(database), m_progress(std::move(progress))
    {
    }

    core::Result<qint64> importDemo(const QDate &asOf, const QString &password) const;
    core::Result<qint64> importCsv(const QString &directory, const QDate &asOf, const QString &password) const;
    core::Result<qint64> importDatabase(const QString &path, const QString &password) const;

private:
    core::Status checkEmpty() const;
    core::Result<qint64> importPrepared(const QString &path, const QString &password) const;
    core::Result<qint64> copyRows(const QSqlDatabase &source) const;
    core::Status createLogins(const QSqlDatabase &source, const QString &password) const;

    const ServerDatabase &m_database;
    Progress m_progress;
};

} // namespace vantage::server
