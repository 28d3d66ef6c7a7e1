#pragma once

#include <QCommandLineParser>

namespace vantage::server {

// vantage-server's commands: serve, migrate, user …, device …, region …, import …, risk-lists.
// Each returns the process exit code (0 ok, 1 failed, 2 wrong usage) and prints why on stderr.
class ServerCommands
{
public:
    static void addOptions(QCommandLineParser &parser);
    static int run(const QCommandLineParser &parser);
    static QString usage();
};

} // namespace vantage::server
