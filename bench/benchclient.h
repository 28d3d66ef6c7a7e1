#pragma once

#include "storage/lazyconnectioncontext.h"
#include "sync/syncengine.h"
#include "sync/synctransport.h"

#include <memory>

namespace vantage::bench {

// A laptop for the sync benchmarks: a new company database at the current schema in WAL mode
// (as the app's store writer opens it), the client's real transport and sync engine. Fails loudly (the benchmark stops) when the file cannot be made.
class BenchClient
{
public:
    BenchClient(const QString &path, const QString &serverUrl);

    QSqlDatabase db() { return m_context.connection().value(); }
    sync::SyncEngine &engine() { return *m_engine; }
    core::Result<sync::SyncReport> sync() { return m_engine->sync(m_context); }
    core::Status pull(sync::SyncReport &report) { return m_engine->pull(m_context, report); }
    // Rows in the synced tables of the catalogue.
    qint64 syncedRows();

private:
    core::LazyConnectionContext m_context;
    sync::SyncTransport m_transport;
    std::unique_ptr<sync::SyncEngine> m_engine;
};

} // namespace vantage::bench
