#pragma once

#include "currency.h"
#include "decimal.h"
#include "result.h"

#include <QLocale>
#include <QMetaType>
#include <QString>

#include <vector>

namespace vantage::core {

// An amount of money: an integer count of minor units (cents, fen) and its currency. Never a double.
class Money
{
public:
    Money() = default;
    Money(qint64 minorUnits, Currency currency) : m_minor(minorUnits), m_currency(std::move(currency)) {}

    // Parses a plain decimal ("261.96", "-22.368"); extra fraction digits are rounded.
    static Result<Money> parse(QStringView text, const Currency &currency, Rounding rounding = Rounding::HalfUp);

    qint64 minorUnits() const { return m_minor; }
    const Currency &currency() const { return m_currency; }
    bool isZero() const { return m_minor == 0; }

    Result<Money> plus(const Money &other) const;
    Result<Money> minus(const Money &other) const;
    Result<Money> times(qint64 quantity) const;
    // this × factor (e.g. a discount of 0.15 or a tax rate), rounded to the currency's minor unit.
    Result<Money> times(const Decimal &factor, Rounding rounding = Rounding::HalfUp) const;
    // Splits into parts proportional to the weights; the parts always add up to this amount exactly.
    Result<std::vector<Money>> allocate(const std::vector<qint64> &weights) const;

    // "1234.56" / "-0.05": no grouping, no symbol; for files and the wire.
    QString toPlainString() const;
    // "US$1,234.56" in the given locale's digits and separators.
    QString format(const QLocale &locale) const;
    // "US$2.3M" / "US$229.7万": for tiles and chart labels where the exact figure is one click away.
    QString formatCompact(const QLocale &locale) const;

    friend bool operator==(const Money &a, const Money &b)
    {
        return a.m_minor == b.m_minor && a.m_currency == b.m_currency;
    }

private:
    qint64 m_minor = 0;
    Currency m_currency = Currency::usd();
};

// The symbol shown before an amount; unambiguous across the region ("US$", "S$", "¥").
QString currencySymbol(const Currency &currency);

} // namespace vantage::core

Q_DECLARE_METATYPE(vantage::core::Money)
