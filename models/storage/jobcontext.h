#pragma once

#include "domain/result.h"

#include <QPromise>
#include <QSqlDatabase>
#include <QString>

#include <functional>

namespace vantage::core {

// What a background job may ask of whoever runs it: its connection, whether the user cancelled,
// and a place to report progress. Jobs are plain functions of (JobContext&), so the same code runs
// on the store's threads in the app and synchronously in the CLI and tests.
class JobContext
{
public:
    virtual ~JobContext() = default;
    virtual Result<QSqlDatabase> connection() = 0;
    virtual bool isCanceled() const { return false; }
    virtual void setProgress(int /*value*/, int /*maximum*/, const QString & /*text*/) {}
};

// Runs a job on the calling thread over a connection the caller owns.
class DirectJobContext : public JobContext
{
public:
    using ProgressFunction = std::function<void(int, int, const QString &)>;
    explicit DirectJobContext(QSqlDatabase db, ProgressFunction progress = {})
        : m_db(std::move(db)), m_progress(std::move(progress))
    {
    }
    Result<QSqlDatabase> connection() override { return m_db; }
    void setProgress(int value, int maximum, const QString &text) override
    {
        if (m_progress)
            m_progress(value, maximum, text);
    }

private:
    QSqlDatabase m_db;
    ProgressFunction m_progress;
};

// Adapts a QPromise: cancel() on the QFuture is seen by the job, progress reaches a QFutureWatcher.
template<typename T>
class PromiseJobContext : public JobContext
{
public:
    PromiseJobContext(QPromise<T> &promise, std::function<Result<QSqlDatabase>()> connect)
        : m_promise(promise), m_connect(std::move(connect))
    {
    }
    Result<QSqlDatabase> connection() override { return m_connect(); }
    bool isCanceled() const override { return m_promise.isCanceled(); }
    void setProgress(int value, int maximum, const QString &text) override
    {
        m_promise.setProgressRange(0, maximum);
        m_promise.setProgressValueAndText(value, text);
    }

private:
    QPromise<T> &m_promise;
    std::function<Result<QSqlDatabase>()> m_connect;
};

} // namespace vantage::core
