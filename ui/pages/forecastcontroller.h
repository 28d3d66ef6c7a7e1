#pragma once

#include "analytics/forecastreport.h"
#include "domain/result.h"
#include "storage/storeinfo.h"

#include <QFutureWatcher>
#include <QObject>

#include <map>

namespace vantage::core {
class Store;
}

namespace vantage::ui {

// Runs the Forecast page's jobs: reads a measure's series on a reader thread (kept per measure
// until the store changes), then fits on the thread pool. A newer request cancels the older one;
// only the latest answer is delivered. Watchers are children of this object.
class ForecastController : public QObject
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
    void cancel();
    bool isRunning() const { return m_busy; }
    // Jobs started (reads and fits), for tests: a filter that only selects a node starts none.
    int jobsStarted() const { return m_jobs; }

Q_SIGNALS:
    // A phase began: the watcher's future can be followed and cancelled (TaskProgress).
    void phaseStarted(QFutureWatcherBase *watcher, const QString &title);
    void reportReady(const vantage::core::ForecastReport &report);
    void failed(const QString &message);
    void cancelled();

private:
    void compute(const core::ForecastInput &input, const core::ForecastRequest &request);
    template<typename T, typename Done>
    void follow(QFuture<T> future, const QString &title, Done done);
    void dropWatcher();

    core::Store *m_store = nullptr;
    core::StoreInfo m_info;
    std::map<core::ForecastMeasure, core::ForecastInput> m_inputs;
    QFutureWatcherBase *m_watcher = nullptr;
    quint64 m_generation = 0;
    bool m_busy = false;
    int m_jobs = 0;
};

} // namespace vantage::ui
