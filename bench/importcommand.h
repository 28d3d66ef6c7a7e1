#pragma once

#include <QStringList>

namespace vantage::bench {

// `vantage-bench import`: builds the demo database from the bundled data several times, exactly
// as the app and `vantage-cli demo` do (DemoDatabaseBuilder: new file, migrate, import in one
// transaction, move into place), and prints the median and the fastest build.
class ImportCommand
{
public:
    static int run(const QStringList &arguments);
};

} // namespace vantage::bench
