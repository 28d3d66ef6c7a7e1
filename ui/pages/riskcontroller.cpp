#include "riskcontroller.h"

#include "domain/clock.h"
#include "domain/futurewatch.h"
#include "storage/readqueries.h"
#include "sync/risklistrecorder.h"

namespace vantage::ui {

RiskController::RiskController(QObject *parent) : PhasedJob(parent) {}

void RiskController::setStore(core::Store *store, const core::StoreInfo &info)
{
    cancel();
    m_store = store;
    m_info = info;
}

void RiskController::clearStore()
{
    cancel();
    m_store = nullptr;
}

QDate RiskController::monday() const
{
    return core::mondayOf(core::dashboardAsOf(m_info));
}

void RiskController::request()
{
    if (!m_store)
        return;
    const quint64 generation = begin();
    follow(core::loadRiskPageInput(*m_store, monday(), core::dashboardAsOf(m_info)), tr("Reading the pipeline history…"),
           tr("The risk list stopped before it had a result."),
           [this, generation](const core::Result<core::RiskPageInput> &input) {
               if (!isCurrent(generation))
                   return;
               if (!input) {
                   finish();
                   Q_EMIT failed(tr("The pipeline history could not be read: %1").arg(input.error().message));
                   return;
               }
               compute(input.value(), generation);
           });
}

void RiskController::compute(core::RiskPageInput input, quint64 generation)
{
    follow(core::computeRiskPage(std::move(input), core::Clock::nowUtc().toMSecsSinceEpoch()),
           tr("Scoring the open pipeline…"), tr("The risk list stopped before it had a result."),
           [this, generation](const core::Result<core::RiskPageData> &data) {
               if (!isCurrent(generation))
                   return;
               if (!data) {
                   finish();
                   if (data.error().code == core::ErrorCode::Cancelled)
                       Q_EMIT cancelled();
                   else
                       Q_EMIT failed(tr("The risk list could not be made: %1").arg(data.error().message));
                   return;
               }
               auto shared = std::make_shared<const core::RiskPageData>(data.value());
               Q_EMIT pageReady(shared);
               if (shared->madeNow.empty())
                   finish();
               else
                   store(shared, generation);
           });
}

void RiskController::store(std::shared_ptr<const core::RiskPageData> data, quint64 generation)
{
    follow(sync::storeRiskSnapshots(*m_store, data->madeNow), tr("Saving this week's lists…"),
           tr("This week's lists were not saved: the database closed."),
           [this, generation, data](const core::Status &saved) {
               if (!isCurrent(generation))
                   return;
               finish();
               if (!saved) {
                   Q_EMIT failed(tr("This week's lists could not be saved: %1").arg(saved.error().message));
                   return;
               }
               int entries = 0;
               for (const core::RiskSnapshot &snapshot : data->madeNow)
                   entries += int(snapshot.entries.size());
               Q_EMIT listsMade(int(data->madeNow.size()), entries);
           });
}

void RiskController::saveFollowUp(const core::RiskFollowUp &followUp, const QString &regionId)
{
    if (!m_store)
        return;
    core::watchFuture(this, sync::storeRiskFollowUp(*m_store, followUp, regionId), [this, followUp](const core::Status &saved) {
        if (saved)
            Q_EMIT followUpSaved(followUp);
        else
            Q_EMIT failed(tr("The follow-up could not be saved: %1").arg(saved.error().message));
    });
}

void RiskController::saveActionRules(const QHash<QString, QString> &rules)
{
    if (!m_store || rules.isEmpty())
        return;
    core::watchFuture(this, sync::storeRiskActionRules(*m_store, rules), [this, rules](const core::Status &saved) {
        if (saved)
            Q_EMIT actionRulesSaved(rules);
        else
            Q_EMIT failed(tr("The next steps could not be saved: %1").arg(saved.error().message));
    });
}

} // namespace vantage::ui
