#include "hierarchyforecaster.h"

#include "forecastcache.h"
#include "forecastreconciliation.h"
#include "rollingbacktest.h"

#include "domain/isodate.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cmath>

namespace vantage::core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::core::HierarchyForecaster)
};

struct Layout
{
    std::vector<ForecastNode> nodes;
    std::vector<std::vector<int>> summing;  // node × leaf
};

// Total, regions, members across regions, then the leaves themselves. Leaves always carry a
// region and a member (the repository gives records without a region kNoRegionId), so an
// empty id means "all".
Layout buildLayout(const ForecastInput &input)
{
    Layout layout;
    const std::size_t leafCount = input.leaves.size();
    auto addNode = [&](const QString &region, const QString &member) {
        std::vector<int> row(leafCount, 0);
        for (std::size_t j = 0; j < leafCount; ++j)
            row[j] = (region.isEmpty() || input.leaves[j].regionId == region)
                     && (member.isEmpty() || input.leaves[j].memberId == member);
        ForecastNode node;
        node.regionId = region;
        node.memberId = member;
        layout.nodes.push_back(std::move(node));
        layout.summing.push_back(std::move(row));
    };
    addNode({}, {});
    QStringList regions, members;
    for (const LeafSeries &leaf : input.leaves) {
        if (!regions.contains(leaf.regionId))
            regions << leaf.regionId;
        if (!members.contains(leaf.memberId))
            members << leaf.memberId;
    }
    regions.sort();
    members.sort();
    for (const QString &region : regions)
        addNode(region, {});
    for (const QString &member : members)
        addNode({}, member);
    for (const LeafSeries &leaf : input.leaves)
        addNode(leaf.regionId, leaf.memberId);
    return layout;
}

std::vector<std::vector<double>> nodeHistories(const Layout &layout, const ForecastInput &input)
{
    const double scale = minorUnitsPerMajor(input.currency);
    const std::size_t months = input.leaves.empty() ? 0 : input.leaves.front().monthlyMinor.size();
    std::vector<std::vector<double>> histories(layout.nodes.size(), std::vector<double>(months, 0.0));
    for (std::size_t i = 0; i < layout.nodes.size(); ++i)
        for (std::size_t j = 0; j < input.leaves.size(); ++j)
            if (layout.summing[i][j])
                for (std::size_t t = 0; t < months; ++t)
                    histories[i][t] += double(input.leaves[j].monthlyMinor[t]) / scale;
    return histories;
}

// The requested method, or the seasonal naive / naive forecast for a series the method cannot
// handle (too short, all zeros), so the hierarchy stays whole. Naive needs two values and every
// history here has at least kMinimumHistory.
Result<ForecastResult> forecastNode(ForecastCache &cache, std::span<const double> y, int period, int horizon,
                                    ForecastMethod method, int &fitted)
{
    Result<ForecastResult> result = Error{ErrorCode::InvalidInput, {}, {}};
    for (const auto &[m, chosen] : {std::pair{period, method}, std::pair{period, ForecastMethod::SeasonalNaive},
                                     std::pair{1, ForecastMethod::SeasonalNaive}}) {
        result = cache.forecast(y, m, horizon, chosen, &fitted);
        if (result && isFinite(result.value()))
            return result;
    }
    return result;
}

// Reconciles the means step by step; each node's bands move with its mean. Only the bands of
// series that were never negative are floored at zero: flooring means would break the sums.
void reconcile(const ForecastReconciliation &reconciliation, std::vector<ForecastResult> &results,
               const std::vector<bool> &nonNegative)
{
    const std::size_t horizon = results.empty() ? 0 : results.front().mean.size();
    std::vector<double> base(results.size());
    for (std::size_t h = 0; h < horizon; ++h) {
        for (std::size_t i = 0; i < results.size(); ++i)
            base[i] = results[i].mean[h];
        const std::vector<double> coherent = reconciliation.reconcile(base);
        for (std::size_t i = 0; i < results.size(); ++i) {
            ForecastResult &r = results[i];
            const double shift = coherent[i] - base[i];
            const double floor = nonNegative[i] ? 0.0 : -HUGE_VAL;
            r.mean[h] = coherent[i];
            for (PredictionBand *band : {&r.band80, &r.band95}) {
                band->lower[h] = std::max(band->lower[h] + shift, floor);
                band->upper[h] = std::max(band->upper[h] + shift, floor);
            }
        }
    }
}

struct RunContext
{
    const std::vector<std::vector<double>> &histories;
    const ForecastReconciliation &reconciliation;
    std::vector<bool> nonNegative;
    ForecastCache &cache;
    const HierarchyForecaster::Hooks &hooks;
    int period = 12;
    int horizon = 12;
    ForecastMethod method = ForecastMethod::Auto;
    int done = 0;
    int total = 0;
    int fitted = 0;
};

// Every node forecast from its first `length` values, then reconciled.
Result<std::vector<ForecastResult>> forecastAll(RunContext &run, std::size_t length)
{
    std::vector<ForecastResult> results;
    for (const std::vector<double> &history : run.histories) {
        if (run.hooks.cancelled && run.hooks.cancelled())
            return Error{ErrorCode::Cancelled, Tr::tr("The forecast was cancelled."), {}};
        auto result = forecastNode(run.cache, std::span<const double>(history).first(length), run.period,
                                   run.horizon, run.method, run.fitted);
        if (!result)
            return result.error();
        results.push_back(std::move(result.value()));
        if (run.hooks.progress)
            run.hooks.progress(++run.done, run.total);
    }
    reconcile(run.reconciliation, results, run.nonNegative);
    return results;
}

// Quarter targets of a region, or of the company for the total (its own target when it has one,
// else the sum of the regions'), spread evenly over the months of a quarter.
std::vector<std::optional<double>> targetsFor(const ForecastInput &input, const ForecastNode &node,
                                              const std::vector<QDate> &periods, bool quarterly)
{
    std::vector<std::optional<double>> targets(periods.size());
    if (!node.memberId.isEmpty() || input.measure != ForecastMeasure::Orders)  // targets are order sales
        return targets;
    const double scale = minorUnitsPerMajor(input.currency) * (quarterly ? 1.0 : 3.0);
    for (std::size_t t = 0; t < periods.size(); ++t) {
        std::optional<double> company, regions;
        for (const auto &[region, start, amount] : input.quarterTargets) {
            if (start != quarterStart(periods[t]))
                continue;
            if (region.isEmpty())
                company = company.value_or(0.0) + double(amount) / scale;
            else if (node.regionId.isEmpty() || region == node.regionId)
                regions = regions.value_or(0.0) + double(amount) / scale;
        }
        targets[t] = node.regionId.isEmpty() && company ? company : regions;
    }
    return targets;
}

// Scores every node's reconciled forecast at each origin against what happened.
Status backtestAll(RunContext &run, const std::vector<int> &origins, std::vector<ForecastNode> &nodes)
{
    std::vector<std::vector<ForecastAccuracy>> scores(nodes.size());
    for (const int origin : origins) {
        auto past = forecastAll(run, std::size_t(origin));
        if (!past)
            return past.error();
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            const std::span<const double> y(run.histories[i]);
            scores[i].push_back(measureAccuracy(y.first(std::size_t(origin)), run.period, past.value()[i],
                                                y.subspan(std::size_t(origin), std::size_t(run.horizon))));
        }
    }
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        nodes[i].backtest = averageAccuracy(scores[i]);
        nodes[i].backtestOrigins = int(scores[i].size());
    }
    return {};
}

} // namespace

QDate HierarchyForecaster::toQuarters(const QDate &firstMonth, std::vector<std::vector<double>> &series)
{
    const int skip = (3 - (firstMonth.month() - 1) % 3) % 3;
    for (std::vector<double> &values : series) {
        std::vector<double> quarters;
        for (std::size_t i = std::size_t(skip); i + 3 <= values.size(); i += 3)
            quarters.push_back(values[i] + values[i + 1] + values[i + 2]);
        values = std::move(quarters);
    }
    return firstMonth.addMonths(skip);
}

Result<ForecastReport> HierarchyForecaster::run(const ForecastInput &input, const ForecastRequest &request,
                                                ForecastCache &cache, const Hooks &hooks)
{
    QElapsedTimer timer;
    timer.start();
    ForecastReport report;
    report.request = request;
    report.currency = input.currency;
    report.regions = input.regions;
    report.members = input.members;
    const bool quarterly = request.granularity == ForecastGranularity::Quarter;
    report.period = report.horizon = quarterly ? 4 : 12;

    Layout layout = buildLayout(input);
    std::vector<std::vector<double>> histories = nodeHistories(layout, input);
    const QDate first = quarterly ? toQuarters(input.firstMonth, histories) : input.firstMonth;
    report.historyLength = histories.empty() ? 0 : int(histories.front().size());
    if (report.historyLength < Forecaster::kMinimumHistory)
        return Error{ErrorCode::InvalidInput,
                     Tr::tr("There are %1 whole periods of sales; a forecast needs at least %2.")
                         .arg(report.historyLength).arg(Forecaster::kMinimumHistory),
                     {}};
    for (int t = 0; t < report.historyLength + report.horizon; ++t)
        report.periods.push_back(first.addMonths(t * (quarterly ? 3 : 1)));

    const ForecastReconciliation reconciliation(layout.summing);
    RunContext run{histories, reconciliation, {}, cache, hooks, report.period, report.horizon, request.method};
    for (const std::vector<double> &h : histories)
        run.nonNegative.push_back(std::all_of(h.begin(), h.end(), [](double v) { return v >= 0.0; }));
    const std::vector<int> origins =
        backtestOrigins(report.historyLength, report.horizon, quarterly ? 1 : 3, kBacktestOrigins);
    run.total = int(histories.size() * (1 + origins.size()));

    auto shown = forecastAll(run, std::size_t(report.historyLength));
    if (!shown)
        return shown.error();
    if (Status scored = backtestAll(run, origins, layout.nodes); !scored)
        return scored.error();
    for (std::size_t i = 0; i < layout.nodes.size(); ++i) {
        ForecastNode &node = layout.nodes[i];
        node.history = std::move(histories[i]);
        node.forecast = std::move(shown.value()[i]);
        node.targets = targetsFor(input, node, report.periods, quarterly);
    }
    report.nodes = std::move(layout.nodes);
    report.refitted = run.fitted;
    report.seconds = double(timer.nsecsElapsed()) / 1e9;
    return report;
}

} // namespace vantage::core
