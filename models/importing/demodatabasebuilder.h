#pragma once

#include "demoimporter.h"

namespace vantage::core {

// Builds a complete demo database file: a fresh file next to the target, migrated and imported,
// then moved into place. A crash or a cancel never leaves a half-built demo; a replaced demo file
// is kept as a backup first.
class DemoDatabaseBuilder
{
public:
    DemoDatabaseBuilder(QString targetPath, QDate asOf, DemoSources sources = DemoSources::bundled())
        : m_targetPath(std::move(targetPath)), m_asOf(asOf), m_sources(std::move(sources))
    {
    }

    // Uses context only for progress and cancellation; the builder opens its own connection.
    Result<ImportReport> build(JobContext &context) const;

private:
    Result<ImportReport> buildInto(const QString &path, JobContext &context) const;
    Status moveIntoPlace(const QString &builtPath) const;

    QString m_targetPath;
    QDate m_asOf;
    DemoSources m_sources;
};

} // namespace vantage::core
