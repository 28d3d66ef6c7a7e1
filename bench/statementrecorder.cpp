#include "statementrecorder.h"

#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

namespace vantage::bench {

StatementRecorder::StatementRecorder(const QSqlDatabase &db) : m_handle(handleOf(db)) {}

StatementRecorder::~StatementRecorder()
{
    if (m_handle)
        sqlite3_trace_v2(m_handle, 0, nullptr, nullptr);
}

sqlite3 *StatementRecorder::handleOf(const QSqlDatabase &db)
{
    // QSQLITE hands out its sqlite3* as a QVariant named "sqlite3*" (Qt's documented way to reach
    // the native handle). The plugin and this program use the same system libsqlite3.
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

void StatementRecorder::start()
{
    m_expanded.clear();
    m_prepared.clear();
    if (m_handle)
        sqlite3_trace_v2(m_handle, SQLITE_TRACE_STMT, &StatementRecorder::onTrace, this);
}

QStringList StatementRecorder::stop()
{
    if (m_handle)
        sqlite3_trace_v2(m_handle, 0, nullptr, nullptr);
    return m_expanded;
}

int StatementRecorder::onTrace(unsigned type, void *self, void *statement, void *)
{
    if (type != SQLITE_TRACE_STMT)
        return 0;
    auto *recorder = static_cast<StatementRecorder *>(self);
    auto *stmt = static_cast<sqlite3_stmt *>(statement);
    char *expanded = sqlite3_expanded_sql(stmt);
    recorder->m_expanded << QString::fromUtf8(expanded ? expanded : sqlite3_sql(stmt));
    recorder->m_prepared << QString::fromUtf8(sqlite3_sql(stmt));
    sqlite3_free(expanded);
    return 0;
}

QStringList StatementRecorder::queryPlan(const QString &statement) const
{
    QStringList steps;
    if (!m_handle)
        return steps;
    sqlite3_stmt *stmt = nullptr;
    const QByteArray sql = QByteArrayLiteral("EXPLAIN QUERY PLAN ") + statement.toUtf8();
    if (sqlite3_prepare_v2(m_handle, sql.constData(), static_cast<int>(sql.size()), &stmt, nullptr) != SQLITE_OK) {
        steps << QStringLiteral("(plan unavailable: %1)").arg(QString::fromUtf8(sqlite3_errmsg(m_handle)));
        return steps;
    }
    // Unbound parameters read as NULL; without SQLITE_ENABLE_STAT4 the plan does not depend on them.
    while (sqlite3_step(stmt) == SQLITE_ROW)
        steps << QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 3)));
    sqlite3_finalize(stmt);
    return steps;
}

} // namespace vantage::bench
