#include "deterministicrandom.h"

#include <cmath>
#include <numbers>
#include <numeric>

namespace vantage::bench {
namespace {

quint64 splitMix64(quint64 &x)
{
    quint64 z = (x += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

quint64 rotl(quint64 x, int k)
{
    return (x << k) | (x >> (64 - k));
}

} // namespace

DeterministicRandom::DeterministicRandom(quint64 seed)
{
    for (quint64 &word : m_state)
        word = splitMix64(seed);
}

quint64 DeterministicRandom::next()
{
    const quint64 result = rotl(m_state[1] * 5, 7) * 9;
    const quint64 t = m_state[1] << 17;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = rotl(m_state[3], 45);
    return result;
}

double DeterministicRandom::unit()
{
    return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

qint64 DeterministicRandom::below(qint64 bound)
{
    if (bound <= 1)
        return 0;
    return std::min(bound - 1, static_cast<qint64>(unit() * static_cast<double>(bound)));
}

qint64 DeterministicRandom::between(qint64 low, qint64 high)
{
    return low + below(high - low + 1);
}

bool DeterministicRandom::chance(double probability)
{
    return unit() < probability;
}

double DeterministicRandom::normal()
{
    if (m_hasSpare) {
        m_hasSpare = false;
        return m_spareNormal;
    }
    // Box-Muller; 1 - unit() is in (0, 1], so the logarithm is finite.
    const double radius = std::sqrt(-2.0 * std::log(1.0 - unit()));
    const double angle = 2.0 * std::numbers::pi * unit();
    m_spareNormal = radius * std::sin(angle);
    m_hasSpare = true;
    return radius * std::cos(angle);
}

double DeterministicRandom::logNormal(double mu, double sigma)
{
    return std::exp(mu + sigma * normal());
}

int DeterministicRandom::geometric(double probability, int cap)
{
    int failures = 0;
    while (failures < cap && !chance(probability))
        ++failures;
    return failures;
}

int DeterministicRandom::weighted(const std::vector<double> &weights)
{
    const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
    double pick = unit() * total;
    for (size_t i = 0; i < weights.size(); ++i) {
        if (pick < weights[i])
            return static_cast<int>(i);
        pick -= weights[i];
    }
    return static_cast<int>(weights.size()) - 1;
}

qint64 DeterministicRandom::skewed(qint64 count, double exponent)
{
    return std::min(count - 1, static_cast<qint64>(std::pow(unit(), exponent) * static_cast<double>(count)));
}

} // namespace vantage::bench
