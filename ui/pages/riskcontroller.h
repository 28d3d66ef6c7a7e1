#pragma once

#include "phasedjob.h"

#include "analytics/riskjob.h"
#include "storage/storeinfo.h"

#include <memory>

namespace vantage::core {
class Store;
}

namespace vantage::ui {

// Runs the Risk page's jobs: reads the pipeline history and this week's stored lists, trains and
// scores on the thread pool, then stores the lists made for regions that had none this week
// (they sync like other records). Follow-ups are saved on the store's writer.
class RiskController : public PhasedJob
{
    Q_OBJECT
public:
    explicit RiskController(QObject *parent = nullptr);

    void setStore(core::Store *store, const core::StoreInfo &info);
    void clearStore();
    bool hasStore() const { return m_store != nullptr; }
    // The Monday of the week the page shows: the week of the data's "today".
    QDate monday() const;

    void request();
    void saveFollowUp(const core::RiskFollowUp &followUp, const QString &regionId);
    // reason code → step; an empty step goes back to the built-in one.
    void saveActionRules(const QHash<QString, QString> &rules);

Q_SIGNALS:
    void pageReady(std::shared_ptr<const vantage::core::RiskPageData> ready);
    // New lists were made and stored this run: regions and entries.
    void listsMade(int regions, int entries);
    void followUpSaved(const vantage::core::RiskFollowUp &followUp);
    void actionRulesSaved(const QHash<QString, QString> &rules);

private:
    void compute(core::RiskPageInput input, quint64 generation);
    void store(std::shared_ptr<const core::RiskPageData> data, quint64 generation);

    core::Store *m_store = nullptr;
    core::StoreInfo m_info;
};

} // namespace vantage::ui
