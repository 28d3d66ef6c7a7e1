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
    // Sync with the server
    Network,       // not reached: the change stays in the outbox
    Unauthorized,  // wrong login, expired or invalid session: sign in again
    Revoked,       // an administrator revoked the user or device: local company data is wiped
    ClientTooOld,  // 426: update the app; the outbox is kept
    Throttled,     // 429
    ServerBusy,    // 503 and other 5xx: try again later
    Protocol,      // an answer the client does not understand
};

struct Error
{
    ErrorCode code = ErrorCode::Io;
    QString message; // translated, shown to the user: says what and where
    QString detail;  // technical, for the log (driver text, SQL state, errno)
};

} // namespace vantage::core
