#pragma once

#include "serverdatabase.h"
#include "syncstore.h"

#include <QDate>
#include <QStringList>

namespace vantage::server {

// What an administrator does from the command line (vantage-server user …, region …, device …). Directory changes are written as synced rows too, so laptops see them; every
// change is audited. Importing a company is CompanyImporter's. Disabling a user or revoking a device stops its tokens at the next request.
class AdminService
{
public:
    explicit AdminService(const ServerDatabase &database) : m_database(database) {}

    core::Status addUser(const QString &login, const QString &displayName, const QString &role, const QString &password,
                         const QString &email = {});
    core::Status setPassword(const QString &login, const QString &password);
    core::Status setDisabled(const QString &login, bool disabled);
    core::Status revokeDevice(const QString &clientId);
    core::Status addRegion(const QString &code, const QString &name, const QString &currency);
    core::Status assignRegion(const QString &login, const QString &regionCode, bool assign);

    static QStringList roles();

private:
    core::Result<QString> userId(const QSqlDatabase &db, const QString &login) const;
    core::Result<QString> regionId(const QSqlDatabase &db, const QString &code) const;
    core::Result<std::vector<StoredRow>> liveUserRegions(const QSqlDatabase &db, const QString &userId,
                                                         const QString &regionId) const;

    const ServerDatabase &m_database;
};

} // namespace vantage::server
