#include "loadcommand.h"

#include "samplestats.h"
#include "simulateddevice.h"

#include "domain/console.h"
#include "storage/connection.h"
#include "storage/sql.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>

#include <memory>
#include <thread>

namespace vantage::bench {
namespace {

struct Options
{
    QString server;
    QString password;
    QString source;
    int clients = 200;
    int seconds = 60;
};

// One open opportunity per device, owned by a rep or manager who signs in on that device; taken
// from the end of the id order so they never meet the rows `vantage-bench sync` changes.
core::Result<std::vector<DevicePlan>> plans(const Options &options)
{
    core::ScopedConnection source(options.source, QStringLiteral("bench-load-source"), core::ConnectionMode::ReadOnly);
    if (!source.ok())
        return source.error();
    auto rows = core::Sql(source.database())
                    .query(QStringLiteral("SELECT u.login, u.id, o.region_id, o.account_id, o.id, coalesce(o.expected_close_on, '') "
                                          "FROM opportunity o JOIN app_user u ON u.id = o.owner_id "
                                          "WHERE o.deleted = 0 AND o.account_id IS NOT NULL AND u.role IN ('rep', 'regional_manager') "
                                          "ORDER BY o.id DESC LIMIT ?"),
                           {options.clients});
    if (!rows)
        return rows.error();
    std::vector<DevicePlan> list;
    while (rows.value().next()) {
        const QSqlQuery &q = rows.value();
        list.push_back({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                        q.value(4).toString(), q.value(5).toString()});
    }
    if (static_cast<int>(list.size()) < options.clients)
        return core::Error{core::ErrorCode::InvalidInput, QStringLiteral("the source has only %1 suitable opportunities").arg(list.size()), QString()};
    return list;
}

// Signs every device in, a few at a time (each sign-in is a deliberate Argon2id check).
core::Status signInAll(std::vector<std::unique_ptr<SimulatedDevice>> &devices, const QString &password)
{
    constexpr size_t kParallel = 4;
    std::vector<core::Status> results(devices.size());
    std::vector<std::thread> workers;
    for (size_t w = 0; w < kParallel; ++w)
        workers.emplace_back([&, w] {
            for (size_t i = w; i < devices.size(); i += kParallel)
                results[i] = devices[i]->signIn(password);
        });
    for (std::thread &worker : workers)
        worker.join();
    for (const core::Status &result : results)
        if (!result)
            return result;
    return {};
}

void printLatency(const char *prefix, const std::vector<double> &samples)
{
    const SampleStats stats = SampleStats::of(samples);
    core::console::out() << prefix << "_requests=" << stats.count << '\n'
                << prefix << "_p50_ms=" << SampleStats::format(stats.medianMs) << '\n'
                << prefix << "_p90_ms=" << SampleStats::format(stats.p90Ms) << '\n'
                << prefix << "_p99_ms=" << SampleStats::format(stats.p99Ms) << '\n'
                << prefix << "_max_ms=" << SampleStats::format(stats.maxMs) << Qt::endl;
}

void report(const std::vector<std::unique_ptr<SimulatedDevice>> &devices, double elapsedMs)
{
    std::vector<double> all, push, pull;
    DeviceTally total;
    for (const auto &device : devices) {
        const DeviceTally &t = device->tally();
        push.insert(push.end(), t.pushMs.begin(), t.pushMs.end());
        pull.insert(pull.end(), t.pullMs.begin(), t.pullMs.end());
        total.rounds += t.rounds;
        total.errors += t.errors;
        total.refused += t.refused;
        total.pulledChanges += t.pulledChanges;
        if (total.errorSamples.size() < 5)
            total.errorSamples += t.errorSamples;
    }
    all = push;
    all.insert(all.end(), pull.begin(), pull.end());
    const double seconds = elapsedMs / 1000.0;
    core::console::out() << "load_seconds=" << QString::number(seconds, 'f', 1) << "\nload_rounds=" << total.rounds
                << "\nload_requests_per_s=" << QString::number(static_cast<double>(all.size()) / seconds, 'f', 0)
                << "\nload_saves_per_s=" << QString::number(static_cast<double>(push.size()) / seconds, 'f', 0)
                << "\nload_errors=" << total.errors << "\nload_refused=" << total.refused
                << "\nload_pulled_changes=" << total.pulledChanges << Qt::endl;
    printLatency("load_all", all);
    printLatency("load_push", push);
    printLatency("load_pull", pull);
    for (const QString &sample : total.errorSamples)
        core::console::out() << "load_error_sample=" << sample << Qt::endl;
}

bool parse(const QStringList &arguments, Options &options)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Simulated laptops syncing against a running vantage-server."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("server"), QStringLiteral("Server URL."), QStringLiteral("URL")},
        {QStringLiteral("password"), QStringLiteral("Password of the imported users."), QStringLiteral("PASSWORD")},
        {QStringLiteral("source"), QStringLiteral("The database the server imported."), QStringLiteral("FILE")},
        {QStringLiteral("clients"), QStringLiteral("Simulated laptops (default 200)."), QStringLiteral("N"), QStringLiteral("200")},
        {QStringLiteral("seconds"), QStringLiteral("How long they sync (default 60)."), QStringLiteral("N"), QStringLiteral("60")},
    });
    parser.process(arguments);
    options = {parser.value(QStringLiteral("server")), parser.value(QStringLiteral("password")), parser.value(QStringLiteral("source")),
               parser.value(QStringLiteral("clients")).toInt(), parser.value(QStringLiteral("seconds")).toInt()};
    return !options.server.isEmpty() && QFileInfo(options.source).isFile() && options.clients > 0 && options.seconds > 0;
}

} // namespace

int LoadCommand::run(const QStringList &arguments)
{
    Options options;
    if (!parse(arguments, options)) {
        core::console::err() << "load: --server URL --password P --source FILE are required (see --help)" << Qt::endl;
        return 2;
    }
    auto planned = plans(options);
    if (!planned) {
        core::console::err() << "load: " << planned.error().message << Qt::endl;
        return 1;
    }
    std::vector<std::unique_ptr<SimulatedDevice>> devices;
    for (const DevicePlan &plan : planned.value())
        devices.push_back(std::make_unique<SimulatedDevice>(options.server, plan));
    QElapsedTimer timer;
    timer.start();
    if (auto signedIn = signInAll(devices, options.password); !signedIn) {
        core::console::err() << "load: " << signedIn.error().message << Qt::endl;
        return 1;
    }
    core::console::out() << "load_clients=" << devices.size() << "\nload_signin_ms=" << timer.elapsed() << Qt::endl;
    std::atomic<bool> stop{false};
    std::vector<std::thread> threads;
    timer.restart();
    for (auto &device : devices)
        threads.emplace_back([&stop, &device] { device->run(stop); });
    std::this_thread::sleep_for(std::chrono::seconds(options.seconds));
    stop = true;
    for (std::thread &thread : threads)
        thread.join();
    report(devices, static_cast<double>(timer.nsecsElapsed()) / 1e6);
    return 0;
}

} // namespace vantage::bench
