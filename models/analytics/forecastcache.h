#pragma once

#include "forecaster.h"

#include <QByteArray>
#include <QHash>

#include <list>
#include <mutex>
#include <optional>
#include <span>

namespace vantage::core {

// Remembers forecasts by their exact input (values, period, horizon, method), so a refresh
// refits only the series whose data changed. A refusal is remembered too: a series the method
// cannot fit is not tried again. Thread-safe; least recently used entries go first when it
// holds more than its capacity.
class ForecastCache
{
public:
    explicit ForecastCache(std::size_t capacity = 4096) : m_capacity(capacity) {}

    // The cached answer or a new one (counted in *fitted when it had to be computed).
    Result<ForecastResult> forecast(std::span<const double> history, int period, int horizon,
                                    ForecastMethod method, int *fitted = nullptr);

    // The app's one cache, shared by every forecast job.
    static ForecastCache &shared();

private:
    static QByteArray key(std::span<const double> history, int period, int horizon, ForecastMethod method);

    mutable std::mutex m_mutex;
    std::size_t m_capacity;
    std::list<QByteArray> m_order;  // most recently used first
    QHash<QByteArray, std::pair<Result<ForecastResult>, std::list<QByteArray>::iterator>> m_entries;
};

} // namespace vantage::core
