#pragma once

#include "domain/result.h"

#include <QString>

namespace vantage::core {

// What is on disk at a database path, found without changing a byte of it.
struct DatabaseFileState
{
    enum class Kind {
        Missing,  // no file: a new database may be created
        Empty,    // zero bytes: treated like Missing
        Current,  // Vantage database at the newest schema
        Outdated, // Vantage database at an older schema: migrate after a backup
        TooNew,   // made by a newer Vantage: never touched
        Damaged,  // not readable as SQLite, or fails the integrity check
        Foreign,  // a healthy SQLite file that is not a Vantage database
    };
    Kind kind = Kind::Missing;
    int schemaVersion = 0;
    QString detail;
};

class DatabaseFile
{
public:
    explicit DatabaseFile(QString path) : m_path(std::move(path)) {}

    const QString &path() const { return m_path; }
    // Quick: header, application id, schema version. Does not read every page.
    Result<DatabaseFileState> inspect() const;
    // Reads every page (PRAGMA quick_check): seconds on a large file, so the app runs it after the
    // window shows its data. Damage gives the refusal message and a backup copy.
    Status verify() const;
    // Copies the file (and its -wal or -journal) to "<path>.<reason>-<UTC time>.bak" and returns the
    // copy's path; when the newest such copy already holds the same bytes, returns that one instead.
    Result<QString> backup(const QString &reason) const;
    // The error a user sees for a state that must not be opened, naming the file and its backup.
    Error refusal(const DatabaseFileState &state, const QString &backupPath) const;

private:
    QString identicalBackup(const QString &reason) const; // an earlier copy of the same bytes, if any
    Result<QStringList> pageProblems() const;

    QString m_path;
};

} // namespace vantage::core
