#pragma once

#include "domain/result.h"

#include <QSqlDatabase>
#include <QString>

namespace vantage::bench {

// The initial-sync benchmark's "local file": every synced row of a Vantage database written as one
// JSON object per line, in the shape the server's snapshot pages carry them ({"entity", "id",
// "region", "version", "row"}), entity by entity in the catalogue's order. Loading it goes through
// the client's own snapshot applier, so the file load and the sync write the same rows the same way.
class SnapshotFile
{
public:
    static core::Result<qint64> write(const QSqlDatabase &source, const QString &path);
    // Applies the file to an empty client database in pages of pageRows rows, each its own transaction.
    static core::Result<qint64> load(const QString &path, const QSqlDatabase &client, int pageRows);
};

} // namespace vantage::bench
