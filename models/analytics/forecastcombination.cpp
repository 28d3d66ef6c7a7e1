#include "forecastcombination.h"

#include "etsfitter.h"
#include "thetamethod.h"

#include <QStringList>

namespace vantage::core {

namespace {

void addInto(std::vector<double> &sum, const std::vector<double> &values, double weight)
{
    sum.resize(values.size(), 0.0);
    for (std::size_t i = 0; i < values.size(); ++i)
        sum[i] += weight * values[i];
}

} // namespace

ForecastResult averageForecasts(const std::vector<ForecastResult> &members)
{
    ForecastResult result;
    QStringList names;
    const double weight = 1.0 / double(members.size());
    for (const ForecastResult &member : members) {
        names << member.method;
        addInto(result.mean, member.mean, weight);
        addInto(result.fitted, member.fitted, weight);
        addInto(result.band80.lower, member.band80.lower, weight);
        addInto(result.band80.upper, member.band80.upper, weight);
        addInto(result.band95.lower, member.band95.lower, weight);
        addInto(result.band95.upper, member.band95.upper, weight);
    }
    result.method = QStringLiteral("Combination (%1)").arg(names.join(QStringLiteral(", ")));
    return result;
}

std::optional<ForecastResult> combinationForecast(std::span<const double> y, int m, int horizon)
{
    std::vector<ForecastResult> members;
    const std::vector<EtsFit> fits = EtsFitter::fitAll(y, m, EtsFitter::candidates(y, m));
    if (auto ets = etsForecastOfBest(fits, horizon))
        members.push_back(std::move(*ets));
    if (auto theta = ThetaMethod::forecast(y, m, horizon); theta && isFinite(*theta))
        members.push_back(std::move(*theta));
    if (auto damped = etsForecastOfBest(fits, horizon, true))
        members.push_back(std::move(*damped));
    if (members.empty())
        return std::nullopt;
    return averageForecasts(members);
}

} // namespace vantage::core
