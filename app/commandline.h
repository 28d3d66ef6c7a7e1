#pragma once

#include <QDate>
#include <QString>
#include <QStringList>

namespace vantage::app {

// The desktop app's command line. --help and --version are answered before any window system is
// touched, so they work on a machine without a display.
struct CommandLine
{
    QString databasePath;   // --db FILE
    QString language;       // --lang en|zh_CN|system (this run only)
    QDate demoAsOf;         // --demo-as-of: the day a newly built demo ends before
    QString screenshotDir;  // --screenshots DIR
    bool measureStartup = false;
    bool measureRefresh = false;

    // True when argv asks for --help/-h/--version/-v (answered by answerWithoutDisplay()).
    static bool wantsTextOnly(int argc, char *argv[]);
    // Prints help or version (translated per the system locale) and returns the exit code.
    static int answerWithoutDisplay(int argc, char *argv[]);
    // Parses the full command line of a running QApplication; on error prints it and sets *exitCode.
    static CommandLine parse(const QStringList &arguments, int *exitCode);
};

} // namespace vantage::app
