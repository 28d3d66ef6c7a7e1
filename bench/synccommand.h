#pragma once

#include <QStringList>

namespace vantage::bench {

// vantage-bench sync: the client side of the sync benchmark against a running vantage-server that
// holds the rows of --source (vantage-server import database). Initial sync into an empty client
// against loading the same rows from a local file into the same schema (our applier, and SQLite's
// own INSERT … SELECT as the floor); then incremental syncs of 100 changed rows each way.
// Prints key=value lines.
class SyncCommand
{
public:
    static int run(const QStringList &arguments);
};

} // namespace vantage::bench
