#include "store.h"

#include "databasefile.h"
#include "storeopener.h"

#include <QtConcurrent/QtConcurrentRun>

namespace vantage::core {

Store::Store(QString path, QObject *parent)
    : QObject(parent),
      m_path(std::move(path)),
      m_writer(std::make_unique<StoreWriter>(m_path)),
      m_reader(std::make_unique<ReadExecutor>(m_path))
{
}

Store::~Store()
{
    m_reader.reset(); // readers first: they may still be finishing a query
    m_writer.reset();
}

QFuture<void> Store::finishJobs()
{
    return QtConcurrent::run([reader = m_reader.get(), writer = m_writer.get()] {
        reader->dropQueuedAndWait();
        writer->waitUntilIdle();
    });
}

QFuture<Status> Store::verify()
{
    return submitRead<Status>([path = m_path](JobContext &) { return DatabaseFile(path).verify(); });
}

QFuture<Result<StoreInfo>> Store::open()
{
    return submitWrite<Result<StoreInfo>>([path = m_path](JobContext &context) {
        return StoreOpener(path).open(context);
    });
}

} // namespace vantage::core
