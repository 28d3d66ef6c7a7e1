#pragma once

#include "jobcontext.h"

#include <QFuture>
#include <QObject>
#include <QPromise>
#include <QThread>

#include <memory>

namespace vantage::core {

// The single writer: one thread that owns the read-write connection. Jobs run one at a time in
// submission order, so writes never contend with each other (ARCHITECTURE.md, Threading).
class StoreWriter : public QObject
{
    Q_OBJECT
public:
    explicit StoreWriter(QString path, QObject *parent = nullptr);
    ~StoreWriter() override;

    const QString &path() const { return m_path; }

    template<typename T>
    QFuture<T> submit(std::function<T(JobContext &)> job)
    {
        auto promise = std::make_shared<QPromise<T>>();
        QFuture<T> future = promise->future();
        promise->start();
        QMetaObject::invokeMethod(m_worker, [this, promise, job = std::move(job)]() {
            if (!promise->isCanceled()) {
                PromiseJobContext<T> context(*promise, [this] { return writeConnection(); });
                promise->addResult(job(context));
            }
            promise->finish();
        }, Qt::QueuedConnection);
        return future;
    }

    // Blocks until every job submitted so far has run (call it off the GUI thread).
    void waitUntilIdle();

private:
    Result<QSqlDatabase> writeConnection(); // writer thread only

    QString m_path;
    QString m_connectionName;
    QThread m_thread;
    QObject *m_worker = nullptr;
};

} // namespace vantage::core
