#include "risklistmaker.h"

#include "auditlog.h"
#include "scratchcopy.h"
#include "syncstore.h"

#include "analytics/riskjob.h"
#include "domain/clock.h"
#include "protocol/risksnapshotrows.h"

#include <QCoreApplication>

namespace vantage::server {
namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::server::RiskListMaker)
};

} // namespace

core::Result<RiskListMaker::Outcome> RiskListMaker::makeWeek(const QDate &monday, qint64 nowMs) const
{
    if (!monday.isValid() || monday.dayOfWeek() != Qt::Monday)
        return core::Error{core::ErrorCode::InvalidInput, Tr::tr("A week's risk lists start on a Monday."), QString()};
    auto scratch = ScratchCopy::make(m_database, QStringLiteral("risk-scratch"));
    if (!scratch)
        return scratch.error();
    Outcome outcome;
    outcome.rowsRead = scratch.value()->rowsCopied();
    auto input = core::readRiskPageInput(scratch.value()->database(), monday, core::Clock::nowUtc().date());
    if (!input)
        return input.error();
    input.value().madeBy = QStringLiteral("server");
    outcome.isoWeek = core::isoWeekOf(monday);
    outcome.existing = int(input.value().stored.size());
    auto page = core::makeRiskLists(input.value(), nowMs);
    if (!page)
        return page.error();
    const std::vector<core::RiskSnapshot> &made = page.value().madeNow;
    auto stored = storeRows(core::riskSnapshotRows(made), nowMs);
    if (!stored)
        return stored.error();
    for (const core::RiskSnapshot &snapshot : made) {
        outcome.made += 1;
        outcome.entries += int(snapshot.entries.size());
    }
    return outcome;
}

// Lists a laptop pushed in the meantime are kept as they are: theirs and ours are the same list.
core::Result<int> RiskListMaker::storeRows(const std::vector<core::NamedRow> &rows, qint64 nowMs) const
{
    if (rows.empty())
        return 0;
    int written = 0;
    const core::Status done = m_database.transaction([&](QSqlDatabase &db) -> core::Status {
        written = 0;
        const SyncStore store(db, m_database);
        std::vector<RowWrite> writes;
        for (const core::NamedRow &row : rows) {
            auto existing = store.load(row.entity, row.id, true);
            if (!existing)
                return existing.error();
            if (existing.value().exists)
                continue;
            writes.push_back({StoredRow{row.entity, row.id, row.regionId, {}, 1, 0, false, row.fields, true}, QString(), false});
        }
        written = int(writes.size());
        if (writes.empty())
            return {};
        if (auto seq = store.commit(writes, nowMs); !seq)
            return seq.error();
        return writeAudit(db, {QString(), QString(), QStringLiteral("risk_lists_made"), QStringLiteral("risk_snapshot"), {},
                               QJsonObject{{QStringLiteral("rows"), written}}, QStringLiteral("server")}, nowMs);
    });
    if (!done)
        return done.error();
    return written;
}

} // namespace vantage::server
