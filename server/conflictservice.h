#pragma once

#include "authservice.h"

#include <QJsonObject>

namespace vantage::server {

// GET /v1/conflicts and POST /v1/conflicts/{id}/resolve: document conflicts in the caller's
// regions, resolved by keeping the server's copy, the caller's, or a field-by-field merge.
class ConflictService
{
public:
    explicit ConflictService(const ServerDatabase &database) : m_database(database) {}

    ApiResult<QJsonObject> list(const Session &session) const;
    ApiResult<QJsonObject> resolve(const Session &session, const QString &conflictId, const QJsonObject &body) const;

private:
    const ServerDatabase &m_database;
};

} // namespace vantage::server
