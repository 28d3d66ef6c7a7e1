#pragma once

#include "readexecutor.h"
#include "storeinfo.h"
#include "storewriter.h"

#include <QFuture>
#include <QObject>

#include <memory>

namespace vantage::core {

// One open database: its writer thread and its pool of readers. Everything the app reads or writes
// goes through submitRead/submitWrite and comes back as a QFuture (never blocking the GUI thread).
class Store : public QObject
{
    Q_OBJECT
public:
    explicit Store(QString path, QObject *parent = nullptr);
    ~Store() override;

    const QString &path() const { return m_path; }
    // Drops queued reads and waits, on a pool thread, until running reads and all submitted writes
    // are done; afterwards the Store can be deleted without blocking the caller's thread.
    QFuture<void> finishJobs();
    // Inspects, backs up and migrates as needed, on the writer thread.
    QFuture<Result<StoreInfo>> open();
    // Reads every page of the file on a reader thread (DatabaseFile::verify).
    QFuture<Status> verify();

    static constexpr int kInteractivePriority = 10; // what the user is looking at right now

    template<typename T>
    QFuture<T> submitRead(std::function<T(JobContext &)> job, int priority = 0)
    {
        return m_reader->submit<T>(std::move(job), priority);
    }
    template<typename T>
    QFuture<T> submitWrite(std::function<T(JobContext &)> job)
    {
        return m_writer->submit<T>(std::move(job));
    }

private:
    QString m_path;
    std::unique_ptr<StoreWriter> m_writer;
    std::unique_ptr<ReadExecutor> m_reader;
};

} // namespace vantage::core
