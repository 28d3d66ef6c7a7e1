#include "currency.h"

#include <array>

namespace vantage::core {
namespace {

struct CurrencyInfo
{
    const char *code;
    int minorDigits;
};

// ISO 4217 minor units for the currencies of the markets Vantage serves.
constexpr std::array<CurrencyInfo, 18> kCurrencies{{
    {"AUD", 2}, {"CNY", 2}, {"EUR", 2}, {"GBP", 2}, {"HKD", 2}, {"IDR", 2},
    {"INR", 2}, {"JPY", 0}, {"KRW", 0}, {"MYR", 2}, {"PHP", 2}, {"SGD", 2},
    {"THB", 2}, {"TWD", 2}, {"USD", 2}, {"VND", 0}, {"KHR", 2}, {"MMK", 2},
}};

} // namespace

std::optional<Currency> Currency::fromCode(QStringView code)
{
    for (const auto &info : kCurrencies) {
        if (code.compare(QLatin1String(info.code), Qt::CaseInsensitive) == 0)
            return Currency(QString::fromLatin1(info.code), info.minorDigits);
    }
    return std::nullopt;
}

Currency Currency::usd()
{
    return Currency(QStringLiteral("USD"), 2);
}

Currency Currency::cny()
{
    return Currency(QStringLiteral("CNY"), 2);
}

} // namespace vantage::core
