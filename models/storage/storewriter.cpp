#include "storewriter.h"

#include "connection.h"
#include "sql.h"

namespace vantage::core {

StoreWriter::StoreWriter(QString path, QObject *parent)
    : QObject(parent), m_path(std::move(path)), m_connectionName(uniqueConnectionName(QStringLiteral("writer")))
{
    m_thread.setObjectName(QStringLiteral("vantage-store-writer"));
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

StoreWriter::~StoreWriter()
{
    // Runs after every queued job, on the writer thread, so the connection dies where it was born.
    QMetaObject::invokeMethod(m_worker, [name = m_connectionName] { vantage::core::closeConnection(name); },
                              Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void StoreWriter::waitUntilIdle()
{
    // Jobs run in submission order, so when this marker has run, everything before it has too.
    submit<int>([](JobContext &) { return 0; }).waitForFinished();
}

Result<QSqlDatabase> StoreWriter::writeConnection()
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (db.isValid() && db.isOpen())
        return db;
    auto opened = openConnection(m_path, m_connectionName, ConnectionMode::ReadWrite);
    if (!opened)
        return opened.error();
    // WAL lets the readers work while the writer writes; the mode is stored in the file.
    if (auto wal = Sql(opened.value()).exec(QStringLiteral("PRAGMA journal_mode = WAL")); !wal)
        return wal.error();
    return opened;
}

} // namespace vantage::core
