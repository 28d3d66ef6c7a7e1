// vantage-cli: composition root of the headless tool.
#include "clicommands.h"
#include "clioutput.h"

#include "domain/translations.h"

#include <QCommandLineParser>
#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Vantage"));
    QCoreApplication::setApplicationName(QStringLiteral("vantage-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VANTAGE_VERSION_STRING));
    vantage::core::Translations::install(app, vantage::core::Translations::localeFor(QStringLiteral("system")));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("vantage::cli::CliCommands", "Vantage command-line tools. Commands: %1")
            .arg(vantage::cli::CliCommands::names().join(QStringLiteral(", "))));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QCoreApplication::translate("vantage::cli::CliCommands", "What to do."));
    vantage::cli::CliCommands::addOptions(parser);
    parser.process(app);
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        vantage::cli::CliOutput::err() << parser.helpText() << Qt::endl;
        return 2;
    }
    return vantage::cli::CliCommands::run(positional.first(), parser);
}
