#include "samplestats.h"

#include <algorithm>
#include <cmath>

namespace vantage::bench {

SampleStats SampleStats::of(std::vector<double> samplesMs)
{
    SampleStats stats;
    if (samplesMs.empty())
        return stats;
    std::sort(samplesMs.begin(), samplesMs.end());
    const size_t n = samplesMs.size();
    stats.count = static_cast<int>(n);
    stats.minMs = samplesMs.front();
    stats.maxMs = samplesMs.back();
    stats.medianMs = n % 2 ? samplesMs[n / 2] : (samplesMs[n / 2 - 1] + samplesMs[n / 2]) / 2.0;
    // Nearest rank: the smallest sample with at least p% of the samples at or below it.
    const auto rank = [&](double p) { return samplesMs[static_cast<size_t>(std::ceil(p * static_cast<double>(n))) - 1]; };
    stats.p90Ms = rank(0.90);
    stats.p99Ms = rank(0.99);
    return stats;
}

QString SampleStats::format(double ms)
{
    if (ms < 10.0)
        return QString::number(ms, 'f', 3);
    if (ms < 100.0)
        return QString::number(ms, 'f', 1);
    return QString::number(ms, 'f', 0);
}

} // namespace vantage::bench
