#include "importcommand.h"

#include "databasefiles.h"
#include "samplestats.h"

#include "importing/demodatabasebuilder.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTextStream>

namespace vantage::bench {
namespace {

// The builder opens its own connection and asks the context only for progress and cancellation.
class SilentJobContext : public core::JobContext
{
public:
    core::Result<QSqlDatabase> connection() override
    {
        return core::Error{core::ErrorCode::Database, QStringLiteral("no connection"), QStringLiteral("no connection")};
    }
};

} // namespace

int ImportCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Time building the demo database from the bundled data."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("runs"), QStringLiteral("Number of builds (default 5)."), QStringLiteral("N"), QStringLiteral("5")},
        {QStringLiteral("as-of"), QStringLiteral("Demo date (default 2026-11-28)."), QStringLiteral("YYYY-MM-DD"), QStringLiteral("2026-11-28")},
        {QStringLiteral("dir"), QStringLiteral("Build in this directory (default: a temporary one)."), QStringLiteral("DIR")},
    });
    parser.process(arguments);
    QTextStream out(stdout);
    QTextStream err(stderr);
    const int runs = parser.value(QStringLiteral("runs")).toInt();
    const QDate asOf = QDate::fromString(parser.value(QStringLiteral("as-of")), Qt::ISODate);
    if (runs < 1 || !asOf.isValid()) {
        err << "import: --runs must be at least 1 and --as-of a date YYYY-MM-DD" << Qt::endl;
        return 2;
    }
    QTemporaryDir temporary;
    const QString directory = parser.isSet(QStringLiteral("dir")) ? parser.value(QStringLiteral("dir")) : temporary.path();
    const QString path = QDir(directory).absoluteFilePath(QStringLiteral("import-bench.sqlite"));
    std::vector<double> samples;
    qint64 rows = 0;
    for (int i = 0; i < runs; ++i) {
        removeDatabaseFiles(path);
        SilentJobContext context;
        QElapsedTimer timer;
        timer.start();
        auto report = core::DemoDatabaseBuilder(path, asOf).build(context);
        samples.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        if (!report) {
            err << "import: " << report.error().message << Qt::endl;
            return 1;
        }
        rows = 0;
        for (qint64 count : report.value().rowsWritten)
            rows += count;
        out << "import_run_" << i + 1 << "_ms=" << QString::number(samples.back(), 'f', 1) << Qt::endl;
    }
    const qint64 bytes = QFileInfo(path).size();
    removeDatabaseFiles(path);
    const SampleStats stats = SampleStats::of(samples);
    out << "import_runs=" << runs << "\nimport_rows=" << rows << "\nimport_file_bytes=" << bytes
        << "\nimport_median_ms=" << QString::number(stats.medianMs, 'f', 1) << "\nimport_min_ms="
        << QString::number(stats.minMs, 'f', 1) << "\nimport_max_ms=" << QString::number(stats.maxMs, 'f', 1) << Qt::endl;
    return 0;
}

} // namespace vantage::bench
