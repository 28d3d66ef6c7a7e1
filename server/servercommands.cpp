#include "servercommands.h"

#include "adminservice.h"
#include "companyimporter.h"
#include "httpapi.h"
#include "passwordhasher.h"
#include "backgroundjobs.h"
#include "funnelalertmailer.h"
#include "risklistmaker.h"
#include "serverschema.h"

#include "analytics/risksnapshot.h"
#include "domain/clock.h"
#include "domain/console.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTextStream>

#include <csignal>

namespace vantage::server {
namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::server::ServerCommands)
};

using core::console::err;
using core::console::out;

int fail(const core::Error &error)
{
    err() << Tr::tr("error: %1").arg(error.message) << Qt::endl;
    return 1;
}

int report(const core::Status &status, const QString &success)
{
    if (!status)
        return fail(status.error());
    out() << success << Qt::endl;
    return 0;
}

QString password(const QCommandLineParser &parser)
{
    if (parser.isSet(QStringLiteral("password")))
        return parser.value(QStringLiteral("password"));
    return QTextStream(stdin).readLine();
}

QString demoDatabasePath()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(folder);
    return QDir(folder).filePath(QStringLiteral("demo-server.sqlite"));
}

HttpApi *g_api = nullptr;

extern "C" void stopServing(int)
{
    if (g_api)
        g_api->stop();
}

int serve(const ServerDatabase &database, const QCommandLineParser &parser)
{
    HttpApi::Limits limits;
    limits.threads = std::max(1, parser.value(QStringLiteral("threads")).toInt());
    limits.logRequests = parser.isSet(QStringLiteral("log"));
    if (parser.isSet(QStringLiteral("trusted-proxy")))
        limits.trustedProxies = parser.values(QStringLiteral("trusted-proxy"));
    auto smtp = SmtpSettings::fromOptions(parser);
    if (!smtp)
        return fail(smtp.error());
    HttpApi api(database, limits);
    const BackgroundJobs::Options background{!parser.isSet(QStringLiteral("no-risk-lists")), smtp.value()};
    BackgroundJobs jobs(database, background);
    if (background.riskLists || background.smtp.configured())
        jobs.start(std::chrono::seconds(30), std::chrono::hours(1));
    g_api = &api;
    std::signal(SIGTERM, stopServing);
    std::signal(SIGINT, stopServing);
    const QString host = parser.value(QStringLiteral("bind"));
    const int port = parser.value(QStringLiteral("port")).toInt();
    out() << Tr::tr("vantage-server %1 listening on %2:%3 (%4)")
                 .arg(QStringLiteral(VANTAGE_VERSION_STRING), host).arg(port).arg(database.spec().describe())
          << Qt::endl;
    const bool listened = api.listen(host, port);
    g_api = nullptr;
    if (!listened) {
        err() << Tr::tr("error: cannot listen on %1:%2 (in use, or not allowed)").arg(host).arg(port) << Qt::endl;
        return 1;
    }
    return 0;
}

int prepareDemo(const ServerDatabase &database)
{
    auto version = ServerSchema::currentVersion(database);
    if (!version)
        return fail(version.error());
    if (auto migrated = ServerSchema::migrate(database); !migrated)
        return fail(migrated.error());
    if (version.value() == 0) {
        out() << Tr::tr("Loading the demo data (every demo user signs in with the password \"vantage-demo\")…") << Qt::endl;
        if (auto seeded = CompanyImporter(database).importDemo(core::Clock::nowUtc().toLocalTime().date(), QStringLiteral("vantage-demo")); !seeded)
            return fail(seeded.error());
    }
    return 0;
}

int riskListsCommand(const ServerDatabase &database, const QCommandLineParser &parser)
{
    const QDate day = parser.isSet(QStringLiteral("as-of")) ? QDate::fromString(parser.value(QStringLiteral("as-of")), Qt::ISODate)
                                                           : core::Clock::nowUtc().toLocalTime().date();
    if (!day.isValid())
        return 2;
    auto made = RiskListMaker(database).makeWeek(core::mondayOf(day), core::Clock::nowMs());
    if (!made)
        return fail(made.error());
    return report({}, Tr::tr("risk lists of %1: %2 made (%3 entries), %4 already there; %5 synced rows read")
                          .arg(made.value().isoWeek)
                          .arg(made.value().made)
                          .arg(made.value().entries)
                          .arg(made.value().existing)
                          .arg(made.value().rowsRead));
}

// Mails the open funnel alerts of --as-of's week (today's) that their recipients were not told of.
int funnelAlertsCommand(const ServerDatabase &database, const QCommandLineParser &parser)
{
    const QDate day = parser.isSet(QStringLiteral("as-of")) ? QDate::fromString(parser.value(QStringLiteral("as-of")), Qt::ISODate)
                                                           : core::Clock::nowUtc().toLocalTime().date();
    if (!day.isValid())
        return 2;
    auto smtp = SmtpSettings::fromOptions(parser);
    if (!smtp)
        return fail(smtp.error());
    if (!smtp.value().configured())
        return fail({core::ErrorCode::InvalidInput, Tr::tr("funnel-alerts needs a mail relay: --smtp HOST[:PORT]."), {}});
    auto mailed = FunnelAlertMailer(database, smtp.value()).run(core::mondayOf(day), day, core::Clock::nowMs());
    if (!mailed)
        return fail(mailed.error());
    for (const QString &failure : mailed.value().failures)
        err() << Tr::tr("error: not delivered: %1").arg(failure) << Qt::endl;
    if (!mailed.value().unreachable.isEmpty())
        err() << Tr::tr("warning: recipients without an e-mail address: %1").arg(mailed.value().unreachable.join(QStringLiteral(", ")))
              << Qt::endl;
    out() << Tr::tr("funnel alerts of the week of %1: messages sent: %2 (%3 alerts); already sent before: %4")
                 .arg(core::mondayOf(day).toString(Qt::ISODate))
                 .arg(mailed.value().mails)
                 .arg(mailed.value().alerts)
                 .arg(mailed.value().alreadySent)
          << Qt::endl;
    return mailed.value().failures.isEmpty() ? 0 : 1;
}

int importCommand(const ServerDatabase &database, const QStringList &args, const QCommandLineParser &parser)
{
    const QString source = args.value(1);
    const QDate asOf = parser.isSet(QStringLiteral("as-of")) ? QDate::fromString(parser.value(QStringLiteral("as-of")), Qt::ISODate)
                                                            : core::Clock::nowUtc().toLocalTime().date();
    if (!asOf.isValid() || args.size() != (source == QLatin1String("demo") ? 2 : 3))
        return 2;
    const CompanyImporter importer(database, [next = qint64{50000}](qint64 rows) mutable {
        if (rows < next)
            return;
        err() << Tr::tr("%1 rows copied…").arg(rows) << Qt::endl;
        next = rows + 50000;
    });
    core::Result<qint64> imported = 0;
    if (source == QLatin1String("demo"))
        imported = importer.importDemo(asOf, password(parser));
    else if (source == QLatin1String("csv"))
        imported = importer.importCsv(args[2], asOf, password(parser));
    else if (source == QLatin1String("database"))
        imported = importer.importDatabase(args[2], password(parser));
    else
        return 2;
    if (!imported)
        return fail(imported.error());
    return report({}, Tr::tr("%1 rows imported").arg(imported.value()));
}

int userCommand(AdminService &admin, const QStringList &args, const QCommandLineParser &parser)
{
    const QString action = args.value(1);
    const QString login = args.value(2);
    if (login.isEmpty())
        return 2;
    if (action == QLatin1String("add"))
        return report(admin.addUser(login, parser.value(QStringLiteral("name")).isEmpty() ? login : parser.value(QStringLiteral("name")),
                                    parser.value(QStringLiteral("role")), password(parser), parser.value(QStringLiteral("email"))),
                      Tr::tr("user %1 added").arg(login));
    if (action == QLatin1String("passwd"))
        return report(admin.setPassword(login, password(parser)), Tr::tr("password of %1 changed").arg(login));
    if (action == QLatin1String("disable"))
        return report(admin.setDisabled(login, true), Tr::tr("user %1 disabled; its sessions end now").arg(login));
    if (action == QLatin1String("enable"))
        return report(admin.setDisabled(login, false), Tr::tr("user %1 enabled").arg(login));
    return 2;
}

int regionCommand(AdminService &admin, const QStringList &args, const QCommandLineParser &parser)
{
    const QString action = args.value(1);
    if (action == QLatin1String("add") && args.size() == 3)
        return report(admin.addRegion(args[2], parser.value(QStringLiteral("name")).isEmpty() ? args[2] : parser.value(QStringLiteral("name")),
                                      parser.value(QStringLiteral("currency"))),
                      Tr::tr("region %1 added").arg(args[2]));
    if (action == QLatin1String("assign") && args.size() == 4)
        return report(admin.assignRegion(args[2], args[3], true), Tr::tr("%1 now works in region %2").arg(args[2], args[3]));
    if (action == QLatin1String("unassign") && args.size() == 4)
        return report(admin.assignRegion(args[2], args[3], false),
                      Tr::tr("%1 no longer works in region %2; its laptops drop that region's data at their next sync")
                          .arg(args[2], args[3]));
    return 2;
}

} // namespace

void ServerCommands::addOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("database"),
                      Tr::tr("Server database: an SQLite file, or postgresql://user:password@host:port/name "
                             "(default: $VANTAGE_SERVER_DATABASE, else vantage-server.sqlite)."),
                      Tr::tr("SPEC")});
    parser.addOption({QStringLiteral("port"), Tr::tr("serve: TCP port (default 8080)."), Tr::tr("N"), QStringLiteral("8080")});
    parser.addOption({QStringLiteral("bind"), Tr::tr("serve: address to listen on (default 127.0.0.1)."), Tr::tr("ADDRESS"),
                      QStringLiteral("127.0.0.1")});
    parser.addOption({QStringLiteral("threads"), Tr::tr("serve: worker threads, each with its own database connection (default 32)."), Tr::tr("N"), QStringLiteral("32")});
    parser.addOption({QStringLiteral("demo"), Tr::tr("serve: use a local demo database with the demo users (created on first use).")});
    parser.addOption({QStringLiteral("log"), Tr::tr("serve: log every request to stderr.")});
    parser.addOption({QStringLiteral("no-risk-lists"),
                      Tr::tr("serve: do not make the weekly risk lists (run `risk-lists` from cron, or let another "
                             "instance make them).")});
    parser.addOption({QStringLiteral("smtp"),
                      Tr::tr("serve, funnel-alerts: the mail relay for funnel alert mails (port 25 unless given; "
                             "without it serve mails nothing)."),
                      Tr::tr("HOST[:PORT]")});
    parser.addOption({QStringLiteral("smtp-security"),
                      Tr::tr("none, starttls or tls (default: tls on port 465, starttls on 587, else none)."), Tr::tr("MODE")});
    parser.addOption({QStringLiteral("smtp-user"),
                      Tr::tr("Sign in to the mail relay as USER; the password in $VANTAGE_SMTP_PASSWORD."), Tr::tr("USER")});
    parser.addOption({QStringLiteral("smtp-ca"), Tr::tr("Trust the mail relay's certificate when one of these CAs (PEM) signed it, "
                                                        "besides the system's."), Tr::tr("FILE")});
    parser.addOption({QStringLiteral("mail-from"), Tr::tr("The sender of funnel alert mails (default vantage@HOSTNAME)."),
                      Tr::tr("ADDRESS")});
    parser.addOption({QStringLiteral("trusted-proxy"),
                      Tr::tr("serve: a proxy whose X-Forwarded-For header names the client; repeat for several "
                             "(default: 127.0.0.1 and ::1, nginx on this host)."),
                      Tr::tr("ADDRESS")});
    parser.addOption({QStringLiteral("name"), Tr::tr("user add, region add: display name."), Tr::tr("NAME")});
    parser.addOption({QStringLiteral("email"), Tr::tr("user add: the user's e-mail address (funnel alert rules may name the user)."),
                      Tr::tr("ADDRESS")});
    parser.addOption({QStringLiteral("role"), Tr::tr("user add: rep, regional_manager, director or admin."), Tr::tr("ROLE"),
                      QStringLiteral("rep")});
    parser.addOption({QStringLiteral("currency"), Tr::tr("region add: ISO currency code."), Tr::tr("CODE"), QStringLiteral("CNY")});
    parser.addOption({QStringLiteral("password"), Tr::tr("The password (prefer typing it on standard input)."), Tr::tr("PASSWORD")});
    parser.addOption({QStringLiteral("as-of"), Tr::tr("import demo, import csv: shift the dates to end the day before this date; "
                                                      "risk-lists, funnel-alerts: a day of the week to work on."),
                      Tr::tr("YYYY-MM-DD")});
}

QString ServerCommands::usage()
{
    return Tr::tr("Commands:\n"
                  "  serve [--port N] [--bind ADDRESS] [--threads N] [--demo] [--no-risk-lists] [--smtp HOST[:PORT]]\n"
                  "  migrate\n"
                  "  user add LOGIN --name NAME --role ROLE [--email ADDRESS]   (password on standard input)\n"
                  "  user passwd LOGIN | user disable LOGIN | user enable LOGIN\n"
                  "  device revoke CLIENT_ID\n"
                  "  region add CODE --name NAME --currency CODE\n"
                  "  region assign LOGIN CODE | region unassign LOGIN CODE\n"
                  "  import demo [--as-of YYYY-MM-DD] | import csv DIR [--as-of YYYY-MM-DD] | import database FILE\n"
                  "      (into an empty server; the password of the imported users on standard input)\n"
                  "  risk-lists [--as-of YYYY-MM-DD]   (the week's risk lists of every region without one; "
                  "serve makes them by itself unless --no-risk-lists)\n"
                  "  funnel-alerts --smtp HOST[:PORT] [--as-of YYYY-MM-DD]   (mails the open alerts not mailed yet "
                  "to the recipients of the alert rules; serve does it by itself when given --smtp)");
}

int ServerCommands::run(const QCommandLineParser &parser)
{
    const QStringList args = parser.positionalArguments();
    const QString command = args.value(0);
    if (!PasswordHasher::initialize())
        return fail({core::ErrorCode::Io, Tr::tr("libsodium cannot be initialized on this machine."), QString()});
    QString spec = parser.value(QStringLiteral("database"));
    if (spec.isEmpty())
        spec = qEnvironmentVariable("VANTAGE_SERVER_DATABASE");
    if (spec.isEmpty())
        spec = parser.isSet(QStringLiteral("demo")) ? demoDatabasePath() : QStringLiteral("vantage-server.sqlite");
    auto parsed = DatabaseSpec::parse(spec);
    if (!parsed)
        return fail(parsed.error());
    const ServerDatabase database(parsed.value());
    if (command == QLatin1String("serve")) {
        if (parser.isSet(QStringLiteral("demo"))) {
            if (const int prepared = prepareDemo(database); prepared != 0)
                return prepared;
        } else if (auto migrated = ServerSchema::migrate(database); !migrated) {
            return fail(migrated.error());
        }
        return serve(database, parser);
    }
    if (auto migrated = ServerSchema::migrate(database); !migrated)
        return fail(migrated.error());
    AdminService admin(database);
    int code = 2;
    if (command == QLatin1String("migrate"))
        code = report({}, Tr::tr("schema version %1").arg(ServerSchema::latestVersion()));
    else if (command == QLatin1String("user"))
        code = userCommand(admin, args, parser);
    else if (command == QLatin1String("region"))
        code = regionCommand(admin, args, parser);
    else if (command == QLatin1String("device") && args.value(1) == QLatin1String("revoke") && args.size() == 3)
        code = report(admin.revokeDevice(args[2]), Tr::tr("device %1 revoked").arg(args[2]));
    else if (command == QLatin1String("import"))
        code = importCommand(database, args, parser);
    else if (command == QLatin1String("risk-lists") && args.size() == 1)
        code = riskListsCommand(database, parser);
    else if (command == QLatin1String("funnel-alerts") && args.size() == 1)
        code = funnelAlertsCommand(database, parser);
    if (code == 2)
        err() << usage() << Qt::endl;
    return code;
}

} // namespace vantage::server
