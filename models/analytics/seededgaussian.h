#pragma once

#include <cmath>
#include <cstdint>

namespace vantage::core {

// Normal draws from a fixed seed, identical on every platform (std::normal_distribution is
// implementation-defined): SplitMix64 for uniforms, Marsaglia's polar method for the normal
// (a pair per accepted point of the unit disc: one log and one square root, no sine or cosine).
class SeededGaussian
{
public:
    SeededGaussian(std::uint64_t seed, double standardDeviation)
        : m_state(seed), m_sd(standardDeviation) {}

    double next()
    {
        if (m_hasSpare) {
            m_hasSpare = false;
            return m_spare * m_sd;
        }
        double u = 0.0;
        double v = 0.0;
        double s = 0.0;
        do {
            u = 2.0 * uniformOpen() - 1.0;
            v = 2.0 * uniformOpen() - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        const double factor = std::sqrt(-2.0 * std::log(s) / s);
        m_spare = v * factor;
        m_hasSpare = true;
        return u * factor * m_sd;
    }

private:
    double uniformOpen()
    {
        m_state += 0x9E3779B97F4A7C15ull;
        std::uint64_t z = m_state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        z ^= z >> 31;
        return (double(z >> 11) + 0.5) * 0x1.0p-53;
    }

    std::uint64_t m_state;
    double m_sd;
    double m_spare = 0.0;
    bool m_hasSpare = false;
};

} // namespace vantage::core
