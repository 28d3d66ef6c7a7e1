#pragma once

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
};

} // namespace vantage::cli
