#pragma once

#include "serverdatabase.h"

#include <QDate>

namespace vantage::server {

// Loads the bundled demo data into an empty server: builds the demo database the desktop app uses,
// copies every synced row into the server's store (in batches, each with its own seq, so pulls can
// page), and gives every demo user a login with the same demo password.
class DemoSeeder
{
public:
    explicit DemoSeeder(const ServerDatabase &database) : m_database(database) {}

    core::Status seed(const QDate &asOf, const QString &password) const;

private:
    core::Status copyRows(const QSqlDatabase &demo) const;
    core::Status createLogins(const QSqlDatabase &demo, const QString &password) const;

    const ServerDatabase &m_database;
};

} // namespace vantage::server
