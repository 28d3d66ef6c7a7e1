#pragma once

#include <QString>

#include <vector>

namespace vantage::bench {

// Summary of repeated timings, in milliseconds.
struct SampleStats
{
    double medianMs = 0.0;
    double minMs = 0.0;
    double maxMs = 0.0;
    double p90Ms = 0.0;
    double p99Ms = 0.0;
    int count = 0;

    static SampleStats of(std::vector<double> samplesMs);
    // "12.3" with a precision that suits the size (sub-millisecond values keep 3 decimals).
    static QString format(double ms);
};

} // namespace vantage::bench
