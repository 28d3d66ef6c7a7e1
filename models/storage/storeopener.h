#pragma once

#include "jobcontext.h"
#include "storeinfo.h"

namespace vantage::core {

// Opens a database for use: refuses damaged, foreign and newer files (after keeping a backup),
// creates a new one, or backs up and migrates an older one. Never overwrites anything.
class StoreOpener
{
public:
    enum class Create { IfMissing, Never };

    explicit StoreOpener(QString path) : m_path(std::move(path)) {}

    // Inspects the file before any connection writes to it, then migrates through context's connection.
    Result<StoreInfo> open(JobContext &context, Create create = Create::IfMissing) const;

private:
    QString m_path;
};

} // namespace vantage::core
