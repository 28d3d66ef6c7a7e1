#pragma once

#include "serverdatabase.h"

namespace vantage::server {

// The server's own schema, for PostgreSQL and SQLite alike (portable SQL), in numbered steps
// recorded in server_meta.schema_version; each step in one transaction.
class ServerSchema
{
public:
    static int latestVersion();
    static core::Status migrate(const ServerDatabase &database);
    static core::Result<int> currentVersion(const ServerDatabase &database);
};

} // namespace vantage::server
