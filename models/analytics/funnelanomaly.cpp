#include "funnelanomaly.h"

#include "domain/enumlabels.h"
#include "riskcontext.h"
#include "riskdealstate.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <tuple>

namespace vantage::core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::core::FunnelAnomaly)
};

constexpr qint64 kWeekMs = 7 * kRiskDayMs;
constexpr std::size_t kDrivingCycleDeals = 5;
// Stage times are read in days: a baseline whose exits all took the same time has no spread, and
// any recent difference would be infinitely unusual. Less than a day of spread counts as a day.
constexpr double kMinimumSpreadDays = 1.0;

enum class ExitKind { Converted, Lost, MovedBack };
enum class Family { Conversion, Cycle };
enum class Window { Recent, Baseline, Outside };

// A deal leaving an open stage, both the entry and the exit before the cut.
struct StageExit
{
    const RiskDeal *deal = nullptr;
    std::size_t stageIndex = 0;  // in history.stages
    qint64 weeksAgo = 0;         // 0 = the seven days just before the cut
    ExitKind kind = ExitKind::Converted;
    double days = 0;
};

using ScopeKey = std::tuple<std::size_t, QString, QString>;  // stage index, region, product
using ScopeExits = std::map<ScopeKey, std::vector<const StageExit *>>;
using AlertedScopes = std::set<std::tuple<std::size_t, FunnelMetric, QString, QString>>;

struct WindowTest
{
    double baseline = 0;
    double recent = 0;
    double z = 0;
    int baselineCount = 0;
    int recentCount = 0;
    int baselineQuarters = 0;
};

// What one run reads: the history, the cut and the (sanitised) options.
struct Scan
{
    const RiskHistory &history;
    QDate asOf;
    qint64 cutoffMs = 0;
    FunnelAlertOptions options;
};

struct RankedAlert
{
    FunnelAlert alert;
    std::size_t stageIndex = 0;
};

FunnelAlertOptions sanitised(FunnelAlertOptions options)
{
    options.recentWeeks = std::clamp(options.recentWeeks, 1, 4);
    options.baselineWeeks = std::max(options.baselineWeeks, 1);
    options.minimumDeals = std::max(options.minimumDeals, 1);
    options.seasonalQuarters = std::clamp(options.seasonalQuarters, 0, 8);
    return options;
}

ExitKind exitKind(const RiskStage &from, const RiskStage &to)
{
    if (to.closed)
        return to.won ? ExitKind::Converted : ExitKind::Lost;
    return to.sortOrder > from.sortOrder ? ExitKind::Converted : ExitKind::MovedBack;
}

void collectExits(const RiskDeal &deal, const RiskHistory &history, qint64 cutoffMs, std::vector<StageExit> &exits)
{
    const std::size_t known = visitsBefore(deal, cutoffMs);
    for (std::size_t i = 0; i < known; ++i) {
        // A repeated visit to the same stage continues the stay that began at the first one.
        if (i > 0 && deal.stages[i - 1].stage == deal.stages[i].stage)
            continue;
        const RiskStage *from = history.stage(deal.stages[i].stage);
        if (from == nullptr || from->closed)
            continue;
        std::size_t next = i + 1;
        while (next < known && deal.stages[next].stage == deal.stages[i].stage)
            ++next;
        if (next == known)
            continue;  // still in the stage at the cut
        const RiskStage *to = history.stage(deal.stages[next].stage);
        if (to == nullptr)
            continue;
        const qint64 leftAt = deal.stages[next].enteredAt;
        exits.push_back({&deal, std::size_t(from - history.stages.data()), (cutoffMs - leftAt) / kWeekMs,
                         exitKind(*from, *to), double(leftAt - deal.stages[i].enteredAt) / double(kRiskDayMs)});
    }
}

std::vector<StageExit> stageExitsBefore(const RiskHistory &history, qint64 cutoffMs)
{
    std::vector<StageExit> exits;
    for (const RiskDeal &deal : history.deals)
        if (deal.kind == RiskDealKind::Opportunity)  // the funnel is the pipeline's; orders are not in it
            collectExits(deal, history, cutoffMs, exits);
    return exits;
}

// Region × product, region, everyone: the narrowest first. Deals without a region (or product)
// count only in the wider scopes.
std::array<ScopeExits, 3> exitsByScope(const std::vector<StageExit> &exits)
{
    std::array<ScopeExits, 3> levels;
    for (const StageExit &exit : exits) {
        const QString &region = exit.deal->regionId;
        const QString &product = exit.deal->productId;
        if (!region.isEmpty() && !product.isEmpty())
            levels[0][{exit.stageIndex, region, product}].push_back(&exit);
        if (!region.isEmpty())
            levels[1][{exit.stageIndex, region, QString()}].push_back(&exit);
        levels[2][{exit.stageIndex, QString(), QString()}].push_back(&exit);
    }
    return levels;
}

constexpr qint64 kWeeksPerQuarter = 13;
constexpr int kMinimumSeasonalQuarters = 2;

// quarters > 0: the baseline is the recent window's weeks shifted back 1 … quarters quarters.
Window windowOf(const StageExit &exit, const FunnelAlertOptions &options, int quarters)
{
    if (exit.weeksAgo < options.recentWeeks)
        return Window::Recent;
    if (quarters > 0) {
        for (int k = 1; k <= quarters; ++k) {
            const qint64 shifted = exit.weeksAgo - kWeeksPerQuarter * k;
            if (shifted >= 0 && shifted < options.recentWeeks)
                return Window::Baseline;
        }
        return Window::Outside;
    }
    if (exit.weeksAgo < options.recentWeeks + options.baselineWeeks)
        return Window::Baseline;
    return Window::Outside;
}

// p-chart of the recent window against the pooled baseline share.
std::optional<WindowTest> conversionTest(const std::vector<const StageExit *> &exits, const FunnelAlertOptions &options,
                                         int quarters)
{
    std::array<int, 2> trials{0, 0};     // recent, baseline
    std::array<int, 2> converted{0, 0};
    for (const StageExit *exit : exits) {
        const Window window = windowOf(*exit, options, quarters);
        if (exit->kind == ExitKind::MovedBack || window == Window::Outside)
            continue;
        const std::size_t slot = window == Window::Recent ? 0 : 1;
        ++trials[slot];
        converted[slot] += exit->kind == ExitKind::Converted ? 1 : 0;
    }
    if (trials[0] < options.minimumDeals || trials[1] < options.minimumDeals)
        return std::nullopt;
    WindowTest test;
    test.recentCount = trials[0];
    test.baselineCount = trials[1];
    test.recent = double(converted[0]) / trials[0];
    test.baseline = double(converted[1]) / trials[1];
    // A baseline that always (or never) converted has no binomial spread; its standard error then
    // uses the Laplace estimate (s + 1) ÷ (n + 2), so a change is measured rather than infinite.
    const bool degenerate = converted[1] == 0 || converted[1] == trials[1];
    const double spread = degenerate ? double(converted[1] + 1) / (trials[1] + 2) : test.baseline;
    test.z = (test.recent - test.baseline) / std::sqrt(spread * (1.0 - spread) / trials[0]);
    return test;
}

double meanOf(const std::vector<double> &values)
{
    double sum = 0;
    for (double value : values)
        sum += value;
    return sum / double(values.size());
}

// The sample standard deviation (n − 1).
double standardDeviation(const std::vector<double> &values, double mean)
{
    if (values.size() < 2)
        return 0.0;
    double squares = 0;
    for (double value : values)
        squares += (value - mean) * (value - mean);
    return std::sqrt(squares / double(values.size() - 1));
}

// X̄-chart: the recent mean against the baseline mean, with the baseline's spread (the baseline is
// the process, the recent window one sample of size n_recent).
std::optional<WindowTest> cycleTest(const std::vector<const StageExit *> &exits, const FunnelAlertOptions &options,
                                    int quarters)
{
    std::array<std::vector<double>, 2> days;  // recent, baseline
    for (const StageExit *exit : exits) {
        const Window window = windowOf(*exit, options, quarters);
        if (window != Window::Outside)
            days[window == Window::Recent ? 0 : 1].push_back(exit->days);
    }
    if (int(days[0].size()) < options.minimumDeals || int(days[1].size()) < options.minimumDeals)
        return std::nullopt;
    WindowTest test;
    test.recentCount = int(days[0].size());
    test.baselineCount = int(days[1].size());
    test.recent = meanOf(days[0]);
    test.baseline = meanOf(days[1]);
    const double spread = std::max(standardDeviation(days[1], test.baseline), kMinimumSpreadDays);
    test.z = (test.recent - test.baseline) / (spread / std::sqrt(double(test.recentCount)));
    return test;
}

// How many of the earlier quarters, counting back from the latest, have exits in the recent
// window's weeks: a baseline is only as deep as the history.
int quartersBack(const std::vector<const StageExit *> &exits, const FunnelAlertOptions &options, int quarters)
{
    std::vector<bool> seen(std::size_t(quarters) + 1, false);
    for (const StageExit *exit : exits) {
        const qint64 k = exit->weeksAgo / kWeeksPerQuarter;
        if (k >= 1 && k <= quarters && exit->weeksAgo - kWeeksPerQuarter * k < options.recentWeeks)
            seen[std::size_t(k)] = true;
    }
    int depth = 0;
    while (depth < quarters && seen[std::size_t(depth) + 1])
        ++depth;
    return depth;
}

// Against the same weeks of earlier quarters when asked and the history reaches back at least two
// quarters (one quarter's two weeks are a thinner baseline than the trailing twelve) with enough
// exits, else against the trailing weeks.
std::optional<WindowTest> testOf(Family family, const std::vector<const StageExit *> &exits,
                                 const FunnelAlertOptions &options)
{
    const auto test = [&](int quarters) {
        auto result = family == Family::Conversion ? conversionTest(exits, options, quarters)
                                                   : cycleTest(exits, options, quarters);
        if (result)
            result->baselineQuarters = quarters;
        return result;
    };
    const int depth = options.seasonalQuarters > 0 ? quartersBack(exits, options, options.seasonalQuarters) : 0;
    if (depth >= kMinimumSeasonalQuarters)
        if (auto seasonal = test(depth))
            return seasonal;
    return test(0);
}

FunnelMetric metricOf(Family family, double z)
{
    if (family == Family::Conversion)
        return z < 0 ? FunnelMetric::ConversionDrop : FunnelMetric::ConversionRise;
    return z > 0 ? FunnelMetric::CycleLonger : FunnelMetric::CycleShorter;
}

// The scope's exits without those of narrower scopes that already alerted the same way.
std::vector<const StageExit *> remainder(const std::vector<const StageExit *> &exits, FunnelMetric metric,
                                         const AlertedScopes &alerted)
{
    std::vector<const StageExit *> rest;
    for (const StageExit *exit : exits) {
        const QString &region = exit->deal->regionId;
        if (alerted.count({exit->stageIndex, metric, region, exit->deal->productId}) == 0
            && alerted.count({exit->stageIndex, metric, region, QString()}) == 0)
            rest.push_back(exit);
    }
    return rest;
}

bool drivesMetric(const StageExit &exit, FunnelMetric metric)
{
    switch (metric) {
    case FunnelMetric::ConversionDrop: return exit.kind == ExitKind::Lost;
    case FunnelMetric::ConversionRise: return exit.kind == ExitKind::Converted;
    case FunnelMetric::CycleLonger:
    case FunnelMetric::CycleShorter: return true;
    }
    return false;
}

// Conversion: the recent deals lost (or, for a rise, won or moved on), largest amount at the cut
// first. Time in stage: the five recent exits furthest in the alert's direction.
std::vector<QString> drivingDeals(const std::vector<const StageExit *> &exits, FunnelMetric metric, const Scan &scan)
{
    struct Candidate
    {
        double order = 0;  // smaller first
        QString id;
    };
    const bool conversion = metric == FunnelMetric::ConversionDrop || metric == FunnelMetric::ConversionRise;
    std::vector<Candidate> candidates;
    for (const StageExit *exit : exits) {
        if (windowOf(*exit, scan.options, 0) != Window::Recent || !drivesMetric(*exit, metric))
            continue;
        double order = metric == FunnelMetric::CycleShorter ? exit->days : -exit->days;
        if (conversion)
            order = -double(amountAt(*exit->deal, scan.cutoffMs));
        candidates.push_back({order, exit->deal->id});
    }
    std::sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) {
        return std::tie(a.order, a.id) < std::tie(b.order, b.id);
    });
    std::vector<QString> ids;
    for (const Candidate &candidate : candidates) {
        if (!conversion && ids.size() == kDrivingCycleDeals)
            break;
        if (std::find(ids.begin(), ids.end(), candidate.id) == ids.end())
            ids.push_back(candidate.id);
    }
    return ids;
}

FunnelAlert alertOf(const ScopeKey &key, FunnelMetric metric, const WindowTest &test, const Scan &scan)
{
    const RiskStage &stage = scan.history.stages[std::get<0>(key)];
    FunnelAlert alert;
    alert.metric = metric;
    alert.stageCode = stage.code;
    alert.stageName = stage.name;
    alert.regionId = std::get<1>(key);
    alert.productId = std::get<2>(key);
    alert.baseline = test.baseline;
    alert.recent = test.recent;
    alert.zScore = test.z;
    alert.since = scan.asOf.addDays(-7 * qint64(scan.options.recentWeeks));
    alert.recentWeeks = scan.options.recentWeeks;
    alert.baselineWeeks = test.baselineQuarters > 0 ? 0 : scan.options.baselineWeeks;
    alert.baselineQuarters = test.baselineQuarters;
    alert.recentDeals = test.recentCount;
    alert.baselineDeals = test.baselineCount;
    return alert;
}

// An alert when the scope is outside its limits and, for a wider scope, still is without the
// narrower scopes that alerted the same way.
std::optional<FunnelAlert> scopeAlert(const ScopeKey &key, Family family, const std::vector<const StageExit *> &exits,
                                      const AlertedScopes &alerted, const Scan &scan)
{
    const std::optional<WindowTest> test = testOf(family, exits, scan.options);
    if (!test || std::abs(test->z) <= scan.options.sigma)
        return std::nullopt;
    const FunnelMetric metric = metricOf(family, test->z);
    const std::vector<const StageExit *> rest = remainder(exits, metric, alerted);
    if (rest.size() != exits.size()) {
        const std::optional<WindowTest> restTest = testOf(family, rest, scan.options);
        if (!restTest || std::abs(restTest->z) <= scan.options.sigma || metricOf(family, restTest->z) != metric)
            return std::nullopt;
    }
    FunnelAlert alert = alertOf(key, metric, *test, scan);
    alert.drivingDealIds = drivingDeals(exits, metric, scan);
    return alert;
}

bool ranksBefore(const RankedAlert &a, const RankedAlert &b)
{
    const FunnelAlert &x = a.alert;
    const FunnelAlert &y = b.alert;
    return std::tuple(-std::abs(x.zScore), a.stageIndex, int(x.metric), x.regionId, x.productId)
        < std::tuple(-std::abs(y.zScore), b.stageIndex, int(y.metric), y.regionId, y.productId);
}

QString percentText(double share)
{
    return QLocale().toString(qRound(share * 100.0));
}

QString daysText(double days)
{
    const QString number = days < 10.0 ? QLocale().toString(days, 'f', 1) : QLocale().toString(qRound(days));
    return Tr::tr("%1 days").arg(number);
}

// With a real minus sign, as z scores are printed ("z = −3.4").
QString zText(double z)
{
    const QString magnitude = QLocale().toString(std::abs(z), 'f', 1);
    return z < 0 ? QChar(0x2212) + magnitude : magnitude;
}

QString recentText(const FunnelAlert &alert)
{
    const QString since = QLocale().toString(alert.since, Tr::tr("d MMM", "date format: the first day of a funnel alert"));
    if (alert.recentWeeks == 1)
        return Tr::tr("the week since %1").arg(since);
    return Tr::tr("the %1 weeks since %2").arg(QLocale().toString(alert.recentWeeks), since);
}

QString baselineText(const FunnelAlert &alert)
{
    if (alert.baselineQuarters == 1)
        return Tr::tr("the same weeks of the quarter before");
    if (alert.baselineQuarters > 1)
        return Tr::tr("the same weeks of the %1 quarters before").arg(QLocale().toString(alert.baselineQuarters));
    if (alert.baselineWeeks == 1)
        return Tr::tr("the week before");
    return Tr::tr("the %1 weeks before").arg(QLocale().toString(alert.baselineWeeks));
}

// "East, GTX Pro", "East", or empty for everyone.
QString scopeText(const FunnelAlert &alert, const QHash<QString, QString> &regionNames,
                  const QHash<QString, QString> &productNames)
{
    if (alert.regionId.isEmpty())
        return {};
    const QString region = regionNames.value(alert.regionId, alert.regionId);
    if (alert.productId.isEmpty())
        return region;
    return Tr::tr("%1, %2", "region, product").arg(region, productNames.value(alert.productId, alert.productId));
}

bool isConversion(FunnelMetric metric)
{
    return metric == FunnelMetric::ConversionDrop || metric == FunnelMetric::ConversionRise;
}

QString subjectText(const FunnelAlert &alert, const QString &scope)
{
    const QString stage = EnumLabels::stageName(alert.stageCode, alert.stageName);
    if (isConversion(alert.metric))
        return scope.isEmpty() ? Tr::tr("%1 → next stage").arg(stage) : Tr::tr("%1 → next stage in %2").arg(stage, scope);
    return scope.isEmpty() ? Tr::tr("Time in %1").arg(stage) : Tr::tr("Time in %1 in %2").arg(stage, scope);
}

QString conversionSentence(const FunnelAlert &alert, const QString &subject)
{
    const QString recent = percentText(alert.recent);
    const QString baseline = percentText(alert.baseline);
    if (alert.metric == FunnelMetric::ConversionRise)
        return Tr::tr("%1: %2% converted in %3, against %4% over %5 (z = %6).")
            .arg(subject, recent, recentText(alert), baseline, baselineText(alert), zText(alert.zScore));
    const std::size_t lost = alert.drivingDealIds.size();
    if (lost == 1)
        return Tr::tr("%1: %2% converted in %3, against %4% over %5 (z = %6); 1 deal lost.")
            .arg(subject, recent, recentText(alert), baseline, baselineText(alert), zText(alert.zScore));
    return Tr::tr("%1: %2% converted in %3, against %4% over %5 (z = %6); %7 deals lost.")
        .arg(subject, recent, recentText(alert), baseline, baselineText(alert), zText(alert.zScore),
             QLocale().toString(qulonglong(lost)));
}

QString cycleSentence(const FunnelAlert &alert, const QString &subject)
{
    return Tr::tr("%1: %2 on average for deals leaving in %3, against %4 over %5 (z = %6).")
        .arg(subject, daysText(alert.recent), recentText(alert), daysText(alert.baseline), baselineText(alert),
             zText(alert.zScore));
}

} // namespace

std::vector<FunnelAlert> funnelAlerts(const RiskHistory &history, const QDate &asOf, const FunnelAlertOptions &options)
{
    const Scan scan{history, asOf, riskCutoffMs(asOf), sanitised(options)};
    const std::vector<StageExit> exits = stageExitsBefore(history, scan.cutoffMs);
    AlertedScopes alerted;
    std::vector<RankedAlert> found;
    for (const ScopeExits &level : exitsByScope(exits)) {
        AlertedScopes alertedAtLevel;
        for (const auto &[key, scopeExits] : level) {
            for (Family family : {Family::Conversion, Family::Cycle}) {
                std::optional<FunnelAlert> alert = scopeAlert(key, family, scopeExits, alerted, scan);
                if (!alert)
                    continue;
                alertedAtLevel.insert({std::get<0>(key), alert->metric, alert->regionId, alert->productId});
                found.push_back({std::move(*alert), std::get<0>(key)});
            }
        }
        alerted.merge(alertedAtLevel);
    }
    std::sort(found.begin(), found.end(), ranksBefore);
    std::vector<FunnelAlert> alerts;
    alerts.reserve(found.size());
    for (RankedAlert &ranked : found)
        alerts.push_back(std::move(ranked.alert));
    return alerts;
}

QString funnelAlertText(const FunnelAlert &alert, const QHash<QString, QString> &regionNames,
                        const QHash<QString, QString> &productNames)
{
    const QString subject = subjectText(alert, scopeText(alert, regionNames, productNames));
    return isConversion(alert.metric) ? conversionSentence(alert, subject) : cycleSentence(alert, subject);
}

} // namespace vantage::core
