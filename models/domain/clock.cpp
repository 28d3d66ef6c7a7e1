#include "clock.h"

#include <QMutex>

namespace vantage::core {
namespace {
QMutex s_mutex;
Clock::NowFunction s_now;
} // namespace

QDateTime Clock::nowUtc()
{
    QMutexLocker lock(&s_mutex);
    return s_now ? s_now().toUTC() : QDateTime::currentDateTimeUtc();
}

QDate Clock::todayUtc()
{
    return nowUtc().date();
}

qint64 Clock::nowMs()
{
    return nowUtc().toMSecsSinceEpoch();
}

void Clock::setNowFunction(NowFunction now)
{
    QMutexLocker lock(&s_mutex);
    s_now = std::move(now);
}

} // namespace vantage::core
