#include "money.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>

#include <limits>
#include <numeric>

namespace vantage::core {
namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::core::Money)
};

Error overflowError()
{
    return {ErrorCode::Overflow, Tr::tr("The amount is too large."), QStringLiteral("money overflow")};
}

Error mismatchError(const Currency &a, const Currency &b)
{
    return {ErrorCode::CurrencyMismatch,
            Tr::tr("Amounts in %1 and %2 cannot be combined without an exchange rate.").arg(a.code(), b.code()),
            QStringLiteral("currency mismatch %1/%2").arg(a.code(), b.code())};
}

QString groupedMagnitude(quint64 magnitude, const QLocale &locale)
{
    QLocale grouping = locale;
    grouping.setNumberOptions(locale.numberOptions() & ~QLocale::OmitGroupSeparator);
    return grouping.toString(static_cast<qulonglong>(magnitude));
}

} // namespace

QString currencySymbol(const Currency &currency)
{
    static const QHash<QString, QString> symbols{
        {QStringLiteral("USD"), QStringLiteral("US$")}, {QStringLiteral("CNY"), QStringLiteral("¥")},
        {QStringLiteral("SGD"), QStringLiteral("S$")},  {QStringLiteral("MYR"), QStringLiteral("RM")},
        {QStringLiteral("THB"), QStringLiteral("฿")},   {QStringLiteral("VND"), QStringLiteral("₫")},
        {QStringLiteral("IDR"), QStringLiteral("Rp")},  {QStringLiteral("PHP"), QStringLiteral("₱")},
        {QStringLiteral("JPY"), QStringLiteral("JP¥")}, {QStringLiteral("EUR"), QStringLiteral("€")},
        {QStringLiteral("GBP"), QStringLiteral("£")},   {QStringLiteral("HKD"), QStringLiteral("HK$")},
        {QStringLiteral("TWD"), QStringLiteral("NT$")}, {QStringLiteral("KRW"), QStringLiteral("₩")},
        {QStringLiteral("INR"), QStringLiteral("₹")},   {QStringLiteral("AUD"), QStringLiteral("A$")},
    };
    return symbols.value(currency.code(), currency.code() + u' ');
}

Result<Money> Money::parse(QStringView text, const Currency &currency, Rounding rounding)
{
    auto decimal = Decimal::parse(text);
    if (!decimal)
        return decimal.error();
    auto minor = decimal.value().scaledTo(currency.minorDigits(), rounding);
    if (!minor)
        return minor.error();
    return Money(minor.value(), currency);
}

Result<Money> Money::plus(const Money &other) const
{
    if (!(m_currency == other.m_currency))
        return mismatchError(m_currency, other.m_currency);
    qint64 sum = 0;
    if (__builtin_add_overflow(m_minor, other.m_minor, &sum))
        return overflowError();
    return Money(sum, m_currency);
}

Result<Money> Money::minus(const Money &other) const
{
    if (!(m_currency == other.m_currency))
        return mismatchError(m_currency, other.m_currency);
    qint64 difference = 0;
    if (__builtin_sub_overflow(m_minor, other.m_minor, &difference))
        return overflowError();
    return Money(difference, m_currency);
}

Result<Money> Money::times(qint64 quantity) const
{
    qint64 product = 0;
    if (__builtin_mul_overflow(m_minor, quantity, &product))
        return overflowError();
    return Money(product, m_currency);
}

Result<Money> Money::times(const Decimal &factor, Rounding rounding) const
{
    auto product = factor.multiplyInteger(m_minor, rounding);
    if (!product)
        return overflowError();
    return Money(product.value(), m_currency);
}

Result<std::vector<Money>> Money::allocate(const std::vector<qint64> &weights) const
{
    Int128 total = 0;
    for (qint64 w : weights) {
        if (w < 0)
            return Error{ErrorCode::InvalidInput, Tr::tr("Allocation weights must not be negative."),
                         QStringLiteral("negative weight")};
        total += w;
    }
    if (weights.empty() || total == 0)
        return Error{ErrorCode::InvalidInput, Tr::tr("Nothing to allocate the amount to."),
                     QStringLiteral("zero total weight")};
    // Largest-remainder method: floor every share, then hand the leftover units out one by one.
    std::vector<Money> parts;
    std::vector<std::pair<Int128, size_t>> remainders;
    qint64 assigned = 0;
    for (size_t i = 0; i < weights.size(); ++i) {
        const Int128 exact = static_cast<Int128>(m_minor) * weights[i];
        Int128 share = exact / total;
        Int128 rest = exact % total;
        if (rest < 0) { // floor towards minus infinity for negative amounts
            share -= 1;
            rest += total;
        }
        parts.emplace_back(static_cast<qint64>(share), m_currency);
        assigned += static_cast<qint64>(share);
        remainders.emplace_back(rest, i);
    }
    std::stable_sort(remainders.begin(), remainders.end(),
                     [](const auto &a, const auto &b) { return a.first > b.first; });
    for (qint64 left = m_minor - assigned, k = 0; left > 0; --left, ++k)
        parts[remainders[static_cast<size_t>(k)].second].m_minor += 1;
    return parts;
}

QString Money::toPlainString() const
{
    const bool negative = m_minor < 0;
    const quint64 magnitude = negative ? 0 - static_cast<quint64>(m_minor) : static_cast<quint64>(m_minor);
    const int digits = m_currency.minorDigits();
    QString text;
    if (digits == 0) {
        text = QString::number(magnitude);
    } else {
        const auto divisor = static_cast<quint64>(powerOfTen(digits));
        text = QStringLiteral("%1.%2").arg(magnitude / divisor).arg(magnitude % divisor, digits, 10, QLatin1Char('0'));
    }
    return negative ? u'-' + text : text;
}

QString Money::format(const QLocale &locale) const
{
    const bool negative = m_minor < 0;
    const quint64 magnitude = negative ? 0 - static_cast<quint64>(m_minor) : static_cast<quint64>(m_minor);
    const int digits = m_currency.minorDigits();
    const auto divisor = static_cast<quint64>(powerOfTen(digits));
    QString text = currencySymbol(m_currency) + groupedMagnitude(magnitude / divisor, locale);
    if (digits > 0)
        text += locale.decimalPoint() + QStringLiteral("%1").arg(magnitude % divisor, digits, 10, QLatin1Char('0'));
    return negative ? locale.negativeSign() + text : text;
}

QString Money::formatCompact(const QLocale &locale) const
{
    const bool negative = m_minor < 0;
    const Int128 magnitude = negative ? -static_cast<Int128>(m_minor) : static_cast<Int128>(m_minor);
    const Int128 unit = powerOfTen(m_currency.minorDigits());
    // Chinese groups by 10^4 (万/萬) and 10^8 (亿/億); English by thousands. Smallest step first.
    struct Step { Int128 size; QString suffix; };
    const bool chinese = locale.language() == QLocale::Chinese;
    const bool traditional = chinese && locale.script() == QLocale::TraditionalChineseScript;
    const std::vector<Step> steps = chinese
        ? std::vector<Step>{{10000, traditional ? QStringLiteral("萬") : QStringLiteral("万")},
                            {100000000, traditional ? QStringLiteral("億") : QStringLiteral("亿")}}
        : std::vector<Step>{{1000, QStringLiteral("K")}, {1000000, QStringLiteral("M")}, {1000000000, QStringLiteral("B")}};
    // Tenths of a step, rounded half up from the exact amount (no double rounding).
    const auto tenthsOf = [&](size_t i) {
        const Int128 divisor = steps[i].size * unit;
        return (magnitude * 10 + divisor / 2) / divisor;
    };
    const Int128 whole = (magnitude + unit / 2) / unit;
    QString body;
    if (whole < steps[0].size) {
        body = groupedMagnitude(static_cast<quint64>(whole), locale);
    } else {
        size_t chosen = 0;
        while (chosen + 1 < steps.size() && magnitude >= steps[chosen + 1].size * unit)
            ++chosen;
        Int128 tenths = tenthsOf(chosen);
        // Rounding may reach the next unit: 999,950 is "1M", not "1,000K".
        if (chosen + 1 < steps.size() && tenths >= 10 * (steps[chosen + 1].size / steps[chosen].size))
            tenths = tenthsOf(++chosen);
        body = groupedMagnitude(static_cast<quint64>(tenths / 10), locale);
        if (tenths % 10 != 0)
            body += locale.decimalPoint() + QString::number(static_cast<int>(tenths % 10));
        body += steps[chosen].suffix;
    }
    const QString text = currencySymbol(m_currency) + body;
    return negative ? locale.negativeSign() + text : text;
}

} // namespace vantage::core
