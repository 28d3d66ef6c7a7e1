#include "migration.h"

namespace vantage::core {

// A change refused for a guarded field keeps which field (the push result's `field`, ADR 0007), so
// the Sync page names it in the user's language instead of reading it out of the server's English.
Migration migration0007RefusedField()
{
    return {7, QStringLiteral("refused field"), {
        QStringLiteral("ALTER TABLE outbox ADD COLUMN result_field TEXT"),
    }};
}

} // namespace vantage::core
