#pragma once

#include "querycase.h"
#include "domain/result.h"

#include <vector>

namespace vantage::bench {

// Times a QueryCase in-process: samples, each the mean of `repeat` back-to-back calls (the same
// sample shape the sqlite3 shell gets, see SqliteShellTimer).
class CodePathTimer
{
public:
    // Enough calls per sample for a sample to last about this long: the shell's timer counts
    // whole milliseconds, so short statements are repeated within one timed line.
    static constexpr double kTargetSampleMs = 30.0;
    static constexpr int kMaxRepeat = 2000;

    // Calls per sample for a case, from one timed call after a warm-up call.
    static core::Result<int> chooseRepeat(const QueryCase &queryCase);
    // `runs` samples in ms per call; call chooseRepeat first (it warms the connection up).
    static core::Result<std::vector<double>> samples(const QueryCase &queryCase, int runs, int repeat);
};

} // namespace vantage::bench
