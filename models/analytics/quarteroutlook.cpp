#include "quarteroutlook.h"

#include "domain/isodate.h"

#include <algorithm>
#include <cmath>

namespace vantage::core {

namespace {

// The forecast of the quarter's remaining days: the rest of this month pro rata, then whole
// months; standard deviations from the 80% bands, added as independent.
void seriesRemainder(const QDate &asOf, const QDate &quarterEnd, const ForecastResult &monthly, QuarterOutlook &out)
{
    double variance = 0.0;
    QDate month(asOf.year(), asOf.month(), 1);
    for (std::size_t h = 0; h < monthly.mean.size() && month <= quarterEnd; ++h, month = month.addMonths(1)) {
        double share = 1.0;
        if (h == 0)
            share = double(month.daysInMonth() - asOf.day() + 1) / month.daysInMonth();
        const double sd = (monthly.band80.upper[h] - monthly.band80.lower[h]) / (2.0 * kZ80);
        out.seriesExpected += share * std::max(monthly.mean[h], 0.0);
        variance += share * share * sd * sd;
    }
    out.seriesSd = std::sqrt(variance);
}

} // namespace

QuarterOutlook QuarterOutlookCalculator::compute(const QDate &asOf, double wonSoFar, std::span<const OpenDeal> openDeals,
                                                 const WinProbabilityModel &model, const ForecastResult &monthly)
{
    QuarterOutlook out;
    out.quarterStart = quarterStart(asOf);
    out.quarterEnd = out.quarterStart.addMonths(3).addDays(-1);
    out.wonSoFar = wonSoFar;
    double pipelineVariance = 0.0;
    for (const OpenDeal &deal : openDeals) {
        if (!deal.expectedClose.isValid() || deal.expectedClose > out.quarterEnd)
            continue;
        const double p = model.probability(deal.stage, deal.daysInStage);
        ++out.pipelineDeals;
        out.pipelineAmount += deal.amount;
        out.pipelineExpected += p * deal.amount;
        pipelineVariance += p * (1.0 - p) * deal.amount * deal.amount;
    }
    out.pipelineSd = std::sqrt(pipelineVariance);
    seriesRemainder(asOf, out.quarterEnd, monthly, out);

    const double pipelinePrecision = pipelineVariance > 0.0 ? 1.0 / pipelineVariance : 0.0;
    const double seriesPrecision = out.seriesSd > 0.0 ? 1.0 / (out.seriesSd * out.seriesSd) : 0.0;
    double remainder = 0.0, sd = 0.0;
    if (pipelinePrecision + seriesPrecision > 0.0) {
        out.pipelineWeight = pipelinePrecision / (pipelinePrecision + seriesPrecision);
        remainder = out.pipelineWeight * out.pipelineExpected + (1.0 - out.pipelineWeight) * out.seriesExpected;
        sd = std::sqrt(1.0 / (pipelinePrecision + seriesPrecision));
    } else {
        remainder = out.pipelineDeals > 0 ? out.pipelineExpected : out.seriesExpected;  // both certain
        out.pipelineWeight = out.pipelineDeals > 0 ? 1.0 : 0.0;
    }
    out.expected = wonSoFar + remainder;
    out.low80 = std::max(wonSoFar, out.expected - kZ80 * sd);
    out.high80 = out.expected + kZ80 * sd;
    return out;
}

} // namespace vantage::core
