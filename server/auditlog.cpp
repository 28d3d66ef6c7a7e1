#include "auditlog.h"

#include "domain/uuid7.h"
#include "storage/sql.h"

#include <QJsonDocument>

namespace vantage::server {

core::Status writeAudit(const QSqlDatabase &db, const AuditEntry &entry, qint64 nowMs)
{
    const auto nullable = [](const QString &text) { return text.isEmpty() ? QVariant() : QVariant(text); };
    return core::Sql(db).exec(QStringLiteral("INSERT INTO audit_log (id, at, user_id, client_id, action, entity, entity_id, "
                                             "detail, address) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                              {core::Uuid7Generator::generate(), nowMs, nullable(entry.userId), nullable(entry.clientId),
                               entry.action, nullable(entry.entity), nullable(entry.entityId),
                               entry.detail.isEmpty() ? QVariant()
                                                      : QVariant(QString::fromUtf8(QJsonDocument(entry.detail).toJson(QJsonDocument::Compact))),
                               nullable(entry.address)});
}

} // namespace vantage::server
