#include "forecastcommands.h"

#include "clioutput.h"

#include "analytics/forecaster.h"
#include "analytics/rollingbacktest.h"
#include "analytics/seriesfile.h"
#include "exporting/csvwriter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSaveFile>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

#include <cmath>

namespace vantage::cli {
namespace {

using namespace vantage::core;

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::cli::ForecastCommands)
};

struct Settings
{
    QString input;
    int horizon = 0;
    int period = 0;
    std::vector<ForecastMethod> methods;
};

bool positiveInt(const QCommandLineParser &parser, const QString &name, int &value)
{
    bool ok = false;
    value = parser.value(name).toInt(&ok);
    if (!ok || value < 1) {
        CliOutput::err() << Tr::tr("error: --%1 needs a whole number of at least 1").arg(name) << Qt::endl;
        return false;
    }
    return true;
}

bool readSettings(const QCommandLineParser &parser, Settings &settings, bool severalMethods)
{
    settings.input = parser.value(QStringLiteral("input"));
    if (settings.input.isEmpty()) {
        CliOutput::err() << Tr::tr("error: --input FILE is required") << Qt::endl;
        return false;
    }
    if (!positiveInt(parser, QStringLiteral("horizon"), settings.horizon)
        || !positiveInt(parser, QStringLiteral("period"), settings.period))
        return false;
    const QString text = parser.isSet(QStringLiteral("method")) ? parser.value(QStringLiteral("method"))
                                                                  : QStringLiteral("auto");
    const QStringList names = text.split(u',', Qt::SkipEmptyParts);
    for (const QString &name : names) {
        const auto method = Forecaster::methodFromName(name.trimmed());
        if (!method || (!severalMethods && names.size() > 1)) {
            CliOutput::err() << Tr::tr("error: --method must be one of %1").arg(Forecaster::methodNames().join(u'|'))
                             << Qt::endl;
            return false;
        }
        settings.methods.push_back(*method);
    }
    return !settings.methods.empty();
}

bool loadSeries(const QString &path, SeriesFile &file)
{
    auto read = readSeriesFile(path);
    if (!read) {
        CliOutput::err() << Tr::tr("error: %1").arg(read.error().message) << Qt::endl;
        return false;
    }
    file = std::move(read.value());
    for (const SeriesProblem &problem : file.problems)
        CliOutput::err() << problem.toString() << Qt::endl;
    return true;
}

QString number(double value)
{
    return std::isfinite(value) ? QString::number(value, 'g', 10) : QString();
}

// Every series forecast on a pool of `threads`, results in the file's order.
QList<Result<ForecastResult>> fitAll(const SeriesFile &file, const Settings &settings, int threads)
{
    QThreadPool pool;
    pool.setMaxThreadCount(threads);
    const std::function<Result<ForecastResult>(const SeriesInput &)> fit = [&settings](const SeriesInput &series) {
        return Forecaster::forecast(series.values, settings.period, settings.horizon, settings.methods.front());
    };
    return QtConcurrent::blockingMapped<QList<Result<ForecastResult>>>(&pool, file.series.begin(), file.series.end(), fit);
}

void writeForecast(QTextStream &out, const QString &id, const ForecastResult &result)
{
    for (std::size_t h = 0; h < result.mean.size(); ++h)
        out << CsvWriter::field(id) << ',' << (h + 1) << ',' << number(result.mean[h]) << ','
            << number(result.band80.lower[h]) << ',' << number(result.band80.upper[h]) << ','
            << number(result.band95.lower[h]) << ',' << number(result.band95.upper[h]) << "\r\n";
}

QString fixed(double value, int decimals)
{
    return std::isfinite(value) ? QString::number(value, 'f', decimals) : QStringLiteral("–");
}

} // namespace

void ForecastCommands::addOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("input"), Tr::tr("CSV of series: series_id,t,value (forecast, backtest)."),
                      Tr::tr("FILE")});
    parser.addOption({QStringLiteral("output"), Tr::tr("Where to write the result (forecast: CSV)."), Tr::tr("FILE")});
    parser.addOption({QStringLiteral("horizon"), Tr::tr("Periods to forecast (forecast, backtest)."), Tr::tr("H")});
    parser.addOption({QStringLiteral("period"), Tr::tr("Seasonal period: 12 monthly, 4 quarterly, 1 none."),
                      Tr::tr("M")});
    parser.addOption({QStringLiteral("method"),
                      Tr::tr("Forecasting method: %1 (backtest: several, comma-separated).")
                          .arg(Forecaster::methodNames().join(u'|')),
                      Tr::tr("METHOD")});
    parser.addOption({QStringLiteral("threads"),
                      Tr::tr("Forecast: series fitted in parallel (default 1)."), Tr::tr("N")});
    parser.addOption({QStringLiteral("origins"),
                      Tr::tr("Backtest: forecast origins per series (1 = hold out the last H values)."), Tr::tr("N")});
}

int ForecastCommands::forecast(const QCommandLineParser &parser)
{
    Settings settings;
    SeriesFile file;
    const QString output = parser.value(QStringLiteral("output"));
    if (output.isEmpty()) {
        CliOutput::err() << Tr::tr("error: --output FILE is required") << Qt::endl;
        return 2;
    }
    int threads = 1;
    if (!readSettings(parser, settings, false)
        || (parser.isSet(QStringLiteral("threads")) && !positiveInt(parser, QStringLiteral("threads"), threads)))
        return 2;
    if (!loadSeries(settings.input, file))
        return 1;
    QElapsedTimer fitting;  // the fits alone, as R's timed loop in the benchmark: no start-up, no files
    fitting.start();
    const QList<Result<ForecastResult>> results = fitAll(file, settings, threads);
    const double fitSeconds = double(fitting.nsecsElapsed()) / 1e9;
    QSaveFile saveFile(output);
    if (saveFile.open(QIODevice::WriteOnly)) {
        QTextStream out(&saveFile);
        out << "series_id,h,forecast,lo80,hi80,lo95,hi95\r\n";
        for (std::size_t i = 0; i < file.series.size(); ++i)
            if (const Result<ForecastResult> &result = results[qsizetype(i)]; result)
                writeForecast(out, file.series[i].id, result.value());
        out.flush();
    }
    if (!saveFile.commit()) {
        CliOutput::err() << Tr::tr("error: cannot write %1: %2").arg(output, saveFile.errorString()) << Qt::endl;
        return 1;
    }
    int failed = 0;
    for (std::size_t i = 0; i < file.series.size(); ++i)
        if (const Result<ForecastResult> &result = results[qsizetype(i)]; !result) {
            const SeriesInput &series = file.series[i];
            CliOutput::err() << SeriesProblem{series.id, series.firstLine, result.error().message}.toString() << Qt::endl;
            ++failed;
        }
    const int leftOut = failed + int(file.problems.size());
    CliOutput::err() << Tr::tr("%1 series forecast, %2 left out; fitting and forecasting took %3 s")
                            .arg(int(file.series.size()) - failed)
                            .arg(leftOut)
                            .arg(QString::number(fitSeconds, 'f', 3))
                     << Qt::endl;
    return leftOut > 0 ? 3 : 0;
}

int ForecastCommands::backtest(const QCommandLineParser &parser)
{
    Settings settings;
    SeriesFile file;
    if (!readSettings(parser, settings, true))
        return 2;
    if (!loadSeries(settings.input, file))
        return 1;
    BacktestOptions options;
    options.horizon = settings.horizon;
    options.step = std::max(1, settings.period);
    options.originCount = 1;
    if (parser.isSet(QStringLiteral("origins")) && !positiveInt(parser, QStringLiteral("origins"), options.originCount))
        return 2;
    QTextStream &out = CliOutput::out();
    out << Tr::tr("| method | series | scored | sMAPE | MASE | MAPE | bias % | in 80% band | in 95% band | seconds |")
        << Qt::endl << "|---|---|---|---|---|---|---|---|---|---|" << Qt::endl;
    for (const ForecastMethod method : settings.methods) {
        std::vector<ForecastAccuracy> perSeries;
        QElapsedTimer timer;
        timer.start();
        for (const SeriesInput &series : file.series) {
            const BacktestResult result = rollingBacktest(series.values, settings.period, method, options);
            if (!result.perOrigin.empty())
                perSeries.push_back(result.overall);
        }
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        const ForecastAccuracy mean = averageAccuracy(perSeries);
        out << "| " << Forecaster::methodName(method) << " | " << file.series.size() << " | " << perSeries.size()
            << " | " << fixed(mean.smape, 3) << " | " << fixed(mean.mase, 3) << " | " << fixed(mean.mape, 2) << " | "
            << fixed(mean.bias, 2) << " | " << fixed(mean.coverage80, 1) << " | " << fixed(mean.coverage95, 1)
            << " | " << fixed(seconds, 2) << " |" << Qt::endl;
    }
    return file.problems.empty() ? 0 : 3;
}

} // namespace vantage::cli
