// vantage-bench: the benchmark's measuring tool (bench/README.md). bench/run_benchmarks.sh drives
// it together with the real app and the sqlite3 shell.
#include "generatecommand.h"
#include "importcommand.h"
#include "loadcommand.h"
#include "queriescommand.h"
#include "riskcommand.h"
#include "synccommand.h"

#include <QCoreApplication>
#include <QTextStream>

using namespace vantage::bench;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("vantage-bench"));
    QStringList arguments = QCoreApplication::arguments();
    const QString command = arguments.size() > 1 ? arguments.takeAt(1) : QString();
    if (command == QLatin1String("generate"))
        return GenerateCommand::run(arguments);
    if (command == QLatin1String("import"))
        return ImportCommand::run(arguments);
    if (command == QLatin1String("queries"))
        return QueriesCommand::run(arguments);
    if (command == QLatin1String("sync"))
        return SyncCommand::run(arguments);
    if (command == QLatin1String("load"))
        return LoadCommand::run(arguments);
    if (command == QLatin1String("risk"))
        return RiskCommand::run(arguments);
    QTextStream(stderr) << "usage: vantage-bench generate|import|queries|sync|load|risk [options]   (--help after a command)\n"
                           "  generate --db FILE [--order-lines N] [--seed N] [--as-of YYYY-MM-DD]\n"
                           "  import [--runs N] [--as-of YYYY-MM-DD]\n"
                           "  queries --db FILE [--runs N] [--sqlite3 PROGRAM] [--sql-dir DIR] [--tsv FILE]\n"
                           "  sync --server URL --login L --password P --source FILE --dir DIR [--runs N] [--incremental-runs N]\n"
                           "  load --server URL --password P --source FILE [--clients N] [--seconds N]\n"
                           "  risk --db FILE [--deals N] [--runs N]\n";
    return command.isEmpty() || command == QLatin1String("--help") ? 0 : 2;
}
