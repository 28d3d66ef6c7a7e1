#include "forecastcontroller.h"

#include "analytics/forecastjob.h"
#include "storage/readqueries.h"

namespace vantage::ui {

ForecastController::ForecastController(QObject *parent) : QObject(parent) {}

void ForecastController::setStore(core::Store *store, const core::StoreInfo &info)
{
    cancel();
    m_store = store;
    m_info = info;
    m_inputs.clear();
}

void ForecastController::clearStore()
{
    cancel();
    m_store = nullptr;
    m_inputs.clear();
}

void ForecastController::forgetInput()
{
    cancel();  // a read still running would store the snapshot from before the change again
    m_inputs.clear();
}

void ForecastController::cancel()
{
    ++m_generation;
    m_busy = false;
    dropWatcher();
}

void ForecastController::dropWatcher()
{
    if (!m_watcher)
        return;
    // Nothing hears it any more (not the page, not TaskProgress, which follows the newer job).
    m_watcher->disconnect();
    m_watcher->cancel();
    connect(m_watcher, &QFutureWatcherBase::finished, m_watcher, &QObject::deleteLater);
    if (m_watcher->isFinished())
        m_watcher->deleteLater();
    m_watcher = nullptr;
}

void ForecastController::request(core::ForecastRequest request)
{
    if (!m_store)
        return;
    cancel();
    m_busy = true;
    const quint64 generation = ++m_generation;
    request.asOf = core::dashboardAsOf(m_info);
    if (const auto cached = m_inputs.find(request.measure); cached != m_inputs.end()) {
        request.currency = cached->second.currency;
        compute(cached->second, request);
        return;
    }
    ++m_jobs;
    follow(core::loadForecastInput(*m_store, request.measure, request.asOf, request.currency),
           tr("Reading sales history…"), [this, request, generation](const core::Result<core::ForecastInput> &input) {
               if (generation != m_generation)
                   return;
               if (!input) {
                   m_busy = false;
                   Q_EMIT failed(tr("The sales history for the forecast could not be read: %1").arg(input.error().message));
                   return;
               }
               m_inputs[request.measure] = input.value();
               core::ForecastRequest next = request;
               next.currency = input.value().currency;
               compute(input.value(), next);
           });
}

void ForecastController::compute(const core::ForecastInput &input, const core::ForecastRequest &request)
{
    ++m_jobs;
    const quint64 generation = m_generation;
    follow(core::computeForecast(input, request), tr("Fitting forecasts…"),
           [this, generation](const core::Result<core::ForecastReport> &report) {
               if (generation != m_generation)
                   return;
               m_busy = false;
               if (!report) {
                   if (report.error().code == core::ErrorCode::Cancelled)
                       Q_EMIT cancelled();
                   else
                       Q_EMIT failed(tr("The forecast could not be computed: %1").arg(report.error().message));
                   return;
               }
               Q_EMIT reportReady(report.value());
           });
}

// Delivers the result of the latest phase, or cancelled() when the user cancelled it.
template<typename T, typename Done>
void ForecastController::follow(QFuture<T> future, const QString &title, Done done)
{
    auto *watcher = new QFutureWatcher<T>(this);
    m_watcher = watcher;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, done = std::move(done)] {
        watcher->deleteLater();
        if (m_watcher == watcher)
            m_watcher = nullptr;
        if (watcher->isCanceled()) {
            m_busy = false;
            Q_EMIT cancelled();
            return;
        }
        if (watcher->future().resultCount() == 0) {  // the store closed under the job
            m_busy = false;
            Q_EMIT failed(tr("The forecast stopped before it had a result."));
            return;
        }
        // Queued: TaskProgress hides for this phase before the next one shows it again.
        QMetaObject::invokeMethod(this, [done, result = watcher->result()] { done(result); }, Qt::QueuedConnection);
    });
    watcher->setFuture(std::move(future));
    Q_EMIT phaseStarted(watcher, title);
}

} // namespace vantage::ui
