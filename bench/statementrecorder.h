#pragma once

#include <QSqlDatabase>
#include <QStringList>

struct sqlite3;

namespace vantage::bench {

// Records the statements a piece of our code runs on a QSQLITE connection, with the bound values
// substituted as SQL literals (sqlite3_expanded_sql): the exact text to replay in the sqlite3
// shell. Uses SQLite's trace hook on the driver's handle; the hook is removed again on stop() so
// it costs nothing while timings are taken.
class StatementRecorder
{
public:
    explicit StatementRecorder(const QSqlDatabase &db);
    ~StatementRecorder();
    StatementRecorder(const StatementRecorder &) = delete;
    StatementRecorder &operator=(const StatementRecorder &) = delete;

    bool isValid() const { return m_handle != nullptr; }
    void start();
    QStringList stop(); // the statements seen since start(), in execution order

    // The plan SQLite chooses for a statement (EXPLAIN QUERY PLAN, one line per step).
    QStringList queryPlan(const QString &statement) const;
    // The SQL text the statement was prepared from (placeholders, not values) for each recorded
    // statement, in the same order as stop() returns them.
    const QStringList &preparedTexts() const { return m_prepared; }

    static sqlite3 *handleOf(const QSqlDatabase &db);

private:
    static int onTrace(unsigned type, void *self, void *statement, void *unused);

    sqlite3 *m_handle = nullptr;
    QStringList m_expanded;
    QStringList m_prepared;
};

} // namespace vantage::bench
