// POST /v1/push on the server: server/httpapi.cpp hands the request body, as received, to
// parsePushRequest (after authentication, so any signed-in device — or a stolen token — controls
// these bytes). What the parser accepts goes straight to PushService and the mutation handlers,
// so everything they rely on is checked here.

#include "fuzzcheck.h"

#include "protocol/entitycatalog.h"
#include "protocol/jsonreader.h"
#include "protocol/syncmessages.h"

#include <cstddef>
#include <cstdint>

using namespace vantage;
using core::JsonReader;

namespace {

void checkMutation(const core::Mutation &m)
{
    const core::EntityDescriptor *entity = core::EntityCatalog::instance().find(m.entity());
    fuzz::check(entity != nullptr, "an accepted mutation names an unknown entity:", m.name);
    fuzz::check(m.action() == QLatin1String("save") || m.action() == QLatin1String("delete"),
        "an accepted mutation has an unknown action:", m.name);
    fuzz::check(m.handlerVersion() >= 0 && m.handlerVersion() <= 999, "an accepted mutation has a bad version", m.name);
    fuzz::check(JsonReader::isUuid(m.id), "an accepted mutation id is not a UUID:", m.id);
    fuzz::check(m.baseVersion >= 0 && m.baseVersion <= JsonReader::kMaxSafeInteger, "baseVersion out of range");
    // The handlers validate again with validateFields; the parser must not let through what it refuses.
    fuzz::check(core::validateFields(entity->name, m.set, false, QStringLiteral("set")).ok(),
        "an accepted set fails validateFields");
    fuzz::check(core::validateFields(entity->name, m.base, false, QStringLiteral("base")).ok(),
        "an accepted base fails validateFields");
    fuzz::check(m.children.empty() || entity->policy == core::ConflictPolicy::Document,
        "children accepted on a non-document", m.name);
    for (const core::ChildRow &child : m.children) {
        const core::EntityDescriptor *childEntity = core::EntityCatalog::instance().find(child.entity);
        fuzz::check(
            childEntity && childEntity->parentEntity == entity->name, "an accepted child is not a part", child.entity);
        fuzz::check(JsonReader::isUuid(child.id), "an accepted child id is not a UUID:", child.id);
        fuzz::check(
            child.deleted || core::validateFields(child.entity, child.fields, true, QStringLiteral("child")).ok(),
            "an accepted child row fails validateFields");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    // A copy, as the server makes one (QByteArray::fromStdString(request.body)).
    const QByteArray body(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const auto parsed = core::parsePushRequest(body);
    if (!parsed) {
        fuzz::checkRefusal(parsed.error());
        return 0;
    }
    const core::PushRequest &request = parsed.value();
    fuzz::check(JsonReader::isUuid(request.clientId), "an accepted clientId is not a UUID:", request.clientId);
    fuzz::check(request.mutations.size() <= size_t(core::kMaxMutationsPerPush), "too many mutations accepted");
    for (size_t i = 0; i < request.mutations.size(); ++i) {
        const core::Mutation &m = request.mutations[i];
        fuzz::check(m.mid >= 1 && m.mid <= JsonReader::kMaxSafeInteger, "an accepted mid is out of range");
        fuzz::check(i == 0 || m.mid == request.mutations[i - 1].mid + 1, "accepted mids do not follow by one");
        checkMutation(m);
    }
    fuzz::checkRoundTrip(core::parsePushRequest, request);
    return 0;
}
