#include "riskmodel.h"

#include "logisticregression.h"

#include <cmath>

namespace vantage::core {

namespace {

// Rule-based prior in log-odds per unit of each factor (RiskFactor order), from sales practice:
// ageing, overdue and pushed deals slip; cuts and deep discounts signal a weak position; a
// customer behind on payments and a rep or product that rarely wins lower the odds.
constexpr std::array<double, kRiskFactorCount> kPriorWeights{
    0.7, 0.6, 0.9, 0.4, 1.5, 0.25, 2.0, 0.15, 0.5, -0.8, -0.8};
constexpr double kPriorBaseRate = 0.2;
constexpr double kTypicalInactivity = 3.9068905956085187;  // log2(1 + 14 days)

struct Design
{
    Eigen::MatrixXd x;
    Eigen::VectorXd y;
};

Design designOf(const std::vector<const RiskWeek *> &weeks, std::size_t first, std::size_t last, int width)
{
    std::size_t rows = 0;
    for (std::size_t w = first; w < last; ++w)
        rows += weeks[w]->rows.size();
    Design design{Eigen::MatrixXd(Eigen::Index(rows), width), Eigen::VectorXd(Eigen::Index(rows))};
    Eigen::Index r = 0;
    for (std::size_t w = first; w < last; ++w) {
        for (const RiskRow &row : weeks[w]->rows) {
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
                           const RiskModelOptions &options)
{
    const std::size_t holdout = weeks.size() / 4;
    if (holdout < 2)
        return full;
    const Design early = designOf(weeks, 0, weeks.size() - holdout, width);
    const Design late = designOf(weeks, weeks.size() - holdout, weeks.size(), width);
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

LinearRiskScore RiskModel::priorScore(int openStageCount)
{
    LinearRiskScore prior;
    prior.weights.assign(kPriorWeights.begin(), kPriorWeights.end());
    prior.reference.assign(kRiskFactorCount, 0.0);
    prior.reference[std::size_t(RiskFactor::Inactivity)] = kTypicalInactivity;
    prior.intercept = std::log(kPriorBaseRate / (1 - kPriorBaseRate)) - kPriorWeights[std::size_t(RiskFactor::Inactivity)] * kTypicalInactivity;
    prior.weights.resize(std::size_t(kRiskFactorCount + openStageCount), 0.0);
    prior.reference.resize(prior.weights.size(), 0.0);
    return prior;
}

RiskModel RiskModel::train(const std::vector<const RiskWeek *> &weeks, int closedDeals, int openStageCount,
                           const RiskModelOptions &options)
{
    RiskModel model;
    model.m_prior = priorScore(openStageCount);
    const int width = kRiskFactorCount + openStageCount;
    const Design all = designOf(weeks, 0, weeks.size(), width);
    model.m_trainingRows = int(all.y.size());
    const double adverse = all.y.sum();
    if (adverse < options.minimumPerClass || double(all.y.size()) - adverse < options.minimumPerClass)
        return model;
    const LinearRiskScore full = fitStandardised(all, options.ridge);
    model.m_learned = options.calibrate ? calibrated(full, weeks, width, options) : full;
    model.m_learnedWeight = closedDeals > 0 ? double(closedDeals) / (double(closedDeals) + options.blendDeals) : 0.0;
    return model;
}

double RiskModel::probability(const std::vector<double> &input) const
{
    double z = (1 - m_learnedWeight) * m_prior.logOdds(input);
    if (m_learnedWeight > 0)
        z += m_learnedWeight * m_learned.logOdds(input);
    return 1.0 / (1.0 + std::exp(-z));
}

std::vector<double> RiskModel::contributions(const std::vector<double> &input) const
{
    std::vector<double> out(input.size(), 0.0);
    for (std::size_t j = 0; j < input.size() && j < m_prior.weights.size(); ++j) {
        out[j] = (1 - m_learnedWeight) * m_prior.weights[j] * (input[j] - m_prior.reference[j]);
        if (m_learnedWeight > 0)
            out[j] += m_learnedWeight * m_learned.weights[j] * (input[j] - m_learned.reference[j]);
    }
    return out;
}

} // namespace vantage::core
