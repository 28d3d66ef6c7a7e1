#include "forecastcontroller.h"

#include "analytics/forecastjob.h"
#include "storage/readqueries.h"

namespace vantage::ui {

ForecastController::ForecastController(QObject *parent) : PhasedJob(parent) {}

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

void ForecastController::request(core::ForecastRequest request)
{
    if (!m_store)
        return;
    const quint64 generation = begin();
    request.asOf = core::dashboardAsOf(m_info);
    if (const auto cached = m_inputs.find(request.measure); cached != m_inputs.end()) {
        request.currency = cached->second.currency;
        compute(cached->second, request, generation);
        return;
    }
    ++m_jobs;
    follow(core::loadForecastInput(*m_store, request.measure, request.asOf, request.currency),
           tr("Reading sales history…"), tr("The forecast stopped before it had a result."),
           [this, request, generation](const core::Result<core::ForecastInput> &input) {
               if (!isCurrent(generation))
                   return;
               if (!input) {
                   finish();
                   Q_EMIT failed(tr("The sales history for the forecast could not be read: %1").arg(input.error().message));
                   return;
               }
               m_inputs[request.measure] = input.value();
               core::ForecastRequest next = request;
               next.currency = input.value().currency;
               compute(input.value(), next, generation);
           });
}

void ForecastController::compute(const core::ForecastInput &input, const core::ForecastRequest &request, quint64 generation)
{
    ++m_jobs;
    follow(core::computeForecast(input, request), tr("Fitting forecasts…"), tr("The forecast stopped before it had a result."),
           [this, generation](const core::Result<core::ForecastReport> &report) {
               if (!isCurrent(generation))
                   return;
               finish();
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

} // namespace vantage::ui
