#pragma once

#include <QTextStream>

// Standard output (results) and standard error (messages, progress) as QTextStreams, one of each per
// process, for the command-line programs: vantage-cli, vantage-server, vantage-bench.
namespace vantage::core::console {

inline QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

inline QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

} // namespace vantage::core::console
