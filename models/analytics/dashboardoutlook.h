#pragma once

#include "forecastreport.h"
#include "quarteroutlook.h"

#include <optional>

namespace vantage::core {

class ForecastCache;

// An open deal as the store holds it (money in minor units).
struct OpenDealRow
{
    QString stage;
    int daysInStage = 0;
    QDate expectedClose;
    qint64 amountMinor = 0;
};

// What the quarter outlook is computed from, read in one snapshot; nothing dated after asOf.
struct OutlookInput
{
    QString currency;
    QDate asOf;
    std::vector<ClosedDeal> closed;  // closed on or before asOf, with the days spent in each stage
    QHash<QString, double> priors;   // stage → default probability
    std::vector<OpenDealRow> open;   // open at asOf (deals closed later count as open)
    qint64 wonSoFarMinor = 0;        // won from the quarter's first day to asOf
    qint64 ordersBookedMinor = 0;    // orders dated from the quarter's first day to asOf
    ForecastInput wonSeries;         // won value by month
    ForecastInput orderSeries;       // order revenue by month (one series: the company), with the targets
};

// The dashboard's quarter outlook: won deals (pipeline blended with their forecast) and orders
// (booked so far plus the forecast of the rest of the quarter) against the quarter's target.
// A part without enough history is empty, with the reason.
struct DashboardOutlook
{
    QString currency;
    QDate quarterStart;
    std::optional<QuarterOutlook> wonDeals;
    std::optional<QuarterOutlook> orders;  // no pipeline part: orders have no pipeline of their own
    QString wonProblem;
    QString ordersProblem;
    std::optional<double> ordersTarget;
    int closedDealsLearnedFrom = 0;        // closed deals with a stage history
};

DashboardOutlook computeDashboardOutlook(const OutlookInput &input, ForecastCache &cache);

} // namespace vantage::core
