// vantage-server: composition root of the sync and authentication server.
#include "servercommands.h"

#include "domain/translations.h"

#include <QCommandLineParser>
#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Vantage"));
    QCoreApplication::setApplicationName(QStringLiteral("vantage-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VANTAGE_VERSION_STRING));
    vantage::core::Translations::install(app, vantage::core::Translations::localeFor(QStringLiteral("system")));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Vantage sync server.\n") + vantage::server::ServerCommands::usage());
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("serve, migrate, user, device, region or import"));
    vantage::server::ServerCommands::addOptions(parser);
    parser.process(app);
    return vantage::server::ServerCommands::run(parser);
}
