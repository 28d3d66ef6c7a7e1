#include "decimal.h"

#include <QCoreApplication>

#include <limits>

namespace vantage::core {
namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::core::Decimal)
};

Error invalidNumber(QStringView text)
{
    return {ErrorCode::InvalidInput,
            Tr::tr("\"%1\" is not a valid number.").arg(text.toString()),
            QStringLiteral("decimal parse failed: %1").arg(text.toString())};
}

Error overflow()
{
    return {ErrorCode::Overflow, Tr::tr("The number is too large."), QStringLiteral("decimal overflow")};
}

} // namespace

Int128 powerOfTen(int exponent)
{
    Int128 result = 1;
    for (int i = 0; i < exponent; ++i)
        result *= 10;
    return result;
}

Result<qint64> divideRounded(Int128 numerator, Int128 denominator, Rounding rounding)
{
    if (denominator == 0)
        return Error{ErrorCode::InvalidInput, Tr::tr("Division by zero."), QStringLiteral("divide by zero")};
    if (denominator < 0) {
        numerator = -numerator;
        denominator = -denominator;
    }
    const bool negative = numerator < 0;
    const Int128 magnitude = negative ? -numerator : numerator;
    Int128 quotient = magnitude / denominator;
    const Int128 remainder = magnitude % denominator;
    const Int128 twice = remainder * 2;
    if (twice > denominator || (twice == denominator && (rounding == Rounding::HalfUp || (quotient % 2) == 1)))
        ++quotient;
    // -2^63 fits in 64 bits although +2^63 does not.
    const Int128 limit = static_cast<Int128>(std::numeric_limits<qint64>::max()) + (negative ? 1 : 0);
    if (quotient > limit)
        return overflow();
    return static_cast<qint64>(negative ? -quotient : quotient);
}

Result<Decimal> Decimal::parse(QStringView text)
{
    const QStringView trimmed = text.trimmed();
    qsizetype pos = 0;
    bool negative = false;
    if (pos < trimmed.size() && (trimmed[pos] == u'-' || trimmed[pos] == u'+')) {
        negative = trimmed[pos] == u'-';
        ++pos;
    }
    Int128 mantissa = 0;
    int scale = 0;
    bool seenPoint = false;
    bool seenDigit = false;
    for (; pos < trimmed.size(); ++pos) {
        const QChar c = trimmed[pos];
        if (c == u'.' && !seenPoint) {
            seenPoint = true;
            continue;
        }
        if (!c.isDigit() || c.unicode() > u'9')
            return invalidNumber(text);
        seenDigit = true;
        if (seenPoint) {
            if (scale == kMaxScale)
                return invalidNumber(text);
            ++scale;
        }
        mantissa = mantissa * 10 + (c.unicode() - u'0');
        if (mantissa > static_cast<Int128>(std::numeric_limits<qint64>::max()) + (negative ? 1 : 0))
            return overflow();
    }
    if (!seenDigit)
        return invalidNumber(text);
    return Decimal(static_cast<qint64>(negative ? -mantissa : mantissa), scale);
}

Result<qint64> Decimal::scaledTo(int targetScale, Rounding rounding) const
{
    if (targetScale >= m_scale) {
        const Int128 value = static_cast<Int128>(m_mantissa) * powerOfTen(targetScale - m_scale);
        if (value > std::numeric_limits<qint64>::max() || value < std::numeric_limits<qint64>::min())
            return overflow();
        return static_cast<qint64>(value);
    }
    return divideRounded(m_mantissa, powerOfTen(m_scale - targetScale), rounding);
}

Result<qint64> Decimal::multiplyInteger(qint64 value, Rounding rounding) const
{
    return divideRounded(static_cast<Int128>(value) * m_mantissa, powerOfTen(m_scale), rounding);
}

QString Decimal::toString() const
{
    const bool negative = m_mantissa < 0;
    const quint64 magnitude = negative ? 0 - static_cast<quint64>(m_mantissa) : static_cast<quint64>(m_mantissa);
    QString digits = QString::number(magnitude);
    if (m_scale > 0) {
        if (digits.size() <= m_scale)
            digits.prepend(QString(m_scale - digits.size() + 1, u'0'));
        digits.insert(digits.size() - m_scale, u'.');
    }
    return negative ? u'-' + digits : digits;
}

bool operator==(const Decimal &a, const Decimal &b)
{
    const int scale = std::max(a.m_scale, b.m_scale);
    return static_cast<Int128>(a.m_mantissa) * powerOfTen(scale - a.m_scale)
        == static_cast<Int128>(b.m_mantissa) * powerOfTen(scale - b.m_scale);
}

bool operator<(const Decimal &a, const Decimal &b)
{
    const int scale = std::max(a.m_scale, b.m_scale);
    return static_cast<Int128>(a.m_mantissa) * powerOfTen(scale - a.m_scale)
        < static_cast<Int128>(b.m_mantissa) * powerOfTen(scale - b.m_scale);
}

} // namespace vantage::core
