#pragma once

#include "analytics/forecastreport.h"
#include "domain/result.h"
#include "storage/storeinfo.h"

#include "phasedjob.h"

#include <map>

namespace vantage::core {
class Store;
}

namespace vantage::ui {

// Runs the Forecast page's jobs: reads a measure's series on a reader thread (kept per measure
// until the store changes), then fits on the thread pool. A newer request cancels the older one;
// only the latest answer is delivered.
class ForecastController : public PhasedJob
{
    Q_OBJECT
public:
    explicit ForecastController(QObject *parent = nullptr);

    void setStore(core::Store *store, const core::StoreInfo &info);
    void clearStore();
    // The data changed underneath: the series are read again on the next request.
    void forgetInput();
    bool hasStore() const { return m_store != nullptr; }

    // asOf and currency of the request are filled in from the store.
    void request(core::ForecastRequest request);
    // Jobs started (reads and fits), for tests: a filter that only selects a node starts none.
    int jobsStarted() const { return m_jobs; }

Q_SIGNALS:
    void reportReady(const vantage::core::ForecastReport &report);

private:
    void compute(const core::ForecastInput &input, const core::ForecastRequest &request, quint64 generation);

    core::Store *m_store = nullptr;
    core::StoreInfo m_info;
    std::map<core::ForecastMeasure, core::ForecastInput> m_inputs;
    int m_jobs = 0;
};

} // namespace vantage::ui
