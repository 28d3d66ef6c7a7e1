#include "generatecommand.h"

#include "scaledatabasegenerator.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QTextStream>

namespace vantage::bench {

int GenerateCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Generate a large, realistic database for the scale benchmark."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("db"), QStringLiteral("New database file to write."), QStringLiteral("FILE")},
        {QStringLiteral("order-lines"), QStringLiteral("Order lines to generate (default 1000000); the other tables scale with it."),
         QStringLiteral("N"), QStringLiteral("1000000")},
        {QStringLiteral("seed"), QStringLiteral("Random seed (default 42)."), QStringLiteral("N"), QStringLiteral("42")},
        {QStringLiteral("as-of"), QStringLiteral("The data's \"today\" (default 2026-11-28); it ends the day before."),
         QStringLiteral("YYYY-MM-DD"), QStringLiteral("2026-11-28")},
        {QStringLiteral("print-stamp"), QStringLiteral("Only print the stamp a database with these options carries.")},
    });
    parser.process(arguments);
    QTextStream out(stdout);
    QTextStream err(stderr);
    bool linesOk = false;
    bool seedOk = false;
    const qint64 lines = parser.value(QStringLiteral("order-lines")).toLongLong(&linesOk);
    const quint64 seed = parser.value(QStringLiteral("seed")).toULongLong(&seedOk);
    const QDate asOf = QDate::fromString(parser.value(QStringLiteral("as-of")), Qt::ISODate);
    const QString path = parser.value(QStringLiteral("db"));
    if (!linesOk || !seedOk || !asOf.isValid() || (path.isEmpty() && !parser.isSet(QStringLiteral("print-stamp")))) {
        err << "generate: --db FILE is required; --order-lines and --seed take numbers, --as-of YYYY-MM-DD" << Qt::endl;
        return 2;
    }
    const ScaleProfile profile = ScaleProfile::forOrderLines(lines, asOf, seed);
    if (parser.isSet(QStringLiteral("print-stamp"))) {
        out << profile.stamp() << Qt::endl;
        return 0;
    }
    auto report = ScaleDatabaseGenerator(profile).generate(path);
    if (!report) {
        err << "generate: " << report.error().message << " (" << report.error().detail << ")" << Qt::endl;
        return 1;
    }
    for (auto it = report.value().rowsWritten.cbegin(); it != report.value().rowsWritten.cend(); ++it)
        out << "rows_" << it.key() << '=' << it.value() << '\n';
    out << "generate_ms=" << report.value().elapsedMs << "\nfile_bytes=" << QFileInfo(path).size()
        << "\nstamp=" << profile.stamp() << Qt::endl;
    return 0;
}

} // namespace vantage::bench
