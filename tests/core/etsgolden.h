#pragma once

// One row of tests/golden/forecast/ets_fixed.csv as the engine's types: R's fitted ETS model.
#include "forecastgolden.h"

#include "analytics/etsspec.h"
#include "analytics/etsstate.h"

namespace vantage::test {

struct GoldenEtsModel
{
    QString seriesId;
    QString code;
    core::EtsSpec spec;
    core::EtsParameters parameters;
    core::EtsState initial;
    int period = 1;  // of the series (12 or 4), also for non-seasonal models
    std::vector<double> y;
    double loglik = 0.0;
    double aic = 0.0;
    double aicc = 0.0;
    double bic = 0.0;
    double sigma2 = 0.0;

    double minusTwoLogLikelihood() const { return -2.0 * loglik; }
    // R's k: smoothing parameters + free initial states + σ, read back from R's AIC.
    int parameterCountWithSigma() const { return int(std::lround((aic - minusTwoLogLikelihood()) / 2.0)); }
};

inline GoldenEtsModel goldenEtsModel(const GoldenTable &fixed, int row)
{
    GoldenEtsModel model;
    model.seriesId = fixed.text(row, "series_id");
    model.code = fixed.text(row, "model");
    const auto spec = core::EtsSpec::fromCode(model.code);
    if (!spec)
        qFatal("EtsSpec::fromCode rejects R's model %s", qPrintable(model.code));
    model.spec = *spec;
    const GoldenSeries series = goldenSeries(model.seriesId);
    model.period = series.period;
    model.y = series.values;
    // R's beta and gamma are the state-space β and γ, as our EtsParameters; NA where the
    // model has no such component.
    const auto orDefault = [](double value, double fallback) { return std::isnan(value) ? fallback : value; };
    model.parameters.alpha = fixed.number(row, "alpha");
    model.parameters.beta = orDefault(fixed.number(row, "beta"), 0.0);
    model.parameters.gamma = orDefault(fixed.number(row, "gamma"), 0.0);
    model.parameters.phi = orDefault(fixed.number(row, "phi"), 1.0);
    // R's order l; b; s1..sm with s1 the newest seasonal state and sm the one used next: the
    // same as ours (seasons[0] newest, seasons.back() next).
    const std::vector<double> states = semicolonNumbers(fixed.text(row, "initstate"));
    std::size_t next = 0;
    model.initial.level = states.at(next++);
    if (model.spec.hasTrend())
        model.initial.trend = states.at(next++);
    if (model.spec.hasSeason())
        model.initial.seasons.assign(states.begin() + long(next), states.end());
    else if (next != states.size())
        qFatal("%s %s: unexpected seasonal states", qPrintable(model.seriesId), qPrintable(model.code));
    if (model.spec.hasSeason() && int(model.initial.seasons.size()) != model.period)
        qFatal("%s %s: %zu seasonal states for period %d", qPrintable(model.seriesId), qPrintable(model.code),
               model.initial.seasons.size(), model.period);
    model.loglik = fixed.number(row, "loglik");
    model.aic = fixed.number(row, "aic");
    model.aicc = fixed.number(row, "aicc");
    model.bic = fixed.number(row, "bic");
    model.sigma2 = fixed.number(row, "sigma2");
    return model;
}

} // namespace vantage::test
