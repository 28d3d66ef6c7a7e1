#include "funnelalertcontroller.h"

#include "domain/futurewatch.h"

#include <QtConcurrent/QtConcurrentRun>

namespace vantage::ui {

FunnelAlertController::FunnelAlertController(QObject *parent) : QObject(parent) {}

void FunnelAlertController::saveState(const core::FunnelAlertState &state, const QString &regionId)
{
    if (!m_store)
        return;
    core::watchFuture(this, sync::storeFunnelAlertState(*m_store, state, regionId), [this, state](const core::Status &saved) {
        if (saved)
            Q_EMIT stateSaved(state);
        else
            Q_EMIT failed(tr("The alert could not be updated: %1").arg(saved.error().message));
    });
}

void FunnelAlertController::saveRules(const sync::FunnelRuleChanges &changes)
{
    if (!m_store || (changes.saved.empty() && changes.removed.isEmpty()))
        return;
    const QStringList removed = changes.removed;
    core::watchFuture(this, sync::storeFunnelAlertRules(*m_store, changes),
                      [this, removed](const core::Result<std::vector<core::FunnelAlertRule>> &saved) {
                          if (saved)
                              Q_EMIT rulesSaved(saved.value(), removed);
                          else
                              Q_EMIT failed(tr("The alert rules could not be saved: %1").arg(saved.error().message));
                      });
}

void FunnelAlertController::raise(std::shared_ptr<const core::RiskHistory> history, const QDate &monday,
                                  std::vector<core::FunnelAlertRule> rules)
{
    if (!history)
        return;
    const quint64 run = ++m_raising;
    auto raising = QtConcurrent::run([history = std::move(history), monday, rules = std::move(rules)] {
        return core::raiseFunnelAlerts(*history, monday, rules);
    });
    core::watchFuture(this, std::move(raising), [this, run](const std::vector<core::RaisedFunnelAlert> &alerts) {
        if (run == m_raising)
            Q_EMIT raised(alerts);
    });
}

} // namespace vantage::ui
