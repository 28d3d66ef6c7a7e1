#pragma once

#include <QString>

namespace vantage::core {

// A lower-case UUID (RFC 9562 version 8) derived from a name by SHA-256: two machines that make
// the same record ("risk_snapshot|<region>|2026-W48") give it the same id, so sync sees one row.
QString namedId(const QString &name);

} // namespace vantage::core
