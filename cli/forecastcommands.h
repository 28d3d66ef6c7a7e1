#pragma once

#include <QCommandLineParser>

namespace vantage::cli {

// `forecast` and `backtest`: the forecasting engine on a CSV of series (series_id,t,value).
class ForecastCommands
{
public:
    static void addOptions(QCommandLineParser &parser);
    static int forecast(const QCommandLineParser &parser);
    static int backtest(const QCommandLineParser &parser);
};

} // namespace vantage::cli
