#include "clicommands.h"

#include "clioutput.h"
#include "forecastcommands.h"
#include "riskcommands.h"

#include "domain/clock.h"
#include "importing/demodatabasebuilder.h"
#include "importing/demoimporter.h"
#include "storage/connection.h"
#include "storage/lazyconnectioncontext.h"
#include "storage/sql.h"
#include "storage/storeopener.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace vantage::cli {
namespace {

using namespace vantage::core;

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::cli::CliCommands)
};

// --as-of or today's local date, as in the app; the demo is shifted to end the day before.
bool asOfDate(const QCommandLineParser &parser, QDate &date)
{
    if (!parser.isSet(QStringLiteral("as-of"))) {
        date = Clock::nowUtc().toLocalTime().date();
        return true;
    }
    date = QDate::fromString(parser.value(QStringLiteral("as-of")), Qt::ISODate);
    if (!date.isValid()) {
        CliOutput::err() << Tr::tr("error: --as-of needs a date in the form YYYY-MM-DD") << Qt::endl;
        return false;
    }
    return true;
}

void printReport(const ImportReport &report)
{
    for (const ImportIssue &issue : report.issues)
        CliOutput::err() << issue.toString() << Qt::endl;
    for (const QString &line : report.summaryLines())
        CliOutput::out() << line << Qt::endl;
}


} // namespace

QStringList CliCommands::names()
{
    return {QStringLiteral("demo"),     QStringLiteral("import"),   QStringLiteral("info"),
            QStringLiteral("migrate"),  QStringLiteral("forecast"), QStringLiteral("backtest"),
            QStringLiteral("risk"),     QStringLiteral("risk-backtest"), QStringLiteral("funnel-alerts")};
}

void CliCommands::addOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("db"), Tr::tr("The database file."), Tr::tr("FILE")});
    parser.addOption({QStringLiteral("source"),
                      Tr::tr("Folder with superstore.csv, sales_teams.csv, accounts.csv, products.csv and "
                             "sales_pipeline.csv (import)."),
                      Tr::tr("DIR")});
    parser.addOption({QStringLiteral("as-of"),
                      Tr::tr("Shift the demo dates so the data ends just before this day (default: today)."),
                      Tr::tr("YYYY-MM-DD")});
    parser.addOption({QStringLiteral("strict"), Tr::tr("Fail (exit code 3) when any source row was skipped.")});
    ForecastCommands::addOptions(parser);
    RiskCommands::addOptions(parser);
}

int CliCommands::run(const QString &command, const QCommandLineParser &parser)
{
    if (command == QLatin1String("demo"))
        return demo(parser);
    if (command == QLatin1String("import"))
        return import(parser);
    if (command == QLatin1String("info"))
        return info(parser);
    if (command == QLatin1String("migrate"))
        return migrate(parser);
    if (command == QLatin1String("forecast"))
        return ForecastCommands::forecast(parser);
    if (command == QLatin1String("backtest"))
        return ForecastCommands::backtest(parser);
    if (command == QLatin1String("risk"))
        return RiskCommands::risk(parser);
    if (command == QLatin1String("risk-backtest"))
        return RiskCommands::backtest(parser);
    if (command == QLatin1String("funnel-alerts"))
        return RiskCommands::funnelAlerts(parser);
    CliOutput::err() << Tr::tr("error: unknown command \"%1\"; commands: %2")
                            .arg(command, names().join(QStringLiteral(", ")))
                     << Qt::endl;
    return 2;
}

int CliCommands::demo(const QCommandLineParser &parser)
{
    const QString db = CliOutput::requiredDb(parser);
    QDate asOf;
    if (db.isEmpty() || !asOfDate(parser, asOf))
        return 2;
    LazyConnectionContext context(QString(), &CliOutput::progress); // the builder opens its own file
    auto report = DemoDatabaseBuilder(QFileInfo(db).absoluteFilePath(), asOf).build(context);
    if (!report)
        return CliOutput::fail(report.error().message);
    printReport(report.value());
    return parser.isSet(QStringLiteral("strict")) && report.value().skippedRows() > 0 ? 3 : 0;
}

int CliCommands::import(const QCommandLineParser &parser)
{
    const QString db = CliOutput::requiredDb(parser);
    const QString source = parser.value(QStringLiteral("source"));
    QDate asOf;
    if (db.isEmpty() || !asOfDate(parser, asOf))
        return 2;
    if (source.isEmpty() || !QFileInfo(source).isDir()) {
        CliOutput::err() << Tr::tr("error: --source DIR must name a folder") << Qt::endl;
        return 2;
    }
    const QString path = QFileInfo(db).absoluteFilePath();
    LazyConnectionContext context(path, &CliOutput::progress);
    if (auto opened = StoreOpener(path).open(context); !opened)
        return CliOutput::fail(opened.error().message);
    auto report = DemoImporter(DemoSources::fromDirectory(source), asOf).run(context);
    if (!report)
        return CliOutput::fail(report.error().message);
    printReport(report.value());
    return parser.isSet(QStringLiteral("strict")) && report.value().skippedRows() > 0 ? 3 : 0;
}

int CliCommands::migrate(const QCommandLineParser &parser)
{
    const QString db = CliOutput::requiredDb(parser);
    if (db.isEmpty())
        return 2;
    LazyConnectionContext context(db, &CliOutput::progress);
    auto opened = StoreOpener(db).open(context, StoreOpener::Create::Never);
    if (!opened)
        return CliOutput::fail(opened.error().message);
    CliOutput::out() << Tr::tr("schema version %1").arg(opened.value().schemaVersion) << Qt::endl;
    if (!opened.value().backupPath.isEmpty())
        CliOutput::out() << Tr::tr("backup of the previous file: %1").arg(opened.value().backupPath) << Qt::endl;
    return 0;
}

int CliCommands::info(const QCommandLineParser &parser)
{
    const QString db = CliOutput::requiredDb(parser);
    if (db.isEmpty())
        return 2;
    if (!QFileInfo::exists(db))
        return CliOutput::fail(Tr::tr("The database file %1 does not exist.").arg(db));
    ScopedConnection connection(db, QStringLiteral("cli-info"), ConnectionMode::ReadOnly);
    if (!connection.ok())
        return CliOutput::fail(connection.error().message);
    const Sql sql(connection.database());
    const QStringList tables{QStringLiteral("region"), QStringLiteral("app_user"), QStringLiteral("account"),
                             QStringLiteral("product"), QStringLiteral("opportunity"), QStringLiteral("sales_order"),
                             QStringLiteral("order_line"), QStringLiteral("invoice"), QStringLiteral("payment"),
                             QStringLiteral("outbox")};
    auto version = sql.scalar(QStringLiteral("PRAGMA user_version"));
    if (!version)
        return CliOutput::fail(version.error().message);
    CliOutput::out() << "schema_version\t" << version.value().toInt() << Qt::endl;
    auto meta = sql.query(QStringLiteral("SELECT key, value FROM app_meta ORDER BY key"));
    if (!meta)
        return CliOutput::fail(meta.error().message);
    while (meta.value().next())
        CliOutput::out() << meta.value().value(0).toString() << '\t' << meta.value().value(1).toString() << Qt::endl;
    for (const QString &table : tables) {
        const QString live = table == QLatin1String("outbox") ? QString() : QStringLiteral(" WHERE deleted = 0");
        auto count = sql.scalar(QStringLiteral("SELECT count(*) FROM %1%2").arg(table, live));
        if (!count)
            return CliOutput::fail(count.error().message);
        CliOutput::out() << table << '\t' << count.value().toLongLong() << Qt::endl;
    }
    return 0;
}

} // namespace vantage::cli
