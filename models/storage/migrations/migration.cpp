#include "migration.h"

namespace vantage::core {

const std::vector<Migration> &schemaMigrations()
{
    static const std::vector<Migration> migrations{
        migration0001Domain(),
        migration0002ReportingIndexes(),
    };
    return migrations;
}

} // namespace vantage::core
