// The client reading the server's answer to a push (SyncEngine::push → parsePushResponse); a broken
// server, a proxy or anyone between controls these bytes. The server also re-reads its own stored
// answers with this parser (PushService, duplicates).

#include "fuzzcheck.h"

#include "protocol/jsonreader.h"
#include "protocol/syncmessages.h"

#include <cstddef>
#include <cstdint>

using namespace vantage;
using core::JsonReader;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const auto parsed = core::parsePushResponse(body);
    if (!parsed) {
        fuzz::checkRefusal(parsed.error());
        return 0;
    }
    const core::PushResponse &response = parsed.value();
    fuzz::check(response.lastMid >= 0 && response.lastMid <= JsonReader::kMaxSafeInteger, "lastMid out of range");
    fuzz::check(response.results.size() <= size_t(core::kMaxMutationsPerPush), "too many results accepted");
    static const QStringList statuses { QStringLiteral("applied"), QStringLiteral("merged"), QStringLiteral("rejected"),
        QStringLiteral("conflict") };
    for (const core::MutationResult &result : response.results) {
        fuzz::check(result.mid >= 1 && result.mid <= JsonReader::kMaxSafeInteger, "an accepted mid is out of range");
        fuzz::check(statuses.contains(result.status), "an unknown status accepted:", result.status);
        fuzz::check(result.version >= 0, "a negative version accepted");
    }
    fuzz::checkRoundTrip(core::parsePushResponse, response);
    return 0;
}
