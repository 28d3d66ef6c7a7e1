#include "commandline.h"

#include "domain/translations.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstring>

namespace vantage::app {
namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::app::CommandLine)
};

void addOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(Tr::tr("Vantage: offline-first sales management for regional sales managers."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("db"), Tr::tr("Open this database file instead of the one in Settings."), Tr::tr("FILE")});
    parser.addOption({QStringLiteral("lang"), Tr::tr("Language for this run: en, zh_CN or system."), Tr::tr("LANGUAGE")});
    parser.addOption({QStringLiteral("demo-as-of"),
                      Tr::tr("When the demo database is built, shift its dates to end the day before this date."),
                      Tr::tr("YYYY-MM-DD")});
    parser.addOption({QStringLiteral("screenshots"),
                      Tr::tr("Save a screenshot of every page and dialog into DIR, then quit (documentation)."),
                      Tr::tr("DIR")});
    parser.addOption({QStringLiteral("measure-startup"),
                      Tr::tr("Print the time until the dashboard is first painted and the longest pause of the window, then quit (benchmark).")});
    parser.addOption({QStringLiteral("measure-refresh"),
                      Tr::tr("After start-up, refresh the dashboard and lists, print timings, then quit (benchmark).")});
}

} // namespace

bool CommandLine::wantsTextOnly(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const char *arg = argv[i];
        if (!std::strcmp(arg, "--help") || !std::strcmp(arg, "-h") || !std::strcmp(arg, "--version")
            || !std::strcmp(arg, "-v") || !std::strcmp(arg, "--help-all"))
            return true;
    }
    return false;
}

int CommandLine::answerWithoutDisplay(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("vantage"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VANTAGE_VERSION_STRING));
    core::Translations::install(app, core::Translations::localeFor(QStringLiteral("system")));
    QCommandLineParser parser;
    addOptions(parser);
    parser.process(app); // prints help or version and exits
    return 0;
}

CommandLine CommandLine::parse(const QStringList &arguments, int *exitCode)
{
    *exitCode = -1;
    QCommandLineParser parser;
    addOptions(parser);
    CommandLine line;
    QTextStream err(stderr);
    if (!parser.parse(arguments)) {
        err << parser.errorText() << Qt::endl;
        *exitCode = 2;
        return line;
    }
    line.databasePath = parser.value(QStringLiteral("db"));
    line.language = parser.value(QStringLiteral("lang"));
    line.screenshotDir = parser.value(QStringLiteral("screenshots"));
    line.measureStartup = parser.isSet(QStringLiteral("measure-startup"));
    line.measureRefresh = parser.isSet(QStringLiteral("measure-refresh"));
    if (parser.isSet(QStringLiteral("demo-as-of"))) {
        line.demoAsOf = QDate::fromString(parser.value(QStringLiteral("demo-as-of")), Qt::ISODate);
        if (!line.demoAsOf.isValid()) {
            err << Tr::tr("--demo-as-of needs a date in the form YYYY-MM-DD") << Qt::endl;
            *exitCode = 2;
        }
    }
    if (!line.language.isEmpty() && line.language != QLatin1String("system")
        && !core::Translations::supportedLanguages().contains(line.language)) {
        err << Tr::tr("--lang must be one of: %1, system")
                   .arg(core::Translations::supportedLanguages().join(QStringLiteral(", ")))
            << Qt::endl;
        *exitCode = 2;
    }
    return line;
}

} // namespace vantage::app
