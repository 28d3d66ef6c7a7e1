#include "clioutput.h"

#include "domain/console.h"

#include <QCoreApplication>

#include <cstdio>

namespace vantage::cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::cli::CliCommands)
};

} // namespace

int CliOutput::fail(const QString &message)
{
    err() << Tr::tr("error: %1").arg(message) << Qt::endl;
    return 1;
}

QString CliOutput::requiredDb(const QCommandLineParser &parser)
{
    const QString db = parser.value(QStringLiteral("db"));
    if (db.isEmpty())
        err() << Tr::tr("error: --db FILE is required") << Qt::endl;
    return db;
}

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
