#include "queriescommand.h"

#include "codepathtimer.h"
#include "sqliteshelltimer.h"
#include "statementrecorder.h"

#include "storage/connection.h"
#include "storage/dashboardrepository.h"
#include "storage/metarepository.h"

#include "domain/console.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QTextStream>

#include <algorithm>

namespace vantage::bench {

using core::Error;
using core::ErrorCode;

namespace {

using core::console::err;
using core::console::out;

QString ratioText(double ours, double shell)
{
    return shell > 0.0 ? QString::number(ours / shell, 'f', 2) : QStringLiteral("-");
}

} // namespace

int QueriesCommand::run(const QStringList &arguments)
{
    Options options;
    if (!parse(arguments, options))
        return 2;
    return measure(options);
}

bool QueriesCommand::parse(const QStringList &arguments, Options &options)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Time the dashboard queries through our code path and in the sqlite3 shell."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("db"), QStringLiteral("Database file (opened read-only)."), QStringLiteral("FILE")},
        {QStringLiteral("runs"), QStringLiteral("Timed samples per dashboard query (default 15)."), QStringLiteral("N"), QStringLiteral("15")},
        {QStringLiteral("list-runs"), QStringLiteral("Timed samples per list page (default 3)."), QStringLiteral("N"), QStringLiteral("3")},
        {QStringLiteral("rounds"), QStringLiteral("Alternate ours and the shell in this many rounds (default 0: after every sample)."),
         QStringLiteral("N"), QStringLiteral("0")},
        {QStringLiteral("cases"), QStringLiteral("Only these queries (comma-separated keys)."), QStringLiteral("KEYS")},
        {QStringLiteral("as-of"), QStringLiteral("\"Today\" for the dashboard (default: the database's data_as_of)."), QStringLiteral("YYYY-MM-DD")},
        {QStringLiteral("sqlite3"), QStringLiteral("Also run the statements in this sqlite3 shell."), QStringLiteral("PROGRAM")},
        {QStringLiteral("sql-dir"), QStringLiteral("Write each query's shell script and query plan here."), QStringLiteral("DIR")},
        {QStringLiteral("tsv"), QStringLiteral("Write the results as tab-separated values to FILE."), QStringLiteral("FILE")},
    });
    parser.process(arguments);
    options.databasePath = parser.value(QStringLiteral("db"));
    options.runs = parser.value(QStringLiteral("runs")).toInt();
    options.listRuns = parser.value(QStringLiteral("list-runs")).toInt();
    options.rounds = parser.value(QStringLiteral("rounds")).toInt();
    options.cases = parser.value(QStringLiteral("cases")).split(u',', Qt::SkipEmptyParts);
    options.shell = parser.value(QStringLiteral("sqlite3"));
    options.sqlDirectory = parser.value(QStringLiteral("sql-dir"));
    options.tsvPath = parser.value(QStringLiteral("tsv"));
    if (parser.isSet(QStringLiteral("as-of")))
        options.asOf = QDate::fromString(parser.value(QStringLiteral("as-of")), Qt::ISODate);
    if (options.databasePath.isEmpty() || options.runs < 1 || options.listRuns < 1 || options.rounds < 0
        || (parser.isSet(QStringLiteral("as-of")) && !options.asOf.isValid())) {
        err() << "queries: --db FILE is required; --runs and --list-runs must be at least 1; --as-of takes YYYY-MM-DD"
              << Qt::endl;
        return false;
    }
    return true;
}

int QueriesCommand::measure(const Options &options)
{
    // The app's readers open exactly like this (ReadExecutor::threadConnection).
    core::ScopedConnection connection(options.databasePath, QStringLiteral("bench-reader"), core::ConnectionMode::ReadOnly);
    if (!connection.ok()) {
        err() << connection.error().message << Qt::endl;
        return 1;
    }
    const QSqlDatabase db = connection.database();
    core::DashboardFilter filter;
    filter.asOf = options.asOf;
    if (!filter.asOf.isValid()) {
        auto meta = core::MetaRepository(db).all();
        filter.asOf = meta ? QDate::fromString(meta.value().value(core::MetaRepository::kDataAsOf), Qt::ISODate) : QDate();
    }
    auto regions = core::DashboardRepository(db).regions();
    if (!filter.asOf.isValid() || !regions) {
        err() << "queries: the database has no data_as_of (pass --as-of) or cannot be read" << Qt::endl;
        return 1;
    }
    const QString oneRegion = regions.value().empty() ? QString() : regions.value().front().id;
    std::vector<Row> rows;
    for (const QueryCase &queryCase : dashboardQueryCases(db, filter, oneRegion)) {
        if (!options.cases.isEmpty() && !options.cases.contains(queryCase.key))
            continue;
        auto row = measureCase(options, db, queryCase);
        if (!row) {
            err() << queryCase.key << ": " << row.error().message << Qt::endl;
            return 1;
        }
        rows.push_back(row.value());
    }
    print(rows, options);
    if (!options.tsvPath.isEmpty()) {
        if (auto written = writeTsv(rows, options.tsvPath); !written) {
            err() << written.error().message << Qt::endl;
            return 1;
        }
    }
    return 0;
}

core::Result<QueriesCommand::Row> QueriesCommand::measureCase(const Options &options, const QSqlDatabase &db,
                                                             const QueryCase &queryCase)
{
    Row row{queryCase, 0, 1, {}, {}, false, true, {}};
    QStringList statements;
    if (auto recorded = record(db, row, statements); !recorded)
        return recorded.error();
    if (auto timed = time(options, row, statements); !timed)
        return timed.error();
    const int runs = queryCase.dashboardTarget ? options.runs : options.listRuns;
    const QString script = SqliteShellTimer(options.shell, options.databasePath).script(queryCase.label, statements, runs, row.repeat);
    if (auto written = writeArtifacts(options, row, script); !written)
        return written.error();
    return row;
}

// One call with the trace hook on: the statements as the shell will run them, and for each the
// plan with placeholders (what our code gets) and with literals (what the shell gets).
core::Status QueriesCommand::record(const QSqlDatabase &db, Row &row, QStringList &statements)
{
    StatementRecorder recorder(db);
    if (!recorder.isValid())
        return Error{ErrorCode::Database, QStringLiteral("no native SQLite handle on the connection"), QString()};
    recorder.start();
    const core::Status captured = row.queryCase.run();
    statements = recorder.stop();
    if (!captured)
        return captured;
    row.statements = static_cast<int>(statements.size());
    for (qsizetype i = 0; i < statements.size(); ++i) {
        const QStringList literalPlan = recorder.queryPlan(statements[i]);
        row.samePlan = row.samePlan && literalPlan == recorder.queryPlan(recorder.preparedTexts()[i]);
        row.plan << QStringLiteral("-- ") + recorder.preparedTexts()[i] << literalPlan << QString();
    }
    return {};
}

// Ours and the shell take turns in rounds, so that a slow patch of the machine (another build
// on the same cores) falls on both sides rather than on one.
core::Status QueriesCommand::time(const Options &options, Row &row, const QStringList &statements)
{
    auto repeat = CodePathTimer::chooseRepeat(row.queryCase);
    if (!repeat)
        return repeat.error();
    row.repeat = repeat.value();
    const bool dashboard = row.queryCase.dashboardTarget;
    const int runs = dashboard ? options.runs : options.listRuns;
    const int rounds = !dashboard ? 1 : options.rounds == 0 ? runs : std::clamp(options.rounds, 1, runs);
    const SqliteShellTimer shell(options.shell, options.databasePath);
    std::vector<double> ours;
    std::vector<double> theirs;
    for (int round = 0; round < rounds; ++round) {
        const int n = runs / rounds + (round < runs % rounds ? 1 : 0);
        auto mine = CodePathTimer::samples(row.queryCase, n, row.repeat);
        if (!mine)
            return mine.error();
        ours.insert(ours.end(), mine.value().begin(), mine.value().end());
        if (options.shell.isEmpty())
            continue;
        auto other = shell.samples(shell.script(row.queryCase.label, statements, n, row.repeat), row.repeat);
        if (!other)
            return other.error();
        theirs.insert(theirs.end(), other.value().begin(), other.value().end());
    }
    row.ours = SampleStats::of(std::move(ours));
    row.hasShell = !theirs.empty();
    row.shell = SampleStats::of(std::move(theirs));
    return {};
}

core::Status QueriesCommand::writeArtifacts(const Options &options, const Row &row, const QString &script)
{
    if (options.sqlDirectory.isEmpty())
        return {};
    const QDir dir(options.sqlDirectory);
    if (!dir.mkpath(QStringLiteral(".")))
        return Error{ErrorCode::Io, QStringLiteral("cannot create %1").arg(options.sqlDirectory), QString()};
    const auto save = [&](const QString &name, const QString &text) -> core::Status {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text.toUtf8()) < 0)
            return Error{ErrorCode::Io, QStringLiteral("cannot write %1").arg(file.fileName()), file.errorString()};
        return {};
    };
    if (auto s = save(row.queryCase.key + QStringLiteral(".sql"), script); !s)
        return s;
    return save(row.queryCase.key + QStringLiteral(".plan.txt"), row.plan.join(u'\n') + u'\n');
}

void QueriesCommand::print(const std::vector<Row> &rows, const Options &options)
{
    out() << "database: " << options.databasePath << "\n"
          << "samples: " << options.runs << " per dashboard query, " << options.listRuns
          << " per list page (median and min, ms per call; a sample = mean of 'repeat' calls)\n";
    out() << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9\n")
                 .arg(QStringLiteral("query"), -24).arg(QStringLiteral("stmts"), 5).arg(QStringLiteral("repeat"), 6)
                 .arg(QStringLiteral("ours med"), 10).arg(QStringLiteral("ours min"), 10).arg(QStringLiteral("sqlite3 med"), 11)
                 .arg(QStringLiteral("sqlite3 min"), 11).arg(QStringLiteral("ratio"), 6).arg(QStringLiteral("same plan"), 9);
    for (const Row &r : rows) {
        out() << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9\n")
                     .arg(r.queryCase.key, -24).arg(r.statements, 5).arg(r.repeat, 6)
                     .arg(SampleStats::format(r.ours.medianMs), 10).arg(SampleStats::format(r.ours.minMs), 10)
                     .arg(r.hasShell ? SampleStats::format(r.shell.medianMs) : QStringLiteral("-"), 11)
                     .arg(r.hasShell ? SampleStats::format(r.shell.minMs) : QStringLiteral("-"), 11)
                     .arg(r.hasShell ? ratioText(r.ours.medianMs, r.shell.medianMs) : QStringLiteral("-"), 6)
                     .arg(r.samePlan ? QStringLiteral("yes") : QStringLiteral("NO"), 9);
    }
    out().flush();
}

core::Status QueriesCommand::writeTsv(const std::vector<Row> &rows, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
        return Error{ErrorCode::Io, QStringLiteral("cannot write %1").arg(path), file.errorString()};
    QTextStream tsv(&file);
    tsv << "key\tlabel\ttarget\tstatements\trepeat\tours_median_ms\tours_min_ms\tshell_median_ms\tshell_min_ms\tratio\tratio_min\tsamples\tsame_plan\n";
    for (const Row &r : rows)
        tsv << r.queryCase.key << '\t' << r.queryCase.label << '\t' << (r.queryCase.dashboardTarget ? 1 : 0) << '\t'
            << r.statements << '\t' << r.repeat << '\t' << QString::number(r.ours.medianMs, 'f', 3) << '\t'
            << QString::number(r.ours.minMs, 'f', 3) << '\t'
            << (r.hasShell ? QString::number(r.shell.medianMs, 'f', 3) : QStringLiteral("-")) << '\t'
            << (r.hasShell ? QString::number(r.shell.minMs, 'f', 3) : QStringLiteral("-")) << '\t'
            << (r.hasShell ? ratioText(r.ours.medianMs, r.shell.medianMs) : QStringLiteral("-")) << '\t'
            << (r.hasShell ? ratioText(r.ours.minMs, r.shell.minMs) : QStringLiteral("-")) << '\t' << r.ours.count << '\t'
            << (r.samePlan ? "yes" : "no") << '\n';
    return {};
}

} // namespace vantage::bench
