#pragma once

#include "forecastaccuracy.h"
#include "forecaster.h"
#include "forecastresult.h"

#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>
#include <tuple>
#include <vector>

namespace vantage::core {

// What the Forecast page forecasts: order revenue by region and product category, or won
// opportunity value by region and sales rep (the two hierarchies of issue 4).
enum class ForecastMeasure { Orders, WonDeals };
enum class ForecastGranularity { Month, Quarter };

// One bottom-level series as the database holds it: whole months, zeros filled in.
struct LeafSeries
{
    QString regionId;
    QString memberId;  // product category (orders) or owner id (won deals)
    std::vector<qint64> monthlyMinor;
};

struct ForecastDimension
{
    QString id;
    QString name;
    QString regionId;  // a rep's region; empty for regions and categories
};

// Everything the forecast job reads from the store, in one consistent snapshot.
struct ForecastInput
{
    ForecastMeasure measure = ForecastMeasure::Orders;
    QString currency;
    QDate firstMonth;              // month of monthlyMinor[0]
    QDate asOf;                    // "today"; history ends with the last complete month before it
    std::vector<LeafSeries> leaves;
    std::vector<ForecastDimension> regions;
    std::vector<ForecastDimension> members;  // categories or reps
    // Region sales targets by quarter (first day of the quarter → minor units); region "" = all.
    std::vector<std::tuple<QString, QDate, qint64>> quarterTargets;
};

struct ForecastRequest
{
    ForecastMeasure measure = ForecastMeasure::Orders;
    ForecastGranularity granularity = ForecastGranularity::Month;
    ForecastMethod method = ForecastMethod::Auto;
    QDate asOf;
    QString currency;  // empty: the currency most orders use
};

// A node of the hierarchy: the total (both ids empty), a region, a member across regions, or
// a member in one region.
struct ForecastNode
{
    QString regionId;
    QString memberId;
    std::vector<double> history;   // per period, in major units (e.g. dollars), oldest first
    ForecastResult forecast;       // reconciled means: children add up to their parents
    ForecastAccuracy backtest;     // of the reconciled forecast at past origins (rolling, see HierarchyForecaster)
    int backtestOrigins = 0;
    std::vector<std::optional<double>> targets;  // per history+forecast period, major units
};

// The page's whole content for one measure and granularity; nodes are selected by the filters
// without refitting.
struct ForecastReport
{
    ForecastRequest request;
    QString currency;
    std::vector<QDate> periods;    // first day of every history period, then of every forecast period
    int historyLength = 0;
    int horizon = 0;
    int period = 12;               // seasonal period of the data (12 monthly, 4 quarterly)
    std::vector<ForecastDimension> regions;
    std::vector<ForecastDimension> members;
    std::vector<ForecastNode> nodes;
    double seconds = 0.0;          // fitting time, for the method panel
    int refitted = 0;              // series fitted this time (the others came from the cache)

    const ForecastNode *node(const QString &regionId, const QString &memberId) const;
};

// Minor units in one major unit of a currency (100 for USD and CNY, 1 for JPY).
double minorUnitsPerMajor(const QString &currencyCode);
// Every leaf summed month by month, in major units.
std::vector<double> monthlyTotal(const std::vector<LeafSeries> &leaves, const QString &currencyCode);
// The region id of records without a region, so they are a region of their own in a hierarchy.
inline constexpr QStringView kNoRegionId = u"(none)";

} // namespace vantage::core
