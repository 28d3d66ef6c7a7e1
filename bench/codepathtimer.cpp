#include "codepathtimer.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cmath>

namespace vantage::bench {

namespace {

core::Result<double> timeCalls(const QueryCase &queryCase, int calls)
{
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < calls; ++i)
        if (auto done = queryCase.run(); !done)
            return done.error();
    return static_cast<double>(timer.nsecsElapsed()) / 1e6 / calls;
}

} // namespace

core::Result<int> CodePathTimer::chooseRepeat(const QueryCase &queryCase)
{
    auto warm = timeCalls(queryCase, 1);
    if (!warm)
        return warm.error();
    // Slow enough even with a cold connection cache: one call per sample, no second timing.
    if (warm.value() >= 2 * kTargetSampleMs)
        return 1;
    auto once = timeCalls(queryCase, 1);
    if (!once)
        return once.error();
    const double calls = std::ceil(kTargetSampleMs / std::max(once.value(), 0.001));
    return static_cast<int>(std::clamp(calls, 1.0, static_cast<double>(kMaxRepeat)));
}

core::Result<std::vector<double>> CodePathTimer::samples(const QueryCase &queryCase, int runs, int repeat)
{
    std::vector<double> samples;
    for (int i = 0; i < runs; ++i) {
        auto sample = timeCalls(queryCase, repeat);
        if (!sample)
            return sample.error();
        samples.push_back(sample.value());
    }
    return samples;
}

} // namespace vantage::bench
