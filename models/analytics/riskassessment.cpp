#include "riskassessment.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>

namespace vantage::core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::core::RiskAssessment)
};

} // namespace

std::vector<std::pair<RiskFactor, double>> topRiskReasons(const std::vector<double> &contributions)
{
    std::array<std::pair<RiskFactor, double>, kRiskFactorCount> candidates;
    std::size_t count = 0;
    for (int j = 0; j < kRiskFactorCount && j < int(contributions.size()); ++j)
        if (contributions[std::size_t(j)] >= kRiskReasonThreshold)
            candidates[count++] = {RiskFactor(j), contributions[std::size_t(j)]};
    const std::size_t kept = std::min(count, std::size_t(kRiskReasonCount));
    std::partial_sort(candidates.begin(), candidates.begin() + std::ptrdiff_t(kept), candidates.begin() + std::ptrdiff_t(count),
                      [](const auto &a, const auto &b) { return a.second > b.second; });
    return {candidates.begin(), candidates.begin() + std::ptrdiff_t(kept)};
}

void rankRiskScores(std::vector<RiskScore> &scores)
{
    std::sort(scores.begin(), scores.end(), [](const RiskScore &a, const RiskScore &b) {
        if (a.probability != b.probability)
            return a.probability > b.probability;
        if (a.row.state.amountMinor != b.row.state.amountMinor)
            return a.row.state.amountMinor > b.row.state.amountMinor;
        return a.row.state.deal->id < b.row.state.deal->id;
    });
}

std::vector<RiskScore> scoreRiskWeek(RiskWeek week, const RiskModel &model)
{
    std::vector<RiskScore> scores;
    scores.reserve(week.rows.size());
    for (RiskRow &row : week.rows) {
        const double probability = model.probability(row);
        std::vector<double> contributions = model.contributions(row);
        // Past its close date, "all the time to close gone" repeats "expected to close …, … ago".
        if (row.features.daysOverdue > 0)
            contributions[std::size_t(RiskFactor::CloseElapsed)] = 0.0;
        auto reasons = topRiskReasons(contributions);
        scores.push_back({std::move(row), probability, std::move(reasons)});
    }
    rankRiskScores(scores);
    return scores;
}

Result<RiskAssessment> assessRisk(const RiskHistory &history, const QDate &asOf, const RiskModelOptions &options,
                                  const RiskRunControl &control)
{
    if (!asOf.isValid())
        return Error{ErrorCode::InvalidInput, Tr::tr("The as-of date is not a valid date."), {}};
    const std::vector<QDate> mondays = riskMondays(history, asOf.addDays(-kRiskHorizonDays));
    const int steps = int(mondays.size()) + 1;
    std::vector<RiskWeek> weeks;
    weeks.reserve(mondays.size());
    for (const QDate &monday : mondays) {
        if (control.cancelled && control.cancelled())
            return Error{ErrorCode::Cancelled, Tr::tr("The risk list was cancelled."), {}};
        weeks.push_back(riskWeekAt(history, monday));
        if (control.progress)
            control.progress(int(weeks.size()), steps);
    }
    std::vector<const RiskWeek *> training;
    for (const RiskWeek &week : weeks)
        training.push_back(&week);
    RiskWeek current = riskWeekAt(history, asOf);
    const int openStages = int(riskOpenStages(history).size());
    const RiskModel model = RiskModel::train(training, current.closedDeals, openStages, options);

    RiskAssessment assessment;
    assessment.asOf = asOf;
    assessment.model = model;
    assessment.ranked = scoreRiskWeek(std::move(current), model);
    assessment.learnedWeight = model.learnedWeight(RiskDealKind::Opportunity);
    assessment.orderLearnedWeight = model.learnedWeight(RiskDealKind::Order);
    assessment.trainingWeeks = int(weeks.size());
    assessment.trainingRows = model.trainingRows();
    if (control.progress)
        control.progress(steps, steps);
    return assessment;
}

} // namespace vantage::core
