// The client reading a page of changes (SyncEngine::pull → parsePullResponse); a broken server, a
// proxy or anyone between controls these bytes. What is accepted goes to ChangeApplier::applyPage
// and, for a reset, to evictRegions: everything they rely on is checked here.

#include "fuzzcheck.h"

#include "protocol/entitycatalog.h"
#include "protocol/jsonreader.h"
#include "protocol/syncmessages.h"

#include <cstddef>
#include <cstdint>

using namespace vantage;
using core::JsonReader;

namespace {

void checkChange(const core::Change &change)
{
    fuzz::check(change.seq >= 1 && change.seq <= JsonReader::kMaxSafeInteger, "an accepted seq is out of range");
    fuzz::check(
        core::EntityCatalog::instance().find(change.entity) != nullptr, "an unknown entity accepted:", change.entity);
    fuzz::check(JsonReader::isUuid(change.id), "an accepted id is not a UUID:", change.id);
    fuzz::check(change.version >= 0, "a negative version accepted");
    fuzz::check(change.regionId.isEmpty() || JsonReader::isUuid(change.regionId),
        "an accepted region is neither absent nor a UUID:", change.regionId);
    if (change.op == QLatin1String("put"))
        fuzz::check(core::validateFields(change.entity, change.row, true, QStringLiteral("row")).ok(),
            "an accepted put row fails validateFields");
    else
        fuzz::check(change.op == QLatin1String("del") || change.op == QLatin1String("evict"),
            "an unknown op accepted:", change.op);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const auto parsed = core::parsePullResponse(body);
    if (!parsed) {
        fuzz::checkRefusal(parsed.error());
        return 0;
    }
    const core::PullResponse &page = parsed.value();
    fuzz::check(page.cursor >= 0 && page.lastMid >= 0 && page.scopeEpoch >= 0, "a negative position accepted");
    fuzz::check(page.changes.size() <= size_t(core::kMaxPullLimit) * 4, "too many changes accepted");
    for (const core::Change &change : page.changes)
        checkChange(change);
    // evictRegions deletes by these ids: each must name a region, or the rows stay behind as ghosts.
    for (const QString &region : page.regionsRemoved + page.regionsAdded)
        fuzz::check(JsonReader::isUuid(region), "an accepted region list holds a non-id:", region);
    fuzz::checkRoundTrip(core::parsePullResponse, page);
    return 0;
}
