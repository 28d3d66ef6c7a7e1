#include "forecaster.h"

#include "etsfitter.h"
#include "forecastcombination.h"
#include "seasonalnaive.h"
#include "thetamethod.h"

#include <QCoreApplication>

#include <array>
#include <cmath>

namespace vantage::core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::core::Forecaster)
};

struct MethodInfo
{
    ForecastMethod method;
    const char *name;
};

constexpr std::array<MethodInfo, 6> kMethods{{
    {ForecastMethod::Auto, "auto"},
    {ForecastMethod::Ets, "ets"},
    {ForecastMethod::Theta, "theta"},
    {ForecastMethod::SeasonalNaive, "snaive"},
    {ForecastMethod::Croston, "croston"},
    {ForecastMethod::Combination, "comb"},
}};

std::optional<ForecastResult> run(std::span<const double> y, int m, int horizon, ForecastMethod method)
{
    switch (method) {
    case ForecastMethod::Auto:
        if (looksIntermittent(y))
            if (auto croston = crostonForecast(y, horizon))
                return croston;
        return combinationForecast(y, m, horizon);
    case ForecastMethod::Ets:
        return etsForecastOfBest(EtsFitter::fitAll(y, m, EtsFitter::candidates(y, m)), horizon);
    case ForecastMethod::Theta:
        return ThetaMethod::forecast(y, m, horizon);
    case ForecastMethod::SeasonalNaive:
        return seasonalNaiveForecast(y, m, horizon);
    case ForecastMethod::Croston:
        return crostonForecast(y, horizon);
    case ForecastMethod::Combination:
        return combinationForecast(y, m, horizon);
    }
    return std::nullopt;
}

} // namespace

Result<ForecastResult> Forecaster::forecast(std::span<const double> history, int period, int horizon,
                                            ForecastMethod method)
{
    if (period < 1 || horizon < 1)
        return Error{ErrorCode::InvalidInput,
                     Tr::tr("The period and the horizon must be at least 1 (period %1, horizon %2).")
                         .arg(period).arg(horizon),
                     {}};
    for (std::size_t t = 0; t < history.size(); ++t)
        if (!std::isfinite(history[t]))
            return Error{ErrorCode::InvalidInput,
                         Tr::tr("Value %1 of the series is missing or not a number.").arg(t + 1), {}};
    if (history.size() < std::size_t(kMinimumHistory))
        return Error{ErrorCode::InvalidInput,
                     Tr::tr("The series has %1 values; forecasting needs at least %2.")
                         .arg(history.size()).arg(kMinimumHistory),
                     {}};
    auto result = run(history, period, horizon, method);
    if (!result || !isFinite(*result))  // never a NaN or an infinity for a forecast
        return Error{ErrorCode::InvalidInput,
                     Tr::tr("%1 cannot forecast this series (%2 values, period %3).")
                         .arg(methodTitle(method)).arg(history.size()).arg(period),
                     {}};
    return std::move(*result);
}

std::optional<ForecastMethod> Forecaster::methodFromName(const QString &name)
{
    for (const MethodInfo &info : kMethods)
        if (name.compare(QLatin1String(info.name), Qt::CaseInsensitive) == 0)
            return info.method;
    return std::nullopt;
}

QString Forecaster::methodName(ForecastMethod method)
{
    for (const MethodInfo &info : kMethods)
        if (info.method == method)
            return QLatin1String(info.name);
    return {};
}

QStringList Forecaster::methodNames()
{
    QStringList names;
    for (const MethodInfo &info : kMethods)
        names << QLatin1String(info.name);
    return names;
}

QString Forecaster::translatedMethod(const QString &method)
{
    // Longest names first: "Seasonal naive" before "Naive".
    const std::pair<QString, QString> words[] = {
        {QStringLiteral("Seasonal naive"), Tr::tr("Seasonal naive")},
        {QStringLiteral("Croston (SBA)"), Tr::tr("Croston (SBA)")},
        {QStringLiteral("Naive"), Tr::tr("Naive")},
        {QStringLiteral("Theta"), Tr::tr("Theta")},
    };
    QString text = method;
    if (text.startsWith(QLatin1String("Combination (")) && text.endsWith(u')'))
        text = Tr::tr("Combination (%1)", "the methods combined").arg(text.mid(13, text.size() - 14));
    for (const auto &[english, translated] : words)
        text.replace(english, translated);
    return text;
}

QString Forecaster::methodTitle(ForecastMethod method)
{
    switch (method) {
    case ForecastMethod::Auto: return Tr::tr("Automatic");
    case ForecastMethod::Ets: return Tr::tr("Exponential smoothing (ETS)");
    case ForecastMethod::Theta: return Tr::tr("Theta");
    case ForecastMethod::SeasonalNaive: return Tr::tr("Seasonal naive");
    case ForecastMethod::Croston: return Tr::tr("Croston (SBA)");
    case ForecastMethod::Combination: return Tr::tr("Combination (ETS, Theta, damped trend)");
    }
    return {};
}

} // namespace vantage::core
