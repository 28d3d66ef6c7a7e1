#pragma once

#include "authservice.h"

#include "protocol/syncmessages.h"

#include <QJsonObject>
#include <QUrlQuery>

namespace vantage::server {

// POST /v1/pull and GET /v1/snapshot: changes after a cursor, in commit order and within the
// caller's regions (rows that left them come as evict), or a keyset-paged copy of one entity.
class PullService
{
public:
    explicit PullService(const ServerDatabase &database) : m_database(database) {}

    ApiResult<core::PullResponse> pull(const Session &session, const core::PullRequest &request) const;
    ApiResult<QJsonObject> snapshot(const Session &session, const QUrlQuery &query) const;

    // The oldest cursor the change log can still serve (older clients reload: reset "horizon").
    static constexpr char kHorizonKey[] = "horizon_seq";

private:
    core::Result<core::PullResponse> scopeReset(const QSqlDatabase &db, const Session &session) const;

    const ServerDatabase &m_database;
};

} // namespace vantage::server
