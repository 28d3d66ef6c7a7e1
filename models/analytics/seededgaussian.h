#pragma once

#include <cmath>
#include <cstdint>
#include <numbers>

namespace vantage::core {

// Normal draws from a fixed seed, identical on every platform (std::normal_distribution is
// implementation-defined): SplitMix64 for uniforms, Box–Muller for the normal.
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
        const double u1 = uniformOpen();
        const double u2 = uniformOpen();
        const double radius = std::sqrt(-2.0 * std::log(u1));
        m_spare = radius * std::sin(2.0 * std::numbers::pi * u2);
        m_hasSpare = true;
        return radius * std::cos(2.0 * std::numbers::pi * u2) * m_sd;
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
