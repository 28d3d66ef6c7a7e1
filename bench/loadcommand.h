#pragma once

#include <QStringList>

namespace vantage::bench {

// vantage-bench load: N simulated laptops (SimulatedDevice) sync against a running vantage-server
// for a fixed time; prints requests/s, latency percentiles and errors as key=value lines.
class LoadCommand
{
public:
    static int run(const QStringList &arguments);
};

} // namespace vantage::bench
