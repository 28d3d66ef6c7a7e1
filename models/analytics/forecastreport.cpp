#include "forecastreport.h"

#include "domain/currency.h"

#include <cmath>

namespace vantage::core {

const ForecastNode *ForecastReport::node(const QString &regionId, const QString &memberId) const
{
    for (const ForecastNode &candidate : nodes)
        if (candidate.regionId == regionId && candidate.memberId == memberId)
            return &candidate;
    return nullptr;
}

double minorUnitsPerMajor(const QString &currencyCode)
{
    return std::pow(10.0, Currency::fromCode(currencyCode).value_or(Currency::usd()).minorDigits());
}

std::vector<double> monthlyTotal(const std::vector<LeafSeries> &leaves, const QString &currencyCode)
{
    const double scale = minorUnitsPerMajor(currencyCode);
    std::vector<double> total;
    for (const LeafSeries &leaf : leaves) {
        total.resize(std::max(total.size(), leaf.monthlyMinor.size()), 0.0);
        for (std::size_t t = 0; t < leaf.monthlyMinor.size(); ++t)
            total[t] += double(leaf.monthlyMinor[t]) / scale;
    }
    return total;
}

} // namespace vantage::core
