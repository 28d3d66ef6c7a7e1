#include "clioutput.h"

#include <cstdio>

namespace vantage::cli {

QTextStream &CliOutput::out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &CliOutput::err()
{
    static QTextStream stream(stderr);
    return stream;
}

void CliOutput::progress(int value, int maximum, const QString &text)
{
    static QString last;
    if (text == last)
        return; // one line per phase, not per row
    last = text;
    err() << text;
    if (maximum > 0)
        err() << " (" << value << "/" << maximum << ")";
    err() << Qt::endl;
}

} // namespace vantage::cli
