#include "riskmodel.h"

#include "logisticregression.h"

#include <algorithm>
#include <cmath>

namespace vantage::core {

namespace {

// Rule-based priors in log-odds per unit of each factor (RiskFactor order), from sales practice,
// measured from a typical deal (the reference) that has the base rate.
struct Prior
{
    std::array<double, kRiskFactorCount> weights;
    std::array<double, kRiskFactorCount> reference;
    double baseRate;
};

// Opportunities: ageing, overdue and pushed deals slip; cuts and deep discounts signal a weak
// position; a customer behind on payments and a rep or product that rarely wins lower the odds.
constexpr Prior kOpportunityPrior{
    {0.7, 0.6, 0.9, 0.4, 1.5, 0.25, 2.0, 0.15, 0.5, -0.8, -0.8, 0.3},
    {0, 0, 0, 0, 0, 3.9068905956085187 /* log2(1 + 14 days) */, 0, 0, 0, 0, 0, 0.5},
    0.2};

// Orders: one already past its due date is late (about one log-odds per day overdue); the more of
// its promised lead time has gone, the likelier it ships late.
constexpr Prior kOrderPrior{
    {0, 30.0, 0, 0, 0, 0, 0, 0.1, 0.3, 0, 0, 3.0},
    {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.5},
    0.2};

struct Design
{
    Eigen::MatrixXd x;
    Eigen::VectorXd y;
};

Design designOf(const std::vector<const RiskWeek *> &weeks, std::size_t first, std::size_t last, int width,
                RiskDealKind kind)
{
    std::size_t rows = 0;
    for (std::size_t w = first; w < last; ++w)
        rows += std::size_t(std::count_if(weeks[w]->rows.begin(), weeks[w]->rows.end(),
                                          [kind](const RiskRow &row) { return row.kind() == kind; }));
    Design design{Eigen::MatrixXd(Eigen::Index(rows), width), Eigen::VectorXd(Eigen::Index(rows))};
    Eigen::Index r = 0;
    for (std::size_t w = first; w < last; ++w) {
        for (const RiskRow &row : weeks[w]->rows) {
            if (row.kind() != kind)
                continue;
            design.x.row(r) = Eigen::Map<const Eigen::RowVectorXd>(row.input.data(), width);
            design.y(r++) = isAdverse(row.outcome) ? 1.0 : 0.0;
        }
    }
    return design;
}

// A logistic fit on standardised inputs, turned back into weights on the raw inputs.
LinearRiskScore fitStandardised(const Design &design, double ridge)
{
    const Eigen::RowVectorXd mean = design.x.colwise().mean();
    Eigen::RowVectorXd sd = ((design.x.rowwise() - mean).array().square().colwise().mean()).sqrt().matrix();
    for (Eigen::Index j = 0; j < sd.size(); ++j)
        sd(j) = sd(j) > 1e-9 ? sd(j) : 1.0;
    const Eigen::MatrixXd z = (design.x.rowwise() - mean).array().rowwise() / sd.array();
    const LogisticFit fit = fitLogistic(z, design.y, ridge);
    LinearRiskScore score;
    score.intercept = fit.intercept;
    for (Eigen::Index j = 0; j < sd.size(); ++j) {
        const double w = fit.weights(j) / sd(j);
        score.weights.push_back(w);
        score.reference.push_back(mean(j));
        score.intercept -= w * mean(j);
    }
    return score;
}

Eigen::VectorXd logOddsOf(const LinearRiskScore &score, const Design &design)
{
    Eigen::VectorXd out(design.x.rows());
    const Eigen::Map<const Eigen::VectorXd> w(score.weights.data(), Eigen::Index(score.weights.size()));
    out = (design.x * w).array() + score.intercept;
    return out;
}

// Platt scaling: p = σ(a·z + b), fitted on weeks the scores were not trained on.
LinearRiskScore calibrated(const LinearRiskScore &full, const std::vector<const RiskWeek *> &weeks, int width,
                           RiskDealKind kind, const RiskModelOptions &options)
{
    const std::size_t holdout = weeks.size() / 4;
    if (holdout < 2)
        return full;
    const Design early = designOf(weeks, 0, weeks.size() - holdout, width, kind);
    const Design late = designOf(weeks, weeks.size() - holdout, weeks.size(), width, kind);
    const double lateAdverse = late.y.sum();
    if (lateAdverse < options.minimumPerClass || late.y.size() - lateAdverse < options.minimumPerClass)
        return full;
    const LinearRiskScore earlyScore = fitStandardised(early, options.ridge);
    const LogisticFit platt = fitLogistic(logOddsOf(earlyScore, late), late.y, 0.0);
    if (!platt.converged || platt.weights(0) <= 0)
        return full;
    LinearRiskScore out = full;
    out.intercept = platt.weights(0) * full.intercept + platt.intercept;
    for (double &w : out.weights)
        w *= platt.weights(0);
    return out;
}

} // namespace

double LinearRiskScore::logOdds(const std::vector<double> &input) const
{
    double z = intercept;
    for (std::size_t j = 0; j < weights.size() && j < input.size(); ++j)
        z += weights[j] * input[j];
    return z;
}

LinearRiskScore RiskModel::priorScore(RiskDealKind kind, int openStageCount)
{
    const Prior &rules = kind == RiskDealKind::Order ? kOrderPrior : kOpportunityPrior;
    LinearRiskScore prior;
    prior.weights.assign(rules.weights.begin(), rules.weights.end());
    prior.reference.assign(rules.reference.begin(), rules.reference.end());
    prior.intercept = std::log(rules.baseRate / (1 - rules.baseRate));
    for (int j = 0; j < kRiskFactorCount; ++j)
        prior.intercept -= rules.weights[std::size_t(j)] * rules.reference[std::size_t(j)];
    prior.weights.resize(std::size_t(kRiskFactorCount + openStageCount), 0.0);
    prior.reference.resize(prior.weights.size(), 0.0);
    return prior;
}

RiskModel RiskModel::train(const std::vector<const RiskWeek *> &weeks,
                           const std::array<int, kRiskDealKindCount> &closedDeals, int openStageCount,
                           const RiskModelOptions &options)
{
    RiskModel model;
    const int width = kRiskFactorCount + openStageCount;
    for (int k = 0; k < kRiskDealKindCount; ++k) {
        const RiskDealKind kind = RiskDealKind(k);
        Segment &segment = model.m_segments[std::size_t(k)];
        segment.prior = priorScore(kind, openStageCount);
        const Design all = designOf(weeks, 0, weeks.size(), width, kind);
        segment.trainingRows = int(all.y.size());
        const double adverse = all.y.sum();
        if (adverse < options.minimumPerClass || double(all.y.size()) - adverse < options.minimumPerClass)
            continue;
        const LinearRiskScore full = fitStandardised(all, options.ridge);
        segment.learned = options.calibrate ? calibrated(full, weeks, width, kind, options) : full;
        const double closed = closedDeals[std::size_t(k)];
        segment.learnedWeight = closed > 0 ? closed / (closed + options.blendDeals) : 0.0;
    }
    return model;
}

double RiskModel::probability(const RiskRow &row) const
{
    const Segment &segment = m_segments[std::size_t(row.kind())];
    double z = (1 - segment.learnedWeight) * segment.prior.logOdds(row.input);
    if (segment.learnedWeight > 0)
        z += segment.learnedWeight * segment.learned.logOdds(row.input);
    return 1.0 / (1.0 + std::exp(-z));
}

std::vector<double> RiskModel::contributions(const RiskRow &row) const
{
    const Segment &segment = m_segments[std::size_t(row.kind())];
    const std::vector<double> &input = row.input;
    std::vector<double> out(input.size(), 0.0);
    for (std::size_t j = 0; j < input.size() && j < segment.prior.weights.size(); ++j) {
        out[j] = (1 - segment.learnedWeight) * segment.prior.weights[j] * (input[j] - segment.prior.reference[j]);
        if (segment.learnedWeight > 0)
            out[j] += segment.learnedWeight * segment.learned.weights[j] * (input[j] - segment.learned.reference[j]);
    }
    return out;
}

double RiskModel::learnedWeight(RiskDealKind kind) const
{
    return m_segments[std::size_t(kind)].learnedWeight;
}

int RiskModel::trainingRows() const
{
    int rows = 0;
    for (const Segment &segment : m_segments)
        rows += segment.trainingRows;
    return rows;
}

} // namespace vantage::core
