#include "clioutput.h"

#include "domain/console.h"

#include <cstdio>

namespace vantage::cli {

QTextStream &CliOutput::out()
{
    return core::console::out();
}

QTextStream &CliOutput::err()
{
    return core::console::err();
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
