// The forecasting engine on whatever series a user's CSV or database holds: every method, any
// period and horizon, values from zero runs to huge swings. Whatever comes in, a forecast must
// be finite with ordered bands, or a refusal with a message; never a crash, NaN or a hang.
// Bytes: period, horizon, method, then the values as signed 16-bit integers × a scale byte.

#include "fuzzcheck.h"

#include "analytics/forecaster.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

using namespace vantage;

namespace {

constexpr std::size_t kMaxValues = 60;  // the combination fits 15 models per call: keep it quick

void checkForecast(const core::ForecastResult &result, int horizon)
{
    fuzz::check(int(result.mean.size()) == horizon, "a forecast of the wrong length");
    const std::size_t n = result.mean.size();
    fuzz::check(result.band80.lower.size() == n && result.band80.upper.size() == n && result.band95.lower.size() == n
                    && result.band95.upper.size() == n,
                "bands of the wrong length");
    for (std::size_t h = 0; h < n; ++h) {
        const double values[] = {result.mean[h], result.band80.lower[h], result.band80.upper[h],
                                 result.band95.lower[h], result.band95.upper[h]};
        for (double v : values)
            fuzz::check(std::isfinite(v), "a forecast or band that is not a finite number", result.method);
        // Equal up to rounding: the bands are sums and averages of the members' bounds.
        const double slack = 1e-9 * (1.0 + std::fabs(result.mean[h]));
        fuzz::check(result.band95.lower[h] <= result.band80.lower[h] + slack
                        && result.band80.upper[h] <= result.band95.upper[h] + slack
                        && result.band80.lower[h] <= result.band80.upper[h] + slack,
                    "bands out of order", result.method);
    }
    fuzz::check(!result.method.isEmpty(), "a forecast without a method name");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 4)
        return 0;
    const int period = 1 + data[0] % 13;
    const int horizon = 1 + data[1] % 24;
    const auto method = static_cast<core::ForecastMethod>(data[2] % 6);
    const double scale = std::pow(10.0, double(data[3] % 16) - 4.0);
    std::vector<double> values;
    for (std::size_t i = 4; i + 1 < size && values.size() < kMaxValues; i += 2) {
        std::int16_t raw = 0;
        std::memcpy(&raw, data + i, sizeof raw);
        values.push_back(double(raw) * scale);
    }
    const auto result = core::Forecaster::forecast(values, period, horizon, method);
    if (!result)
        fuzz::check(!result.error().message.isEmpty(), "a refusal without a message");
    else
        checkForecast(result.value(), horizon);
    return 0;
}
