#pragma once

#include "result.h"

#include <QString>

namespace vantage::core {

// 128-bit intermediate for exact money × rate products (GCC/Clang extension).
__extension__ typedef __int128 Int128;

enum class Rounding {
    HalfUp,   // half away from zero: commercial rounding on invoices and quotes
    HalfEven, // banker's rounding, for statistics that sum many rounded values
};

// An exact decimal: mantissa × 10^-scale. Used for rates, percentages and discounts, never double.
class Decimal
{
public:
    static constexpr int kMaxScale = 12;

    Decimal() = default;
    Decimal(qint64 mantissa, int scale) : m_mantissa(mantissa), m_scale(scale) {}
    static Decimal fromInteger(qint64 value) { return Decimal(value, 0); }

    // Parses "12", "-0.25", "7.123456"; at most kMaxScale fraction digits.
    static Result<Decimal> parse(QStringView text);

    qint64 mantissa() const { return m_mantissa; }
    int scale() const { return m_scale; }
    bool isZero() const { return m_mantissa == 0; }
    bool isNegative() const { return m_mantissa < 0; }

    // The value in units of 10^-targetScale, rounded.
    Result<qint64> scaledTo(int targetScale, Rounding rounding = Rounding::HalfUp) const;
    // value × this, rounded to an integer.
    Result<qint64> multiplyInteger(qint64 value, Rounding rounding = Rounding::HalfUp) const;

    QString toString() const;

    friend bool operator==(const Decimal &a, const Decimal &b);
    friend bool operator<(const Decimal &a, const Decimal &b);

private:
    qint64 m_mantissa = 0;
    int m_scale = 0;
};

// numerator / denominator rounded to an integer, exact for any 128-bit numerator.
Result<qint64> divideRounded(Int128 numerator, Int128 denominator, Rounding rounding);
Int128 powerOfTen(int exponent);

} // namespace vantage::core
