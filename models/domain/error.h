#pragma once

#include <QString>

namespace vantage::core {

// What went wrong, for code (code), for the log (detail) and for the user (message, translated).
enum class ErrorCode {
    Io,
    Database,
    DatabaseDamaged,
    DatabaseTooNew,
    MigrationFailed,
    NotFound,
    InvalidInput,
    Overflow,
    CurrencyMismatch,
    Cancelled,
    ImportFailed,
};

struct Error
{
    ErrorCode code = ErrorCode::Io;
    QString message; // translated, shown to the user: says what and where
    QString detail;  // technical, for the log (driver text, SQL state, errno)
};

} // namespace vantage::core
