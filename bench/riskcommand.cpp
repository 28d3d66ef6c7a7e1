#include "riskcommand.h"

#include "samplestats.h"

#include "analytics/riskassessment.h"
#include "analytics/riskbacktest.h"
#include "domain/console.h"
#include "storage/connection.h"
#include "storage/riskrepository.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>

#include <sys/resource.h>

#include <algorithm>
#include <set>
#include <utility>

namespace vantage::bench {

using core::console::err;
using core::console::out;

namespace {

double elapsedMs(const QElapsedTimer &timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

QString timing(const std::vector<double> &samples)
{
    const SampleStats stats = SampleStats::of(samples);
    return QStringLiteral("**%1 ms** median, min %2 ms, max %3 ms, first run %4 ms (%5 runs)")
        .arg(SampleStats::format(stats.medianMs), SampleStats::format(stats.minMs), SampleStats::format(stats.maxMs),
             SampleStats::format(samples.front()))
        .arg(stats.count);
}

// The model assessRisk would score the as-of day with: trained on every Monday whose four-week
// outcome is complete before it (riskassessment.cpp, assessRisk).
struct TrainedModel
{
    core::RiskModel model;
    int weeks = 0;
};

// The model exactly as the app trains it (assessRisk also scores the day's deals, a few ms).
std::optional<TrainedModel> trainAsAssessRisk(const core::RiskHistory &history, const QDate &asOf)
{
    auto assessment = core::assessRisk(history, asOf);
    if (!assessment)
        return std::nullopt;
    return TrainedModel{assessment.value().model, assessment.value().trainingWeeks};
}

// The history with every original deal plus clones of the deals open at the as-of day, so that
// `wanted` deals are open then (or as many as are open already, when that is more). A clone is
// the same events under the id "<id>-k", assigned round-robin to the existing owner/region pairs.
struct ScaledHistory
{
    core::RiskHistory history;
    int clones = 0;
    int ownerRegionPairs = 0;
};

ScaledHistory scaledHistory(const core::RiskHistory &original, const core::RiskWeek &openAtAsOf, int wanted)
{
    ScaledHistory scaled{original, 0, 0};
    std::set<std::pair<QString, QString>> pairs;
    for (const core::RiskDeal &deal : original.deals)
        pairs.emplace(deal.ownerId, deal.regionId);
    const std::vector<std::pair<QString, QString>> owners(pairs.begin(), pairs.end());
    scaled.ownerRegionPairs = static_cast<int>(owners.size());
    const int open = static_cast<int>(openAtAsOf.rows.size());
    if (open == 0 || wanted <= open)
        return scaled;
    scaled.clones = wanted - open;
    scaled.history.deals.reserve(original.deals.size() + static_cast<std::size_t>(scaled.clones));
    for (int c = 0; c < scaled.clones; ++c) {
        const core::RiskDeal &source = *openAtAsOf.rows[static_cast<std::size_t>(c % open)].state.deal;
        core::RiskDeal clone = source;
        clone.id = source.id + QLatin1Char('-') + QString::number(c / open + 1);
        const auto &[owner, region] = owners[static_cast<std::size_t>(c) % owners.size()];
        clone.ownerId = owner;
        clone.regionId = region;
        scaled.history.deals.push_back(std::move(clone));
    }
    return scaled;
}

struct Samples
{
    std::vector<double> week;
    std::vector<double> score;
    std::vector<double> both;
    std::size_t scored = 0;
    std::size_t open = 0;
};

// (a) riskWeekAt, (b) scoreRiskWeek, (c) the two together, `runs` times.
Samples measure(const core::RiskHistory &history, const QDate &asOf, const core::RiskModel &model, int runs)
{
    Samples samples;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer total;
        total.start();
        QElapsedTimer step;
        step.start();
        core::RiskWeek week = core::riskWeekAt(history, asOf);
        samples.week.push_back(elapsedMs(step));
        samples.open = week.rows.size();
        step.restart();
        const std::vector<core::RiskScore> scores = core::scoreRiskWeek(std::move(week), model);
        samples.score.push_back(elapsedMs(step));
        samples.both.push_back(elapsedMs(total));
        samples.scored = scores.size();
    }
    return samples;
}

long peakRssKib()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

} // namespace

namespace {

std::optional<core::RiskHistory> loadHistory(const QString &path)
{
    if (!QFileInfo::exists(path)) {
        err() << "risk: the database file " << path << " does not exist" << Qt::endl;
        return std::nullopt;
    }
    // The app's readers open exactly like this (ReadExecutor::threadConnection).
    core::ScopedConnection connection(path, QStringLiteral("bench-risk"), core::ConnectionMode::ReadOnly);
    if (!connection.ok()) {
        err() << "risk: " << connection.error().message << Qt::endl;
        return std::nullopt;
    }
    auto loaded = core::RiskRepository(connection.database()).load();
    if (!loaded) {
        err() << "risk: " << loaded.error().message << Qt::endl;
        return std::nullopt;
    }
    return std::move(loaded.value());
}

struct Report
{
    QString file;
    std::size_t deals = 0;
    std::size_t openAtAsOf = 0;
    QDate asOf;
    QDate lastEntry;
    double loadMs = 0;
    double trainMs = 0;
    double cloneMs = 0;
    int wanted = 0;
};

void printReport(const Report &r, const TrainedModel &trained, const ScaledHistory &scaled, const Samples &own,
                 const Samples &big)
{
    QTextStream &o = out();
    o << "| measure | value |\n|---|---|\n";
    o << "| database | " << r.file << ": " << r.deals << " deals, " << r.openAtAsOf << " open at the as-of day "
      << r.asOf.toString(Qt::ISODate) << " (the day after the last stage entry, " << r.lastEntry.toString(Qt::ISODate) << ") |\n";
    o << "| history load (RiskRepository) | " << SampleStats::format(r.loadMs) << " ms |\n";
    o << "| training as assessRisk does (" << trained.weeks << " Mondays, " << trained.model.trainingRows()
      << " deal-weeks, learned weight " << qRound(trained.model.learnedWeight() * 100) << "%) | "
      << SampleStats::format(r.trainMs) << " ms |\n";
    o << "| scaled history | " << scaled.history.deals.size() << " deals: the " << r.deals << " originals + "
      << scaled.clones << " clones of the " << r.openAtAsOf << " open ones over " << scaled.ownerRegionPairs
      << " owner/region pairs (built in " << SampleStats::format(r.cloneMs) << " ms) |\n";
    o << "| open deals scored | " << big.scored << " (riskWeekAt rows: " << big.open << ", asked for " << r.wanted << ") |\n";
    o << "| (a) riskWeekAt, " << big.scored << " open deals (context learning + features of every open deal) | "
      << timing(big.week) << " |\n";
    o << "| (b) scoreRiskWeek, " << big.scored << " open deals (scoring + reasons + ranking) | " << timing(big.score) << " |\n";
    o << "| (c) (a) + (b), " << big.scored << " open deals | " << timing(big.both) << " |\n";
    o << "| the database as it is (" << own.scored << " open deals): riskWeekAt | " << timing(own.week) << " |\n";
    o << "| the database as it is (" << own.scored << " open deals): scoreRiskWeek | " << timing(own.score) << " |\n";
    o << "| the database as it is (" << own.scored << " open deals): both | " << timing(own.both) << " |\n";
    o << "| peak RSS (getrusage) | " << QString::number(static_cast<double>(peakRssKib()) / 1024.0, 'f', 1) << " MiB |"
      << Qt::endl;
}

} // namespace

int RiskCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Time the risk list (context, features, scoring, ranking) for a large open pipeline."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("db"), QStringLiteral("Database file (opened read-only)."), QStringLiteral("FILE")},
        {QStringLiteral("deals"), QStringLiteral("Open deals to score (default 100000)."), QStringLiteral("N"), QStringLiteral("100000")},
        {QStringLiteral("runs"), QStringLiteral("Timed runs (default 5)."), QStringLiteral("N"), QStringLiteral("5")},
    });
    parser.process(arguments);
    Report report;
    const QString path = parser.value(QStringLiteral("db"));
    bool dealsOk = false, runsOk = false;
    report.wanted = parser.value(QStringLiteral("deals")).toInt(&dealsOk);
    const int runs = parser.value(QStringLiteral("runs")).toInt(&runsOk);
    if (path.isEmpty() || !dealsOk || report.wanted < 1 || !runsOk || runs < 1) {
        err() << "risk: --db FILE is required; --deals and --runs must be at least 1" << Qt::endl;
        return 2;
    }
    QElapsedTimer timer;
    timer.start();
    const auto history = loadHistory(path);
    if (!history)
        return 1;
    report.loadMs = elapsedMs(timer);
    report.file = QFileInfo(path).fileName();
    report.deals = history->deals.size();
    report.lastEntry = core::riskHistoryEnd(*history);
    if (!report.lastEntry.isValid()) {
        err() << "risk: the database has no stage history" << Qt::endl;
        return 1;
    }
    report.asOf = report.lastEntry.addDays(1);

    err() << "risk: training the model as of " << report.asOf.toString(Qt::ISODate) << Qt::endl;
    timer.restart();
    const auto trained = trainAsAssessRisk(*history, report.asOf);
    if (!trained) {
        err() << "risk: the model could not be trained" << Qt::endl;
        return 1;
    }
    report.trainMs = elapsedMs(timer);

    const core::RiskWeek openAtAsOf = core::riskWeekAt(*history, report.asOf);
    report.openAtAsOf = openAtAsOf.rows.size();
    err() << "risk: " << report.openAtAsOf << " deals open; cloning up to " << report.wanted << Qt::endl;
    timer.restart();
    const ScaledHistory scaled = scaledHistory(*history, openAtAsOf, report.wanted);
    report.cloneMs = elapsedMs(timer);

    err() << "risk: timing the database as it is, " << runs << " runs" << Qt::endl;
    const Samples own = measure(*history, report.asOf, trained->model, runs);
    err() << "risk: timing " << scaled.history.deals.size() << " deals, " << runs << " runs" << Qt::endl;
    const Samples big = measure(scaled.history, report.asOf, trained->model, runs);
    printReport(report, *trained, scaled, own, big);
    return 0;
}

} // namespace vantage::bench
