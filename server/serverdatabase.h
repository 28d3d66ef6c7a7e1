#pragma once

#include "domain/result.h"

#include <QSqlDatabase>
#include <QString>

#include <functional>

namespace vantage::server {

enum class Dialect { Sqlite, Postgres };

// Where the server keeps its data: an SQLite file (embedded default) or a PostgreSQL database
// ("postgresql://user:password@host:port/dbname"; a socket directory and port can be given as
// ?host=/run/postgresql&port=5433, as libpq accepts).
struct DatabaseSpec
{
    Dialect dialect = Dialect::Sqlite;
    QString sqlitePath;
    QString host;
    int port = 5432;
    QString database;
    QString user;
    QString password;

    static core::Result<DatabaseSpec> parse(const QString &text);
    QString describe() const; // for logs, without the password
};

// One connection per thread (HTTP worker threads included), opened on first use. The server keeps
// no other state: every counter, cursor and session lives in the database (SYNC.md).
class ServerDatabase
{
public:
    explicit ServerDatabase(DatabaseSpec spec) : m_spec(std::move(spec)) {}

    const DatabaseSpec &spec() const { return m_spec; }
    Dialect dialect() const { return m_spec.dialect; }
    core::Result<QSqlDatabase> connection() const;

    // Runs body in one transaction and commits; on a serialization failure or deadlock (PostgreSQL)
    // or a busy database (SQLite) the whole transaction is retried a few times.
    core::Status transaction(const std::function<core::Status(QSqlDatabase &)> &body) const;
    // " FOR UPDATE" on PostgreSQL; SQLite locks the whole file for the transaction instead.
    QString forUpdate() const;

private:
    DatabaseSpec m_spec;
};

bool isRetryable(const core::Error &error);

} // namespace vantage::server
