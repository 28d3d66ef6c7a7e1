#pragma once

#include <QStringList>

namespace vantage::bench {

// `vantage-bench generate`: writes the scale database (see ScaleDatabaseGenerator) and prints
// the rows per table, the file size and the time taken.
class GenerateCommand
{
public:
    static int run(const QStringList &arguments);
};

} // namespace vantage::bench
