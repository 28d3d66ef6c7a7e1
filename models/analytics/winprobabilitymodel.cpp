#include "winprobabilitymodel.h"

namespace vantage::core {

int WinProbabilityModel::bucketOf(int days)
{
    int bucket = 0;
    for (int bound : kAgeBounds)
        bucket += days >= bound ? 1 : 0;
    return bucket;
}

WinProbabilityModel WinProbabilityModel::learn(const std::vector<ClosedDeal> &closed, const QHash<QString, double> &priors)
{
    WinProbabilityModel model;
    model.m_priors = priors;
    for (const ClosedDeal &deal : closed) {
        for (const auto &[stage, days] : deal.stages) {
            Counts &counts = model.m_counts[stage];
            for (int bucket = 0; bucket <= bucketOf(std::max(days, 0)); ++bucket) {
                counts.total[std::size_t(bucket)] += 1.0;
                counts.wins[std::size_t(bucket)] += deal.won ? 1.0 : 0.0;
            }
        }
    }
    return model;
}

double WinProbabilityModel::probability(const QString &stage, int daysInStage) const
{
    const double prior = m_priors.value(stage, 0.5);
    const auto found = m_counts.constFind(stage);
    if (found == m_counts.constEnd())
        return prior;
    const auto bucket = std::size_t(bucketOf(daysInStage));
    return (found->wins[bucket] + kPriorDeals * prior) / (found->total[bucket] + kPriorDeals);
}

} // namespace vantage::core
