#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QTextStream>

namespace vantage::cli {

// Writes results to stdout and messages/progress to stderr, in UTF-8.
class CliOutput
{
public:
    static QTextStream &out();
    static QTextStream &err();
    static void progress(int value, int maximum, const QString &text);
    // "error: <message>" on stderr; returns exit code 1.
    static int fail(const QString &message);
    // --db's value, or "" after saying that it is required.
    static QString requiredDb(const QCommandLineParser &parser);
};

} // namespace vantage::cli
