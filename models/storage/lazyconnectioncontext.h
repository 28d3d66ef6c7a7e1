#pragma once

#include "connection.h"
#include "jobcontext.h"

#include <functional>
#include <memory>

namespace vantage::core {

// A JobContext that opens its read-write connection only when a job first asks for it, and closes
// it with the context. StoreOpener inspects a file before asking, so nothing is created or
// written by merely trying to open a damaged, foreign or mistyped path (CLI, tests, tools).
class LazyConnectionContext : public JobContext
{
public:
    using ProgressFunction = std::function<void(int, int, const QString &)>;

    explicit LazyConnectionContext(QString path, ProgressFunction progress = {});
    ~LazyConnectionContext() override;

    Result<QSqlDatabase> connection() override;
    void setProgress(int value, int maximum, const QString &text) override;

private:
    QString m_path;
    ProgressFunction m_progress;
    std::unique_ptr<ScopedConnection> m_connection;
};

} // namespace vantage::core
