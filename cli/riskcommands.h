#pragma once

#include <QCommandLineParser>

namespace vantage::cli {

// `risk`, `risk-backtest` and `funnel-alerts`: the weekly risk list from a database, its replay over
// history, and the funnel's anomalies in the weeks before a date.
class RiskCommands
{
public:
    static void addOptions(QCommandLineParser &parser);
    static int risk(const QCommandLineParser &parser);
    static int backtest(const QCommandLineParser &parser);
    static int funnelAlerts(const QCommandLineParser &parser);
};

} // namespace vantage::cli
