#pragma once

#include <QString>
#include <QtGlobal>

#include <functional>

namespace vantage::core {

// RFC 9562 UUID version 7: 48-bit Unix milliseconds, then random bits. Ids are made on the
// laptop (records are created offline) and sort by creation time, which keeps B-tree inserts cheap.
class Uuid7Generator
{
public:
    using RandomFunction = std::function<quint64()>;

    // System clock and a cryptographically secure random source.
    Uuid7Generator();
    // Injected time (ms) and randomness, for tests and reproducible demo data.
    Uuid7Generator(std::function<qint64()> nowMs, RandomFunction random);

    QString next();

    // Shared generator for the process (thread-safe).
    static QString generate();
    static bool isValid(QStringView text);
    static qint64 timestampMs(QStringView uuid);

private:
    std::function<qint64()> m_nowMs;
    RandomFunction m_random;
    qint64 m_lastMs = -1;
    quint16 m_counter = 0; // 12-bit rand_a used as a counter within one millisecond (RFC 9562 §6.2)
};

} // namespace vantage::core
