#include "synccommand.h"

#include "benchclient.h"
#include "databasefiles.h"
#include "samplestats.h"
#include "snapshotfile.h"

#include "domain/console.h"
#include "protocol/entitycatalog.h"
#include "storage/sql.h"
#include "sync/outbox.h"
#include "sync/recordeditor.h"

#include <QCommandLineParser>
#include <QDate>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

namespace vantage::bench {
namespace {

using core::Sql;

struct Options
{
    QString server;
    QString login;
    QString password;
    QString source;
    QString directory;
    int runs = 3;
    int incrementalRuns = 10;
    int changedRows = 100;
};

double elapsedMs(const QElapsedTimer &timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

void print(const char *key, const QVariant &value)
{
    core::console::out() << key << '=' << value.toString() << Qt::endl;
}

void printStats(const QString &prefix, const std::vector<double> &samples)
{
    const SampleStats stats = SampleStats::of(samples);
    core::console::out() << prefix << "_median_ms=" << SampleStats::format(stats.medianMs) << '\n'
                << prefix << "_min_ms=" << SampleStats::format(stats.minMs) << '\n'
                << prefix << "_max_ms=" << SampleStats::format(stats.maxMs) << '\n'
                << prefix << "_runs=" << stats.count << Qt::endl;
}

[[noreturn]] void stop(const QString &what, const core::Error &error)
{
    core::console::err() << "sync: " << what << ": " << error.message << " (" << error.detail << ")" << Qt::endl;
    std::exit(1);
}

// SQLite's own copy of the same rows into the same schema: the floor no client code can beat.
double sqliteCopyMs(const QString &source, const QString &path, qint64 &rows)
{
    BenchClient client(path, QStringLiteral("http://127.0.0.1:1"));
    const Sql sql(client.db());
    QElapsedTimer timer;
    timer.start();
    if (auto attached = sql.exec(QStringLiteral("ATTACH DATABASE ? AS src"), {source}); !attached)
        stop(QStringLiteral("attach"), attached.error());
    auto copied = sql.transaction([&]() -> core::Status {
        for (const core::EntityDescriptor &entity : core::EntityCatalog::instance().entities())
            if (auto done = sql.exec(QStringLiteral("INSERT INTO main.%1 SELECT * FROM src.%1 WHERE deleted = 0").arg(entity.name)); !done)
                return done;
        return {};
    });
    const double ms = elapsedMs(timer);
    if (!copied)
        stop(QStringLiteral("sqlite copy"), copied.error());
    (void)sql.exec(QStringLiteral("DETACH DATABASE src"));
    rows = client.syncedRows();
    return ms;
}

double fileLoadMs(const QString &file, const QString &path, qint64 &rows)
{
    BenchClient client(path, QStringLiteral("http://127.0.0.1:1"));
    QElapsedTimer timer;
    timer.start();
    auto loaded = SnapshotFile::load(file, client.db(), sync::SyncEngine::kPullLimit * 2);
    const double ms = elapsedMs(timer);
    if (!loaded)
        stop(QStringLiteral("file load"), loaded.error());
    rows = client.syncedRows();
    return ms;
}

std::unique_ptr<BenchClient> signedIn(const Options &options, const QString &path, const QString &device)
{
    auto client = std::make_unique<BenchClient>(path, options.server);
    if (auto session = client->engine().login(options.login, options.password, device); !session)
        stop(QStringLiteral("sign-in as %1").arg(options.login), session.error());
    return client;
}

// The opportunities the incremental runs change: the same ones each run, a new date each time.
struct OpportunityDate
{
    QString id;
    qint64 version = 0;
    QString closeOn;
};

std::vector<OpportunityDate> opportunities(BenchClient &client, int count)
{
    auto rows = Sql(client.db()).query(QStringLiteral("SELECT id, version, coalesce(expected_close_on, '') FROM opportunity "
                                                      "WHERE deleted = 0 ORDER BY id LIMIT ?"),
                                       {count});
    if (!rows)
        stop(QStringLiteral("read opportunities"), rows.error());
    std::vector<OpportunityDate> list;
    while (rows.value().next())
        list.push_back({rows.value().value(0).toString(), rows.value().value(1).toLongLong(), rows.value().value(2).toString()});
    return list;
}

QString shifted(const QString &date, int days)
{
    const QDate day = QDate::fromString(date, Qt::ISODate);
    return (day.isValid() ? day : QDate(2027, 1, 1)).addDays(days).toString(Qt::ISODate);
}

// Another laptop changes rows: its outbox gets one save per opportunity, its engine pushes them.
void changeElsewhere(BenchClient &other, BenchClient &measured, int count, int run)
{
    const sync::Outbox outbox(other.db());
    for (const OpportunityDate &row : opportunities(measured, count)) {
        core::Mutation m;
        m.name = QStringLiteral("opportunity.save@1");
        m.id = row.id;
        m.baseVersion = row.version;
        m.set = QJsonObject{{QStringLiteral("expected_close_on"), shifted(row.closeOn, run % 2 ? 1 : -1)}};
        m.base = QJsonObject{{QStringLiteral("expected_close_on"), row.closeOn.isEmpty() ? QJsonValue() : QJsonValue(row.closeOn)}};
        if (auto appended = outbox.append(m); !appended)
            stop(QStringLiteral("outbox"), appended.error());
    }
    sync::SyncReport report;
    if (auto pushed = other.engine().push(report); !pushed)
        stop(QStringLiteral("the other laptop's push"), pushed.error());
    if (report.pushed != count || report.rejected + report.conflicts > 0)
        stop(QStringLiteral("the other laptop's push"),
             {core::ErrorCode::Protocol,
              QStringLiteral("%1 of %2 pushed, %3 refused").arg(report.pushed).arg(count).arg(report.rejected + report.conflicts), QString()});
}

void changeHere(BenchClient &measured, int count, int run)
{
    const sync::RecordEditor editor(measured.db());
    for (const OpportunityDate &row : opportunities(measured, count))
        if (auto saved = editor.update(QStringLiteral("opportunity"), row.id,
                                       {{QStringLiteral("expected_close_on"), shifted(row.closeOn, run % 2 ? 1 : -1)}});
            !saved)
            stop(QStringLiteral("local edit"), saved.error());
}

double timedSync(BenchClient &client, sync::SyncReport &report)
{
    QElapsedTimer timer;
    timer.start();
    auto synced = client.sync();
    const double ms = elapsedMs(timer);
    if (!synced)
        stop(QStringLiteral("sync"), synced.error());
    report = synced.value();
    return ms;
}

double timedStep(const std::function<core::Status()> &step)
{
    QElapsedTimer timer;
    timer.start();
    const core::Status done = step();
    const double ms = elapsedMs(timer);
    if (!done)
        stop(QStringLiteral("sync step"), done.error());
    return ms;
}

void measureInitial(const Options &options, const QString &file, std::unique_ptr<BenchClient> &last)
{
    const QDir dir(options.directory);
    std::vector<double> syncMs, fileMs, copyMs;
    qint64 syncRows = 0, fileRows = 0, copyRows = 0, pulled = 0;
    // Interleaved run by run, so other load on the machine falls on all three alike.
    for (int run = 0; run < options.runs; ++run) {
        last.reset();
        last = signedIn(options, dir.filePath(QStringLiteral("initial-sync.sqlite")), QStringLiteral("bench-initial"));
        sync::SyncReport report;
        syncMs.push_back(timedSync(*last, report));
        pulled = report.pulled;
        syncRows = last->syncedRows();
        fileMs.push_back(fileLoadMs(file, dir.filePath(QStringLiteral("initial-file.sqlite")), fileRows));
        copyMs.push_back(sqliteCopyMs(options.source, dir.filePath(QStringLiteral("initial-copy.sqlite")), copyRows));
        core::console::err() << "sync: initial run " << run + 1 << ": sync " << syncMs.back() << " ms, file " << fileMs.back()
                    << " ms, sqlite copy " << copyMs.back() << " ms" << Qt::endl;
    }
    print("initial_rows_pulled", pulled);
    print("initial_rows_synced", syncRows);
    print("initial_rows_file", fileRows);
    print("initial_rows_sqlite_copy", copyRows);
    print("initial_rows_same", syncRows == fileRows && fileRows == copyRows ? QStringLiteral("yes") : QStringLiteral("NO"));
    printStats(QStringLiteral("initial_sync"), syncMs);
    printStats(QStringLiteral("initial_file"), fileMs);
    printStats(QStringLiteral("initial_sqlite_copy"), copyMs);
    removeDatabaseFiles(dir.filePath(QStringLiteral("initial-file.sqlite")));
    removeDatabaseFiles(dir.filePath(QStringLiteral("initial-copy.sqlite")));
}

void measureIncremental(const Options &options, BenchClient &measured)
{
    auto other = signedIn(options, QDir(options.directory).filePath(QStringLiteral("other-laptop.sqlite")), QStringLiteral("bench-other"));
    std::vector<double> pullMs, pushMs, uploadMs, afterUploadMs;
    qint64 pulledCounts = 0, pushedCounts = 0;
    for (int run = 0; run < options.incrementalRuns; ++run) {
        sync::SyncReport report;
        changeElsewhere(*other, measured, options.changedRows, run);
        pullMs.push_back(timedSync(measured, report));
        pulledCounts += report.pulled == options.changedRows ? 1 : 0;
        changeHere(measured, options.changedRows, run);
        pushMs.push_back(timedSync(measured, report));
        pushedCounts += report.pushed == options.changedRows && report.rejected + report.conflicts == 0 ? 1 : 0;
        // The same again, its two halves timed apart: where the time of a sync that sends goes.
        changeHere(measured, options.changedRows, run + 1);
        uploadMs.push_back(timedStep([&] { return measured.engine().push(report); }));
        afterUploadMs.push_back(timedStep([&] { return measured.pull(report); }));
    }
    print("incremental_changed_rows", options.changedRows);
    print("incremental_pull_runs_with_all_rows", pulledCounts);
    print("incremental_push_runs_with_all_rows", pushedCounts);
    printStats(QStringLiteral("incremental_pull"), pullMs);
    printStats(QStringLiteral("incremental_push"), pushMs);
    printStats(QStringLiteral("incremental_push_upload_only"), uploadMs);
    printStats(QStringLiteral("incremental_push_pull_after"), afterUploadMs);
}

bool parse(const QStringList &arguments, Options &options)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Initial and incremental sync against a running vantage-server."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("server"), QStringLiteral("Server URL."), QStringLiteral("URL")},
        {QStringLiteral("login"), QStringLiteral("A user who sees every region (a director)."), QStringLiteral("LOGIN")},
        {QStringLiteral("password"), QStringLiteral("Its password."), QStringLiteral("PASSWORD")},
        {QStringLiteral("source"), QStringLiteral("The database the server imported."), QStringLiteral("FILE")},
        {QStringLiteral("dir"), QStringLiteral("Work directory for the client files."), QStringLiteral("DIR")},
        {QStringLiteral("runs"), QStringLiteral("Initial syncs (default 3)."), QStringLiteral("N"), QStringLiteral("3")},
        {QStringLiteral("incremental-runs"), QStringLiteral("Incremental syncs each way (default 10)."), QStringLiteral("N"), QStringLiteral("10")},
        {QStringLiteral("changed-rows"), QStringLiteral("Rows changed per incremental sync (default 100)."), QStringLiteral("N"), QStringLiteral("100")},
    });
    parser.process(arguments);
    options = {parser.value(QStringLiteral("server")), parser.value(QStringLiteral("login")), parser.value(QStringLiteral("password")),
               parser.value(QStringLiteral("source")), parser.value(QStringLiteral("dir")), parser.value(QStringLiteral("runs")).toInt(),
               parser.value(QStringLiteral("incremental-runs")).toInt(), parser.value(QStringLiteral("changed-rows")).toInt()};
    return !options.server.isEmpty() && !options.login.isEmpty() && QFileInfo(options.source).isFile()
        && QFileInfo(options.directory).isDir() && options.runs > 0 && options.incrementalRuns >= 0 && options.changedRows > 0;
}

} // namespace

int SyncCommand::run(const QStringList &arguments)
{
    Options options;
    if (!parse(arguments, options)) {
        core::console::err() << "sync: --server URL --login L --password P --source FILE --dir DIR are required (see --help)" << Qt::endl;
        return 2;
    }
    const QString file = QDir(options.directory).filePath(QStringLiteral("snapshot-rows.jsonl"));
    {
        core::ScopedConnection source(options.source, QStringLiteral("bench-source"), core::ConnectionMode::ReadOnly);
        if (!source.ok())
            stop(QStringLiteral("open the source"), source.error());
        auto written = SnapshotFile::write(source.database(), file);
        if (!written)
            stop(QStringLiteral("write the local file"), written.error());
        print("initial_file_rows", written.value());
        print("initial_file_bytes", QFileInfo(file).size());
    }
    std::unique_ptr<BenchClient> measured;
    measureInitial(options, file, measured);
    measureIncremental(options, *measured);
    return 0;
}

} // namespace vantage::bench
