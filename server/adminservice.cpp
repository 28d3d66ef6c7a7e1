#include "adminservice.h"

#include "auditlog.h"
#include "passwordhasher.h"
#include "syncstore.h"

#include "analytics/funnelalertrule.h"
#include "domain/clock.h"
#include "domain/uuid7.h"
#include "storage/sql.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace vantage::server {
namespace {

using core::Error;
using core::ErrorCode;
using core::Sql;

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::server::AdminService)
};

core::Status audit(const QSqlDatabase &db, const QString &action, const QString &entity, const QString &id,
                   const QJsonObject &detail = {})
{
    return writeAudit(db, {QString(), QString(), action, entity, id, detail, QStringLiteral("admin-cli")}, core::Clock::nowMs());
}

StoredRow newRow(const QString &entity, const QString &regionId, const QJsonObject &data)
{
    return {entity, core::Uuid7Generator::generate(), regionId, {}, 1, 0, false, data, true};
}

} // namespace

QStringList AdminService::roles()
{
    return {QStringLiteral("rep"), QStringLiteral("regional_manager"), QStringLiteral("director"), QStringLiteral("admin")};
}

core::Result<QString> AdminService::userId(const QSqlDatabase &db, const QString &login) const
{
    auto id = Sql(db).scalar(QStringLiteral("SELECT user_id FROM auth_user WHERE login = ?"), {login});
    if (!id)
        return id.error();
    if (!id.value().isValid())
        return Error{ErrorCode::NotFound, Tr::tr("There is no user with the login \"%1\".").arg(login), login};
    return id.value().toString();
}

// The live synced user_region rows of a user in a region (normally one).
core::Result<std::vector<StoredRow>> AdminService::liveUserRegions(const QSqlDatabase &db, const QString &userId,
                                                                   const QString &regionId) const
{
    auto q = Sql(db).query(QStringLiteral("SELECT id, version, data FROM sync_row WHERE entity = 'user_region' "
                                          "AND region_id = ? AND deleted = 0"),
                           {regionId});
    if (!q)
        return q.error();
    std::vector<StoredRow> rows;
    while (q.value().next()) {
        const QJsonObject data = QJsonDocument::fromJson(q.value().value(2).toString().toUtf8()).object();
        if (data.value(QStringLiteral("user_id")).toString() == userId)
            rows.push_back({QStringLiteral("user_region"), q.value().value(0).toString(), regionId, {},
                            q.value().value(1).toLongLong(), 0, false, data, true});
    }
    return rows;
}

core::Result<QString> AdminService::regionId(const QSqlDatabase &db, const QString &code) const
{
    auto q = Sql(db).query(QStringLiteral("SELECT id, data FROM sync_row WHERE entity = 'region' AND deleted = 0"));
    if (!q)
        return q.error();
    while (q.value().next())
        if (q.value().value(1).toString().contains(QStringLiteral("\"code\":\"%1\"").arg(code.toLower())))
            return q.value().value(0).toString();
    return Error{ErrorCode::NotFound, Tr::tr("There is no region with the code \"%1\".").arg(code), code};
}

core::Status AdminService::addUser(const QString &login, const QString &displayName, const QString &role,
                                   const QString &password, const QString &email)
{
    if (!email.isEmpty() && !core::isEmailAddress(email))
        return Error{ErrorCode::InvalidInput, Tr::tr("“%1” is not an e-mail address.").arg(email), email};
    if (!roles().contains(role))
        return Error{ErrorCode::InvalidInput, Tr::tr("The role must be one of: %1.").arg(roles().join(QStringLiteral(", "))), role};
    if (password.size() < 8)
        return Error{ErrorCode::InvalidInput, Tr::tr("The password must have at least 8 characters."), QString()};
    const QString hash = PasswordHasher::hash(password);
    return m_database.transaction([&](QSqlDatabase &db) -> core::Status {
        const qint64 now = core::Clock::nowMs();
        StoredRow user = newRow(QStringLiteral("app_user"), QString(),
                                {{QStringLiteral("login"), login}, {QStringLiteral("display_name"), displayName},
                                 {QStringLiteral("role"), role}, {QStringLiteral("active"), true},
                                 {QStringLiteral("email"), email.isEmpty() ? QJsonValue() : QJsonValue(email)}});
        if (auto added = Sql(db).exec(QStringLiteral("INSERT INTO auth_user (user_id, login, role, password_hash, created_at) "
                                                     "VALUES (?, ?, ?, ?, ?)"),
                                      {user.id, login, role, hash, now});
            !added)
            return added;
        if (auto seq = SyncStore(db, m_database).commit({{user, QString(), false}}, now); !seq)
            return seq.error();
        return audit(db, QStringLiteral("user_added"), QStringLiteral("app_user"), user.id, {{QStringLiteral("login"), login}});
    });
}

core::Status AdminService::setPassword(const QString &login, const QString &password)
{
    if (password.size() < 8)
        return Error{ErrorCode::InvalidInput, Tr::tr("The password must have at least 8 characters."), QString()};
    const QString hash = PasswordHasher::hash(password);
    return m_database.transaction([&](QSqlDatabase &db) -> core::Status {
        auto id = userId(db, login);
        if (!id)
            return id.error();
        if (auto changed = Sql(db).exec(QStringLiteral("UPDATE auth_user SET password_hash = ? WHERE user_id = ?"), {hash, id.value()}); !changed)
            return changed;
        return audit(db, QStringLiteral("password_changed"), QStringLiteral("app_user"), id.value());
    });
}

core::Status AdminService::setDisabled(const QString &login, bool disabled)
{
    return m_database.transaction([&](QSqlDatabase &db) -> core::Status {
        auto id = userId(db, login);
        if (!id)
            return id.error();
        const Sql sql(db);
        if (auto changed = sql.exec(QStringLiteral("UPDATE auth_user SET disabled = ? WHERE user_id = ?"), {disabled ? 1 : 0, id.value()}); !changed)
            return changed;
        if (disabled)
            if (auto revoked = sql.exec(QStringLiteral("UPDATE refresh_token SET revoked = 1 WHERE user_id = ?"), {id.value()}); !revoked)
                return revoked;
        return audit(db, disabled ? QStringLiteral("user_disabled") : QStringLiteral("user_enabled"), QStringLiteral("app_user"), id.value());
    });
}

core::Status AdminService::revokeDevice(const QString &clientId)
{
    return m_database.transaction([&](QSqlDatabase &db) -> core::Status {
        const Sql sql(db);
        auto found = sql.scalar(QStringLiteral("SELECT count(*) FROM device WHERE client_id = ?"), {clientId});
        if (!found)
            return found.error();
        if (found.value().toInt() == 0)
            return Error{ErrorCode::NotFound, Tr::tr("There is no device with the id %1.").arg(clientId), clientId};
        if (auto revoked = sql.exec(QStringLiteral("UPDATE device SET revoked = 1 WHERE client_id = ?"), {clientId}); !revoked)
            return revoked;
        if (auto tokens = sql.exec(QStringLiteral("UPDATE refresh_token SET revoked = 1 WHERE client_id = ?"), {clientId}); !tokens)
            return tokens;
        return audit(db, QStringLiteral("device_revoked"), QStringLiteral("device"), clientId);
    });
}

core::Status AdminService::addRegion(const QString &code, const QString &name, const QString &currency)
{
    return m_database.transaction([&](QSqlDatabase &db) -> core::Status {
        StoredRow region = newRow(QStringLiteral("region"), QString(),
                                  {{QStringLiteral("code"), code.toLower()}, {QStringLiteral("name"), name},
                                   {QStringLiteral("currency"), currency.toUpper()}});
        if (auto seq = SyncStore(db, m_database).commit({{region, QString(), false}}, core::Clock::nowMs()); !seq)
            return seq.error();
        return audit(db, QStringLiteral("region_added"), QStringLiteral("region"), region.id, {{QStringLiteral("code"), code}});
    });
}

core::Status AdminService::assignRegion(const QString &login, const QString &regionCode, bool assign)
{
    return m_database.transaction([&](QSqlDatabase &db) -> core::Status {
        auto user = userId(db, login);
        if (!user)
            return user.error();
        auto region = regionId(db, regionCode);
        if (!region)
            return region.error();
        const Sql sql(db);
        const QString change = assign ? QStringLiteral("INSERT INTO auth_user_region (user_id, region_id) VALUES (?, ?) "
                                                       "ON CONFLICT (user_id, region_id) DO NOTHING")
                                      : QStringLiteral("DELETE FROM auth_user_region WHERE user_id = ? AND region_id = ?");
        if (auto done = sql.exec(change, {user.value(), region.value()}); !done)
            return done;
        // A new epoch makes every device of the user reload or evict at its next pull (reset: scope).
        if (auto epoch = sql.exec(QStringLiteral("UPDATE auth_user SET scope_epoch = scope_epoch + 1 WHERE user_id = ?"), {user.value()}); !epoch)
            return epoch;
        // The synced copy of who works where (user_region), which laptops read for owners and
        // recipients, follows the server's own record.
        auto live = liveUserRegions(db, user.value(), region.value());
        if (!live)
            return live.error();
        std::vector<RowWrite> writes;
        if (assign && live.value().empty())
            writes.push_back({newRow(QStringLiteral("user_region"), region.value(), {{QStringLiteral("user_id"), user.value()}}), QString(), false});
        for (StoredRow &row : live.value()) {
            if (assign)
                break;
            row.deleted = true;
            ++row.version;
            writes.push_back({row, row.regionId, true});
        }
        if (!writes.empty())
            if (auto seq = SyncStore(db, m_database).commit(writes, core::Clock::nowMs()); !seq)
                return seq.error();
        return audit(db, assign ? QStringLiteral("region_assigned") : QStringLiteral("region_unassigned"), QStringLiteral("app_user"),
                     user.value(), {{QStringLiteral("region"), regionCode}});
    });
}

} // namespace vantage::server
