#pragma once

#include <QFile>
#include <QString>

namespace vantage::bench {

// Deletes an SQLite database with its WAL, shared-memory and journal files.
inline void removeDatabaseFiles(const QString &path)
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")})
        QFile::remove(path + suffix);
}

} // namespace vantage::bench
