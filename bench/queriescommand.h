#pragma once

#include "querycase.h"
#include "samplestats.h"

#include <QStringList>

namespace vantage::bench {

// `vantage-bench queries`: times every dashboard query (and the lists' first pages) through our
// code path on a read-only connection, records the statements with their values as literals,
// replays them in the sqlite3 shell on the same file and prints both timings and their ratio.
class QueriesCommand
{
public:
    static int run(const QStringList &arguments);

private:
    struct Options
    {
        QString databasePath;
        QDate asOf;          // default: the database's data_as_of
        int runs = 15;          // dashboard queries
        int listRuns = 3;       // list pages take seconds each on the scale database
        int rounds = 0;         // ours and the shell alternate in this many rounds (0: every sample)
        QStringList cases;      // empty: all
        QString shell;       // empty: no sqlite3 comparison
        QString sqlDirectory; // empty: scripts and plans are not written
        QString tsvPath;     // empty: no machine-readable output
    };
    struct Row
    {
        QueryCase queryCase;
        int statements = 0;
        int repeat = 1;
        SampleStats ours;
        SampleStats shell;
        bool hasShell = false;
        bool samePlan = true;
        QStringList plan;
    };

    static bool parse(const QStringList &arguments, Options &options);
    static int measure(const Options &options);
    static core::Result<Row> measureCase(const Options &options, const QSqlDatabase &db, const QueryCase &queryCase);
    static core::Status record(const QSqlDatabase &db, Row &row, QStringList &statements);
    static core::Status time(const Options &options, Row &row, const QStringList &statements);
    static core::Status writeArtifacts(const Options &options, const Row &row, const QString &script);
    static void print(const std::vector<Row> &rows, const Options &options);
    static core::Status writeTsv(const std::vector<Row> &rows, const QString &path);
};

} // namespace vantage::bench
