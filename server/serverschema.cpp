#include "serverschema.h"

#include "storage/sql.h"

#include <QCoreApplication>

#include <sodium.h>

#include <vector>

namespace vantage::server {
namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::server::ServerSchema)
};

// Step 1: synced rows as JSON documents with their sync columns, the commit-ordered change log,
// authentication, devices (= sync clients), idempotent push results, conflicts, audit.
const QStringList kStep1{
    QStringLiteral("CREATE TABLE sync_counter (id INTEGER PRIMARY KEY, seq BIGINT NOT NULL)"),
    QStringLiteral("INSERT INTO sync_counter (id, seq) VALUES (1, 0)"),
    QStringLiteral("CREATE TABLE sync_row (entity TEXT NOT NULL, id TEXT NOT NULL, region_id TEXT, parent_id TEXT, "
                   "version BIGINT NOT NULL, seq BIGINT NOT NULL, deleted INTEGER NOT NULL DEFAULT 0, "
                   "data TEXT NOT NULL, updated_at BIGINT NOT NULL, PRIMARY KEY (entity, id))"),
    QStringLiteral("CREATE INDEX sync_row_scope ON sync_row (entity, region_id, id)"),
    QStringLiteral("CREATE INDEX sync_row_parent ON sync_row (entity, parent_id)"),
    QStringLiteral("CREATE INDEX sync_row_seq ON sync_row (seq)"),
    QStringLiteral("CREATE TABLE change_log (seq BIGINT NOT NULL, entity TEXT NOT NULL, row_id TEXT NOT NULL, "
                   "op TEXT NOT NULL, region_old TEXT, region_new TEXT, version BIGINT NOT NULL, at BIGINT NOT NULL)"),
    QStringLiteral("CREATE INDEX change_log_seq ON change_log (seq)"),
    QStringLiteral("CREATE TABLE auth_user (user_id TEXT PRIMARY KEY, login TEXT NOT NULL UNIQUE, role TEXT NOT NULL, "
                   "password_hash TEXT NOT NULL, disabled INTEGER NOT NULL DEFAULT 0, scope_epoch INTEGER NOT NULL DEFAULT 1, "
                   "created_at BIGINT NOT NULL)"),
    QStringLiteral("CREATE TABLE auth_user_region (user_id TEXT NOT NULL, region_id TEXT NOT NULL, PRIMARY KEY (user_id, region_id))"),
    QStringLiteral("CREATE TABLE device (client_id TEXT PRIMARY KEY, user_id TEXT NOT NULL, name TEXT, "
                   "revoked INTEGER NOT NULL DEFAULT 0, last_mid BIGINT NOT NULL DEFAULT 0, scope_epoch INTEGER NOT NULL DEFAULT 0, "
                   "scope_regions TEXT NOT NULL DEFAULT '', created_at BIGINT NOT NULL, last_seen BIGINT)"),
    QStringLiteral("CREATE TABLE refresh_token (token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL, client_id TEXT NOT NULL, "
                   "family TEXT NOT NULL, expires_at BIGINT NOT NULL, used INTEGER NOT NULL DEFAULT 0, "
                   "revoked INTEGER NOT NULL DEFAULT 0, created_at BIGINT NOT NULL)"),
    QStringLiteral("CREATE INDEX refresh_token_family ON refresh_token (family)"),
    QStringLiteral("CREATE TABLE login_attempt (login TEXT NOT NULL, address TEXT NOT NULL, at BIGINT NOT NULL, ok INTEGER NOT NULL)"),
    QStringLiteral("CREATE INDEX login_attempt_login ON login_attempt (login, at)"),
    QStringLiteral("CREATE INDEX login_attempt_address ON login_attempt (address, at)"),
    QStringLiteral("CREATE TABLE mutation_result (client_id TEXT NOT NULL, mid BIGINT NOT NULL, body TEXT NOT NULL, "
                   "PRIMARY KEY (client_id, mid))"),
    QStringLiteral("CREATE TABLE conflict (id TEXT PRIMARY KEY, entity TEXT NOT NULL, row_id TEXT NOT NULL, region_id TEXT, "
                   "client_id TEXT NOT NULL, user_id TEXT NOT NULL, mid BIGINT NOT NULL, base TEXT, server TEXT NOT NULL, "
                   "client TEXT NOT NULL, status TEXT NOT NULL, resolved_by TEXT, resolved_at BIGINT, created_at BIGINT NOT NULL)"),
    QStringLiteral("CREATE INDEX conflict_row ON conflict (entity, row_id)"),
    QStringLiteral("CREATE TABLE audit_log (id TEXT PRIMARY KEY, at BIGINT NOT NULL, user_id TEXT, client_id TEXT, "
                   "action TEXT NOT NULL, entity TEXT, entity_id TEXT, detail TEXT, address TEXT)"),
    QStringLiteral("CREATE INDEX audit_log_at ON audit_log (at)"),
    QStringLiteral("CREATE TABLE document_counter (kind TEXT NOT NULL, year INTEGER NOT NULL, next BIGINT NOT NULL, "
                   "PRIMARY KEY (kind, year))"),
};

// Step 2: when a refresh token was used, and whether a retry of a lost refresh answer replaced it
// (AuthService::refresh).
const QStringList kStep2{
    QStringLiteral("ALTER TABLE refresh_token ADD COLUMN used_at BIGINT"),
    QStringLiteral("ALTER TABLE refresh_token ADD COLUMN superseded INTEGER NOT NULL DEFAULT 0"),
};

// Step 3: which funnel alert was mailed to which address (FunnelAlertMailer); a row without sent_at
// is a claim of a run still sending.
const QStringList kStep3{
    QStringLiteral("CREATE TABLE alert_notice (address TEXT NOT NULL, alert_key TEXT NOT NULL, claimed_at BIGINT NOT NULL, "
                   "sent_at BIGINT, PRIMARY KEY (address, alert_key))"),
};

const std::vector<const QStringList *> kSteps{&kStep1, &kStep2, &kStep3};

// Any constant shared by every instance: the advisory lock that serializes schema set-up.
constexpr qint64 kSchemaLockKey = 0x76616e7461676531; // "vantage1"

core::Status ensureMetaTable(const ServerDatabase &database)
{
    const QString create = QStringLiteral("CREATE TABLE IF NOT EXISTS server_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    if (database.dialect() != Dialect::Postgres) {
        auto db = database.connection();
        if (!db)
            return db.error();
        return core::Sql(db.value()).exec(create);
    }
    // Instances starting at once on an empty PostgreSQL database would race on IF NOT EXISTS (a
    // unique violation in the catalog, and one of them fails to start): they take turns.
    return database.transaction([&create](QSqlDatabase &db) -> core::Status {
        const core::Sql sql(db);
        if (auto lock = sql.scalar(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kSchemaLockKey)); !lock)
            return lock.error();
        return sql.exec(create);
    });
}

// A random signing key shared by every instance through the database.
QString newTokenKey()
{
    unsigned char key[32];
    randombytes_buf(key, sizeof key);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(key), sizeof key).toHex());
}

} // namespace

int ServerSchema::latestVersion()
{
    return static_cast<int>(kSteps.size());
}

core::Result<int> ServerSchema::currentVersion(const ServerDatabase &database)
{
    if (auto meta = ensureMetaTable(database); !meta)
        return meta.error();
    auto db = database.connection();
    if (!db)
        return db.error();
    auto version = core::Sql(db.value()).scalar(QStringLiteral("SELECT value FROM server_meta WHERE key = 'schema_version'"));
    if (!version)
        return version.error();
    return version.value().isValid() ? version.value().toString().toInt() : 0;
}

core::Status ServerSchema::migrate(const ServerDatabase &database)
{
    auto current = currentVersion(database);
    if (!current)
        return current.error();
    if (current.value() > latestVersion())
        return core::Error{core::ErrorCode::DatabaseTooNew,
                           Tr::tr("The server database %1 is at schema version %2; this server knows up to %3.")
                               .arg(database.spec().describe())
                               .arg(current.value())
                               .arg(latestVersion()),
                           QStringLiteral("server schema too new")};
    if (current.value() == latestVersion())
        return {};
    return database.transaction([&database](QSqlDatabase &db) -> core::Status {
        const core::Sql sql(db);
        // Several instances may start at once: one migrates, the others find it done.
        if (database.dialect() == Dialect::Postgres)
            if (auto lock = sql.exec(QStringLiteral("LOCK TABLE server_meta IN ACCESS EXCLUSIVE MODE")); !lock)
                return lock;
        auto version = sql.scalar(QStringLiteral("SELECT value FROM server_meta WHERE key = 'schema_version'"));
        if (!version)
            return version.error();
        const int from = version.value().isValid() ? version.value().toString().toInt() : 0;
        if (from >= latestVersion())
            return {};
        for (int step = from + 1; step <= latestVersion(); ++step)
            for (const QString &statement : *kSteps[static_cast<size_t>(step - 1)])
                if (auto done = sql.exec(statement); !done)
                    return done;
        if (from == 0)
            if (auto key = sql.exec(QStringLiteral("INSERT INTO server_meta (key, value) VALUES ('token_key', ?)"), {newTokenKey()});
                !key)
                return key;
        const QString latest = QString::number(latestVersion());
        return from == 0 ? sql.exec(QStringLiteral("INSERT INTO server_meta (key, value) VALUES ('schema_version', ?)"), {latest})
                         : sql.exec(QStringLiteral("UPDATE server_meta SET value = ? WHERE key = 'schema_version'"), {latest});
    });
}

} // namespace vantage::server
