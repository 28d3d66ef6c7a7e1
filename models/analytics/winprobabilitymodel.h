#pragma once

#include <QHash>
#include <QString>

#include <array>
#include <vector>

namespace vantage::core {

// How a closed deal went through the open stages: days spent in each, and the outcome.
struct ClosedDeal
{
    std::vector<std::pair<QString, int>> stages;  // stage code, whole days in it
    bool won = false;
};

// P(won | open stage, days in that stage), learned from the user's own closed deals. A deal
// that spent d days in a stage counts in every age bucket it lived through. Each stage/bucket
// is a Beta posterior around the stage's default probability with the weight of 20 deals, so
// thin history gives the documented prior and a long one its own rates.
class WinProbabilityModel
{
public:
    static constexpr std::array<int, 2> kAgeBounds{30, 90};  // buckets: < 30, 30–89, ≥ 90 days
    static constexpr double kPriorDeals = 20.0;

    // priors: stage code → default probability (pipeline_stage.default_probability_bp / 10,000).
    static WinProbabilityModel learn(const std::vector<ClosedDeal> &closed, const QHash<QString, double> &priors);

    double probability(const QString &stage, int daysInStage) const;

    static int bucketOf(int days);

private:
    struct Counts
    {
        std::array<double, 3> wins{};
        std::array<double, 3> total{};
    };
    QHash<QString, Counts> m_counts;
    QHash<QString, double> m_priors;
};

} // namespace vantage::core
