#include "forecastjob.h"

#include "forecastcache.h"
#include "hierarchyforecaster.h"

#include "storage/forecastrepository.h"
#include "storage/outlookrepository.h"
#include "storage/store.h"

#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

namespace vantage::core {

QFuture<Result<ForecastInput>> loadForecastInput(Store &store, ForecastMeasure measure, const QDate &asOf,
                                                 const QString &currency)
{
    return store.submitRead<Result<ForecastInput>>(
        [measure, asOf, currency](JobContext &context) -> Result<ForecastInput> {
            auto db = context.connection();
            if (!db)
                return db.error();
            return ForecastRepository(db.value()).load(measure, asOf, currency);
        },
        Store::kInteractivePriority);
}

QFuture<Result<DashboardOutlook>> loadDashboardOutlook(Store &store, const QDate &asOf, const QString &currency)
{
    return store
        .submitRead<Result<OutlookInput>>([asOf, currency](JobContext &context) -> Result<OutlookInput> {
            auto db = context.connection();
            if (!db)
                return db.error();
            return OutlookRepository(db.value()).load(asOf, currency);
        })
        .then(QtFuture::Launch::Async, [](const Result<OutlookInput> &input) -> Result<DashboardOutlook> {
            if (!input)
                return input.error();
            return computeDashboardOutlook(input.value(), ForecastCache::shared());
        });
}

QFuture<Result<ForecastReport>> computeForecast(ForecastInput input, ForecastRequest request)
{
    return QtConcurrent::run([input = std::move(input), request](QPromise<Result<ForecastReport>> &promise) {
        HierarchyForecaster::Hooks hooks;
        hooks.cancelled = [&promise] { return promise.isCanceled(); };
        hooks.progress = [&promise](int done, int total) {
            promise.setProgressRange(0, total);
            promise.setProgressValue(done);
        };
        auto report = HierarchyForecaster::run(input, request, ForecastCache::shared(), hooks);
        if (!promise.isCanceled())
            promise.addResult(std::move(report));
    });
}

} // namespace vantage::core
