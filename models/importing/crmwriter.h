#pragma once

#include "crmsource.h"
#include "importcontext.h"
#include "tableinserter.h"

#include <memory>

namespace vantage::core {

// Writes the CRM pipeline: sales reps and regional managers (plus a demo director and admin),
// B2B accounts, the product price list, and opportunities with their stage, expected-close and
// amount history.
class CrmWriter
{
public:
    explicit CrmWriter(ImportContext &context) : m_context(context) {}

    Status write(const CrmData &data);

    static QString loginFor(const QString &displayName);
    static QString stageCode(const QString &sourceStage) { return sourceStage.toLower(); }

private:
    Status writeStages();
    Status writeUsers(const CrmData &data);
    Status writeUser(TableInserter &users, TableInserter &userRegions, const QString &name, const QString &role,
                     const QString &managerId, const QStringList &regionIds);
    Status writeAccounts(const CrmData &data);
    Status writeProducts(const CrmData &data);
    Status writeOpportunities(const CrmData &data);
    Status writeHistory(const CrmOpportunity &o, const QString &opportunityId, const QString &regionId,
                        const QDate &expectedClose, bool closeEstimated);

    ImportContext &m_context;
    QHash<QString, qint64> m_listPriceByProduct;
    QHash<QString, int> m_medianCycleDaysByProduct;
    std::unique_ptr<TableInserter> m_stageHistory;
    std::unique_ptr<TableInserter> m_closeHistory;
    std::unique_ptr<TableInserter> m_amountHistory;
};

} // namespace vantage::core
