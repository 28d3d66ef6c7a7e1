#pragma once

#include "domain/result.h"

#include <QByteArray>
#include <QString>

namespace vantage::core {

// Writes an exported file all at once: the bytes go to a temporary file beside the target that
// replaces it only when complete, so a failed export leaves no partial file and an older export
// with the same name untouched.
class ExportFile
{
public:
    // Fails with ErrorCode::Io and a message naming the file.
    static Status save(const QString &path, const QByteArray &bytes);
};

} // namespace vantage::core
