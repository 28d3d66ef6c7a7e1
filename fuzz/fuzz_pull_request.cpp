// POST /v1/pull on the server: server/httpapi.cpp hands the request body, as received, to
// parsePullRequest; PullService binds cursor and limit into its change-log query.

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
    const auto parsed = core::parsePullRequest(body);
    if (!parsed) {
        fuzz::checkRefusal(parsed.error());
        return 0;
    }
    const core::PullRequest &request = parsed.value();
    fuzz::check(JsonReader::isUuid(request.clientId), "an accepted clientId is not a UUID:", request.clientId);
    fuzz::check(request.cursor >= 0 && request.cursor <= JsonReader::kMaxSafeInteger, "cursor out of range");
    fuzz::check(request.limit >= 1 && request.limit <= core::kMaxPullLimit, "limit out of range");
    fuzz::check(request.scopeEpoch >= 0, "negative scopeEpoch accepted");
    fuzz::checkRoundTrip(core::parsePullRequest, request);
    return 0;
}
