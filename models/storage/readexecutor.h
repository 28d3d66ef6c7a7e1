#pragma once

#include "jobcontext.h"

#include <QFuture>
#include <QThreadPool>
#include <QtConcurrent/qtconcurrenttask.h>

namespace vantage::core {

// Runs read-only jobs on a small pool of its own; each pool thread keeps one read-only connection
// to the database, opened on first use and closed when the thread ends with the pool.
class ReadExecutor
{
public:
    explicit ReadExecutor(QString path, int threads = 2);
    ~ReadExecutor();
    ReadExecutor(const ReadExecutor &) = delete;
    ReadExecutor &operator=(const ReadExecutor &) = delete;

    // Higher priority jobs start first when the pool is busy (the dashboard before hidden lists).
    template<typename T>
    QFuture<T> submit(std::function<T(JobContext &)> job, int priority = 0)
    {
        return QtConcurrent::task([path = m_path, job = std::move(job)](QPromise<T> &promise) {
                   PromiseJobContext<T> context(promise, [&path] { return threadConnection(path); });
                   if (!promise.isCanceled())
                       promise.addResult(job(context));
               })
            .onThreadPool(m_pool)
            .withPriority(priority)
            .spawn();
    }

    // Forgets reads that have not started and waits for the running ones (not on the GUI thread).
    void dropQueuedAndWait();

    // The calling thread's read-only connection to path (opened once per thread).
    static Result<QSqlDatabase> threadConnection(const QString &path);

private:
    QString m_path;
    QThreadPool m_pool;
};

} // namespace vantage::core
