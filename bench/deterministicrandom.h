#pragma once

#include <QtGlobal>

#include <array>
#include <vector>

namespace vantage::bench {

// xoshiro256** seeded through splitmix64, with its own uniform/normal transforms: the same seed
// gives the same database with every standard library (std::normal_distribution and friends are
// implementation-defined, so they would not).
class DeterministicRandom
{
public:
    explicit DeterministicRandom(quint64 seed);

    quint64 next();
    double unit();                          // [0, 1)
    qint64 below(qint64 bound);             // [0, bound)
    qint64 between(qint64 low, qint64 high); // [low, high]
    bool chance(double probability);
    double normal();                        // mean 0, standard deviation 1
    double logNormal(double mu, double sigma);
    // Failures before the first success of a trial with this probability, capped: a long tail.
    int geometric(double probability, int cap);
    // Index i with probability weights[i] / sum(weights).
    int weighted(const std::vector<double> &weights);
    // An index in [0, count) where low indices are picked far more often than high ones (a few
    // big customers, many occasional ones): the larger the exponent, the longer the tail.
    qint64 skewed(qint64 count, double exponent);

private:
    std::array<quint64, 4> m_state{};
    double m_spareNormal = 0.0;
    bool m_hasSpare = false;
};

} // namespace vantage::bench
