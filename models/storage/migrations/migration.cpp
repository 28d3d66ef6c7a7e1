#include "migration.h"

namespace vantage::core {

const std::vector<Migration> &schemaMigrations()
{
    static const std::vector<Migration> migrations{
        migration0001Domain(),
        migration0002ReportingIndexes(),
        migration0003SyncedStages(),
        migration0004RiskList(),
        migration0005FunnelAlertRules(),
        migration0006SeasonalBaseline(),
        migration0007RefusedField(),
    };
    return migrations;
}

} // namespace vantage::core
