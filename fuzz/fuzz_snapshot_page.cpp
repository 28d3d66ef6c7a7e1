// The client reading a page of the first download (SyncEngine::receiveSnapshotPage →
// parseSnapshotPage); a broken server, a proxy or anyone between controls these bytes. What is
// accepted goes straight to ChangeApplier::applySnapshot: everything it relies on is checked here.

#include "fuzzcheck.h"

#include "protocol/entitycatalog.h"
#include "protocol/jsonreader.h"
#include "protocol/syncmessages.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstddef>
#include <cstdint>

using namespace vantage;
using core::JsonReader;

namespace {

void checkPage(const core::SnapshotPage &page, const QString &asked)
{
    fuzz::check(page.entity == asked, "a page of another record type accepted:", page.entity);
    fuzz::check(page.at >= 0 && page.at <= JsonReader::kMaxSafeInteger, "an accepted position is out of range");
    fuzz::check(page.rows.size() <= size_t(core::kMaxPullLimit), "too many rows accepted");
    fuzz::check(page.next.isEmpty() || JsonReader::isUuid(page.next), "an accepted next is not a UUID:", page.next);
    for (const core::SnapshotRow &row : page.rows) {
        fuzz::check(JsonReader::isUuid(row.id), "an accepted id is not a UUID:", row.id);
        fuzz::check(row.regionId.isEmpty() || JsonReader::isUuid(row.regionId), "an accepted region is not a UUID:", row.regionId);
        fuzz::check(row.version >= 0, "a negative version accepted");
        fuzz::check(core::validateFields(asked, row.row, true, QStringLiteral("row")).ok(), "an accepted row fails validateFields");
    }
}

void parseAs(const QByteArray &body, const QString &entity)
{
    const auto parsed = core::parseSnapshotPage(body, entity);
    if (!parsed) {
        fuzz::checkRefusal(parsed.error());
        return;
    }
    checkPage(parsed.value(), entity);
    fuzz::checkRoundTrip([&entity](const QByteArray &json) { return core::parseSnapshotPage(json, entity); }, parsed.value());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    // As the record type the page names (so every entity's fields get fuzzed) and as one it does not.
    const QString named = QJsonDocument::fromJson(body).object().value(QStringLiteral("entity")).toString();
    if (core::EntityCatalog::instance().find(named))
        parseAs(body, named);
    parseAs(body, named == QLatin1String("account") ? QStringLiteral("opportunity") : QStringLiteral("account"));
    return 0;
}
