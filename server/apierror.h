#pragma once

#include <QString>

namespace vantage::server {

// An answer other than 200: the HTTP status, a stable code clients act on, and a message
// (English; clients show their own translated text for known codes).
struct ApiError
{
    int status = 400;
    QString code;
    QString message;
    int retryAfterSeconds = 0; // 429 and 503
    qint64 lastMid = -1;       // 409 on a push gap
};

} // namespace vantage::server
