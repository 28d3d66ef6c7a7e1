#include "forecastcache.h"

#include <QCryptographicHash>

namespace vantage::core {

QByteArray ForecastCache::key(std::span<const double> history, int period, int horizon, ForecastMethod method)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    const int header[] = {period, horizon, int(method)};
    hash.addData(QByteArrayView(reinterpret_cast<const char *>(header), sizeof header));
    hash.addData(QByteArrayView(reinterpret_cast<const char *>(history.data()), qsizetype(history.size_bytes())));
    return hash.result();
}

Result<ForecastResult> ForecastCache::forecast(std::span<const double> history, int period, int horizon,
                                               ForecastMethod method, int *fitted)
{
    const QByteArray id = key(history, period, horizon, method);
    {
        std::lock_guard lock(m_mutex);
        if (auto found = m_entries.find(id); found != m_entries.end()) {
            m_order.splice(m_order.begin(), m_order, found->second);
            return found->first;
        }
    }
    auto result = Forecaster::forecast(history, period, horizon, method);  // outside the lock
    if (fitted)
        ++*fitted;
    std::lock_guard lock(m_mutex);
    if (!m_entries.contains(id)) {
        m_order.push_front(id);
        m_entries.insert(id, {result, m_order.begin()});
        while (m_entries.size() > qsizetype(m_capacity)) {
            m_entries.remove(m_order.back());
            m_order.pop_back();
        }
    }
    return result;
}

ForecastCache &ForecastCache::shared()
{
    static ForecastCache cache;
    return cache;
}

} // namespace vantage::core
