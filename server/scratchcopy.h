#pragma once

#include "serverdatabase.h"

#include "storage/connection.h"

#include <QTemporaryDir>

#include <memory>

namespace vantage::server {

// A scratch Vantage database (the laptops' schema) holding every live synced row, so the server
// runs the laptops' own analytics on the company's data (risk lists, funnel alert notices).
// Removed with the object.
class ScratchCopy
{
public:
    static core::Result<std::unique_ptr<ScratchCopy>> make(const ServerDatabase &database, const QString &name);

    QSqlDatabase database() const { return m_connection->database(); }
    qint64 rowsCopied() const { return m_rows; }

private:
    ScratchCopy() = default;
    core::Result<qint64> copySyncedRows(const ServerDatabase &database);

    QTemporaryDir m_folder;
    std::unique_ptr<core::ScopedConnection> m_connection;
    qint64 m_rows = 0;
};

} // namespace vantage::server
