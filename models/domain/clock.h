#pragma once

#include <QDateTime>

#include <functional>

namespace vantage::core {

// The one place "now" comes from, so tests and benchmarks can pin the date.
class Clock
{
public:
    using NowFunction = std::function<QDateTime()>;

    static QDateTime nowUtc();
    static QDate todayUtc();
    static qint64 nowMs();

    // Replaces the time source for this process (tests); pass {} to restore the system clock.
    static void setNowFunction(NowFunction now);
};

} // namespace vantage::core
