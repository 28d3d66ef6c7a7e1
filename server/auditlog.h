#pragma once

#include "domain/result.h"

#include <QJsonObject>
#include <QSqlDatabase>

namespace vantage::server {

// Who did what, when, from where: logins, pushes, conflict resolutions and admin changes. Written
// in the same transaction as the change it records (or on its own for refused logins).
struct AuditEntry
{
    QString userId;
    QString clientId;
    QString action; // login, login_failed, refresh, logout, push, conflict_resolved, user_added, …
    QString entity;
    QString entityId;
    QJsonObject detail;
    QString address;
};

core::Status writeAudit(const QSqlDatabase &db, const AuditEntry &entry, qint64 nowMs);

} // namespace vantage::server
