#pragma once

#include <QString>

#include <optional>

namespace vantage::core {

// An ISO 4217 currency with the number of minor-unit digits used for rounding (JPY 0, CNY 2).
class Currency
{
public:
    Currency() = default;

    // Known codes only; std::nullopt for anything the product does not support.
    static std::optional<Currency> fromCode(QStringView code);
    static Currency usd();
    static Currency cny();

    QString code() const { return m_code; }
    int minorDigits() const { return m_minorDigits; }
    bool isValid() const { return !m_code.isEmpty(); }

    friend bool operator==(const Currency &a, const Currency &b) { return a.m_code == b.m_code; }

private:
    Currency(QString code, int minorDigits) : m_code(std::move(code)), m_minorDigits(minorDigits) {}

    QString m_code;
    int m_minorDigits = 2;
};

} // namespace vantage::core
