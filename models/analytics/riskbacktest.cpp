#include "riskbacktest.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>

#include <array>
#include <cmath>
#include <map>

namespace vantage::core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::core::RiskBacktest)
};

// One strategy's scores of one week's rows, larger = riskier.
using Scorer = std::function<std::vector<double>(const RiskWeek &, const std::vector<const RiskWeek *> &)>;

struct Strategy
{
    QString name;
    bool probabilistic = false;
    Scorer score;
};

struct Tally
{
    double precisionSum = 0;
    double brierSum = 0;
    std::vector<std::pair<double, bool>> scored;  // score, adverse
    std::vector<std::pair<double, bool>> lost;    // score, lost
    std::vector<std::pair<double, bool>> orders;  // score, adverse: orders alone
};

// Mann–Whitney AUC with ties counted half.
double areaUnderCurve(std::vector<std::pair<double, bool>> scored)
{
    std::sort(scored.begin(), scored.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    double positives = 0, negatives = 0, rankSum = 0;
    for (std::size_t i = 0; i < scored.size();) {
        std::size_t j = i + 1;
        while (j < scored.size() && scored[j].first == scored[i].first)
            ++j;
        const double meanRank = (double(i + 1) + double(j)) / 2.0;
        for (std::size_t k = i; k < j; ++k)
            if (scored[k].second) {
                rankSum += meanRank;
                positives += 1;
            } else {
                negatives += 1;
            }
        i = j;
    }
    if (positives == 0 || negatives == 0)
        return std::nan("");
    return (rankSum - positives * (positives + 1) / 2.0) / (positives * negatives);
}

Scorer modelScorer(RiskModelOptions options, bool learn)
{
    return [options, learn](const RiskWeek &week, const std::vector<const RiskWeek *> &training) {
        const int openStages = week.rows.empty() ? 0 : int(week.rows.front().input.size()) - kRiskFactorCount;
        const RiskModel model = RiskModel::train(learn ? training : std::vector<const RiskWeek *>{},
                                                 week.closedDeals, openStages, options);
        std::vector<double> scores;
        for (const RiskRow &row : week.rows)
            scores.push_back(model.probability(row));
        return scores;
    };
}

std::vector<Strategy> strategies()
{
    RiskModelOptions plain;
    plain.ridge = 0;
    plain.calibrate = false;
    plain.blendDeals = 0;
    return {
        {Tr::tr("Vantage risk model"), true, modelScorer({}, true)},
        {Tr::tr("Rule prior alone"), true, modelScorer({}, false)},
        {Tr::tr("Plain logistic model"), true, modelScorer(plain, true)},
        {Tr::tr("Oldest in stage first"), false, [](const RiskWeek &week, const auto &) {
             std::vector<double> scores;
             for (const RiskRow &row : week.rows)
                 scores.push_back(row.features.daysInStage);
             return scores;
         }},
        {Tr::tr("Largest amount first"), false, [](const RiskWeek &week, const auto &) {
             std::vector<double> scores;
             for (const RiskRow &row : week.rows)
                 scores.push_back(double(row.state.amountMinor));
             return scores;
         }},
        {Tr::tr("Base rate (same for every deal of a kind)"), true,
         [](const RiskWeek &week, const std::vector<const RiskWeek *> &training) {
             std::array<double, kRiskDealKindCount> adverse{}, rows{};
             for (const RiskWeek *past : training)
                 for (const RiskRow &row : past->rows) {
                     adverse[std::size_t(row.kind())] += isAdverse(row.outcome) ? 1 : 0;
                     rows[std::size_t(row.kind())] += 1;
                 }
             std::vector<double> scores;
             for (const RiskRow &row : week.rows) {
                 const std::size_t kind = std::size_t(row.kind());
                 scores.push_back(rows[kind] > 0 ? adverse[kind] / rows[kind] : 0.5);
             }
             return scores;
         }},
    };
}

// FNV-1a of the id: the same on every run (qHash mixes in a per-process seed).
quint64 stableHash(const QString &id)
{
    quint64 hash = 14695981039346656037ULL;
    for (const QChar c : id) {
        hash ^= c.unicode();
        hash *= 1099511628211ULL;
    }
    return hash;
}

// Each region's ten highest scores and their adverse share. Ties go by a fixed hash of the deal id,
// not the id itself: ids are time-ordered, which would quietly make every tie "oldest first".
std::vector<std::pair<double, double>> regionPrecisions(const RiskWeek &week, const std::vector<double> &scores)
{
    std::map<QString, std::vector<std::size_t>> byRegion;
    for (std::size_t i = 0; i < week.rows.size(); ++i)
        byRegion[week.rows[i].state.deal->regionId].push_back(i);
    std::vector<std::pair<double, double>> out;  // precision, base rate
    for (auto &[region, rows] : byRegion) {
        std::sort(rows.begin(), rows.end(), [&](std::size_t a, std::size_t b) {
            if (scores[a] != scores[b])
                return scores[a] > scores[b];
            return stableHash(week.rows[a].state.deal->id) < stableHash(week.rows[b].state.deal->id);
        });
        const std::size_t top = std::min<std::size_t>(10, rows.size());
        double adverse = 0, all = 0;
        for (std::size_t k = 0; k < rows.size(); ++k) {
            const bool bad = isAdverse(week.rows[rows[k]].outcome);
            adverse += k < top && bad ? 1 : 0;
            all += bad ? 1 : 0;
        }
        out.emplace_back(adverse / double(top), all / double(rows.size()));
    }
    return out;
}

} // namespace

QDate riskHistoryEnd(const RiskHistory &history)
{
    qint64 last = 0;
    for (const RiskDeal &deal : history.deals)
        for (const StageVisit &visit : deal.stages)
            last = std::max(last, visit.enteredAt);
    return last == 0 ? QDate() : QDateTime::fromMSecsSinceEpoch(last, QTimeZone::utc()).date();
}

Result<RiskBacktestReport> runRiskBacktest(const RiskHistory &history, const QDate &from, const QDate &to,
                                           const RiskRunControl &control)
{
    const QDate end = riskHistoryEnd(history);
    if (!end.isValid())
        return Error{ErrorCode::InvalidInput, Tr::tr("There is no stage history to replay."), {}};
    const QDate lastMonday = std::min(to, end.addDays(1 - kRiskHorizonDays));
    std::vector<QDate> mondays = riskMondays(history, lastMonday);
    std::vector<RiskWeek> weeks;
    weeks.reserve(mondays.size());
    for (const QDate &monday : mondays) {
        if (control.cancelled && control.cancelled())
            return Error{ErrorCode::Cancelled, Tr::tr("The backtest was cancelled."), {}};
        weeks.push_back(riskWeekAt(history, monday));
    }
    const std::vector<Strategy> all = strategies();
    std::vector<Tally> tallies(all.size());
    RiskBacktestReport report;
    double baseRateSum = 0, adverseRows = 0, lostRows = 0, orderAdverse = 0;
    for (std::size_t w = 0; w < weeks.size(); ++w) {
        const RiskWeek &week = weeks[w];
        if (week.asOf < from || week.rows.empty())
            continue;
        if (control.cancelled && control.cancelled())
            return Error{ErrorCode::Cancelled, Tr::tr("The backtest was cancelled."), {}};
        std::vector<const RiskWeek *> training;
        for (std::size_t past = 0; past < w; ++past)
            if (weeks[past].asOf.addDays(kRiskHorizonDays) <= week.asOf)
                training.push_back(&weeks[past]);
        RiskBacktestWeek summary{week.asOf, int(week.rows.size()), 0};
        for (std::size_t s = 0; s < all.size(); ++s) {
            const std::vector<double> scores = all[s].score(week, training);
            const auto precisions = regionPrecisions(week, scores);
            for (const auto &[precision, baseRate] : precisions) {
                tallies[s].precisionSum += precision;
                if (s == 0) {
                    baseRateSum += baseRate;
                    ++report.lists;
                }
            }
            for (std::size_t i = 0; i < scores.size(); ++i) {
                const bool bad = isAdverse(week.rows[i].outcome);
                tallies[s].scored.emplace_back(scores[i], bad);
                tallies[s].lost.emplace_back(scores[i], week.rows[i].outcome == RiskOutcome::Lost);
                if (week.rows[i].kind() == RiskDealKind::Order)
                    tallies[s].orders.emplace_back(scores[i], bad);
                tallies[s].brierSum += (scores[i] - (bad ? 1.0 : 0.0)) * (scores[i] - (bad ? 1.0 : 0.0));
            }
        }
        for (const RiskRow &row : week.rows) {
            summary.adverse += isAdverse(row.outcome) ? 1 : 0;
            lostRows += row.outcome == RiskOutcome::Lost ? 1 : 0;
            if (row.kind() == RiskDealKind::Order) {
                ++report.orderRows;
                orderAdverse += isAdverse(row.outcome) ? 1 : 0;
            }
        }
        adverseRows += summary.adverse;
        report.scoredRows += int(week.rows.size());
        report.weeks.push_back(summary);
        if (control.progress)
            control.progress(int(w + 1), int(weeks.size()));
    }
    if (report.lists == 0)
        return Error{ErrorCode::InvalidInput,
                     Tr::tr("No Monday between %1 and %2 has open deals and a known four-week outcome.")
                         .arg(from.toString(Qt::ISODate), lastMonday.toString(Qt::ISODate)), {}};
    report.baseRate = adverseRows / report.scoredRows;
    report.lostRate = lostRows / report.scoredRows;
    report.orderBaseRate = report.orderRows > 0 ? orderAdverse / report.orderRows : std::nan("");
    const double meanBaseRate = baseRateSum / report.lists;
    for (std::size_t s = 0; s < all.size(); ++s) {
        const double precision = tallies[s].precisionSum / report.lists;
        report.strategies.push_back({all[s].name, precision, meanBaseRate > 0 ? precision / meanBaseRate : std::nan(""),
                                     areaUnderCurve(tallies[s].scored), areaUnderCurve(tallies[s].lost),
                                     areaUnderCurve(tallies[s].orders),
                                     all[s].probabilistic ? tallies[s].brierSum / report.scoredRows : std::nan("")});
    }
    return report;
}

} // namespace vantage::core
