#pragma once

#include <QString>

#include <optional>

namespace vantage::core {

// One member of the exponential-smoothing state-space family ETS(error, trend, season)
// (Hyndman, Koehler, Ord & Snyder 2008). Multiplicative trend is left out, as in R's
// forecast::ets by default: it forecasts explosively on short business series.
struct EtsSpec
{
    enum class Component { None, Additive, Multiplicative };

    Component error = Component::Additive;
    Component trend = Component::None;
    Component season = Component::None;
    bool damped = false;

    bool hasTrend() const { return trend != Component::None; }
    bool hasSeason() const { return season != Component::None; }
    bool multiplicativeError() const { return error == Component::Multiplicative; }
    bool multiplicativeSeason() const { return season == Component::Multiplicative; }

    // "MAdM", "ANN", … as R names the models.
    QString code() const;
    // "ETS(M,Ad,M)".
    QString displayName() const;
    static std::optional<EtsSpec> fromCode(const QString &code);

    friend bool operator==(const EtsSpec &, const EtsSpec &) = default;
};

} // namespace vantage::core
