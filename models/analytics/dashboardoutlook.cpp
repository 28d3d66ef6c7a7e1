#include "dashboardoutlook.h"

#include "forecastcache.h"

#include "domain/isodate.h"

#include <algorithm>

namespace vantage::core {

namespace {

// Three months ahead cover the rest of any quarter from the month after the last whole one.
constexpr int kMonthsAhead = 3;

Result<ForecastResult> monthlyForecast(const ForecastInput &series, ForecastCache &cache)
{
    const std::vector<double> total = monthlyTotal(series.leaves, series.currency);
    return cache.forecast(total, 12, kMonthsAhead, ForecastMethod::Auto);
}

std::optional<double> quarterTarget(const ForecastInput &orders, const QDate &quarter)
{
    std::optional<double> company, regions;
    const double scale = minorUnitsPerMajor(orders.currency);
    for (const auto &[region, start, amount] : orders.quarterTargets) {
        if (start != quarter)
            continue;
        std::optional<double> &sum = region.isEmpty() ? company : regions;
        sum = sum.value_or(0.0) + double(amount) / scale;
    }
    return company ? company : regions;
}

} // namespace

DashboardOutlook computeDashboardOutlook(const OutlookInput &input, ForecastCache &cache)
{
    DashboardOutlook outlook;
    outlook.currency = input.currency;
    outlook.quarterStart = quarterStart(input.asOf);
    const double scale = minorUnitsPerMajor(input.currency);
    outlook.closedDealsLearnedFrom = int(std::count_if(input.closed.begin(), input.closed.end(),
                                                       [](const ClosedDeal &d) { return !d.stages.empty(); }));
    const WinProbabilityModel model = WinProbabilityModel::learn(input.closed, input.priors);
    std::vector<OpenDeal> open;
    for (const OpenDealRow &row : input.open)
        open.push_back({row.stage, row.daysInStage, row.expectedClose, double(row.amountMinor) / scale});

    if (auto won = monthlyForecast(input.wonSeries, cache); won)
        outlook.wonDeals = QuarterOutlookCalculator::compute(input.asOf, double(input.wonSoFarMinor) / scale, open,
                                                             model, won.value());
    else
        outlook.wonProblem = won.error().message;
    if (auto orders = monthlyForecast(input.orderSeries, cache); orders)
        outlook.orders = QuarterOutlookCalculator::compute(input.asOf, double(input.ordersBookedMinor) / scale, {},
                                                           model, orders.value());
    else
        outlook.ordersProblem = orders.error().message;
    outlook.ordersTarget = quarterTarget(input.orderSeries, outlook.quarterStart);
    return outlook;
}

} // namespace vantage::core
