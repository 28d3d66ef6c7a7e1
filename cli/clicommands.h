#pragma once

#include <QCommandLineParser>
#include <QStringList>

namespace vantage::cli {

// Each command reads its options from the parser and returns the process exit code:
// 0 success, 1 failure (message on stderr), 2 wrong usage.
class CliCommands
{
public:
    static QStringList names();
    static void addOptions(QCommandLineParser &parser);
    static int run(const QString &command, const QCommandLineParser &parser);

private:
    static int demo(const QCommandLineParser &parser);
    static int import(const QCommandLineParser &parser);
    static int info(const QCommandLineParser &parser);
    static int migrate(const QCommandLineParser &parser);
};

} // namespace vantage::cli
