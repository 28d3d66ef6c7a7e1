#pragma once

#include "authservice.h"

#include "protocol/syncmessages.h"

namespace vantage::server {

// POST /v1/push: each mutation in its own transaction, exactly once per (client, mid).
class PushService
{
public:
    explicit PushService(const ServerDatabase &database) : m_database(database) {}

    ApiResult<core::PushResponse> push(const Session &session, const core::PushRequest &request) const;

private:
    // Applies one mutation; a gap in the mids yields an ApiError 409 with the last applied mid.
    ApiResult<core::MutationResult> applyOne(const Session &session, const core::Mutation &mutation) const;

    const ServerDatabase &m_database;
};

} // namespace vantage::server
