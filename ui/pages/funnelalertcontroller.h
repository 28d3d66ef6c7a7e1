#pragma once

#include "analytics/funnelalertrules.h"
#include "sync/funnelalertrecorder.h"

#include <QObject>

#include <memory>

namespace vantage::core {
class Store;
}

namespace vantage::ui {

// The funnel alerts tab's jobs: acknowledge/mute states and rules saved on the store's writer
// (they sync like other records), and the alerts raised again under changed rules on the pool.
class FunnelAlertController : public QObject
{
    Q_OBJECT
public:
    explicit FunnelAlertController(QObject *parent = nullptr);

    void setStore(core::Store *store) { m_store = store; }
    void saveState(const core::FunnelAlertState &state, const QString &regionId);
    void saveRules(const sync::FunnelRuleChanges &changes);
    void raise(std::shared_ptr<const core::RiskHistory> history, const QDate &monday,
               std::vector<core::FunnelAlertRule> rules);

Q_SIGNALS:
    void stateSaved(const vantage::core::FunnelAlertState &state);
    // Every rule as saved (with ids), and the ids removed.
    void rulesSaved(const std::vector<vantage::core::FunnelAlertRule> &saved, const QStringList &removed);
    void raised(const std::vector<vantage::core::RaisedFunnelAlert> &alerts);
    void failed(const QString &message);

private:
    core::Store *m_store = nullptr;
    quint64 m_raising = 0;  // the latest raise: an older one finishing later is dropped
};

} // namespace vantage::ui
