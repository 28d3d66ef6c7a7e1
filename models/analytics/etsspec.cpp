#include "etsspec.h"

namespace vantage::core {

namespace {

QChar letter(EtsSpec::Component component)
{
    switch (component) {
    case EtsSpec::Component::None: return u'N';
    case EtsSpec::Component::Additive: return u'A';
    case EtsSpec::Component::Multiplicative: return u'M';
    }
    return u'N';
}

std::optional<EtsSpec::Component> component(QChar c, bool allowNone)
{
    if (c == u'N' && allowNone)
        return EtsSpec::Component::None;
    if (c == u'A')
        return EtsSpec::Component::Additive;
    if (c == u'M')
        return EtsSpec::Component::Multiplicative;
    return std::nullopt;
}

} // namespace

QString EtsSpec::code() const
{
    QString text;
    text += letter(error);
    text += letter(trend);
    if (damped)
        text += u'd';
    text += letter(season);
    return text;
}

QString EtsSpec::displayName() const
{
    QString trendText = QString(letter(trend));
    if (damped)
        trendText += u'd';
    return QStringLiteral("ETS(%1,%2,%3)").arg(letter(error), trendText, letter(season));
}

std::optional<EtsSpec> EtsSpec::fromCode(const QString &code)
{
    const bool damped = code.size() == 4 && code.at(2) == u'd';
    if (code.size() != (damped ? 4 : 3))
        return std::nullopt;
    const auto error = component(code.at(0), false);
    const auto trend = component(code.at(1), true);
    const auto season = component(code.at(damped ? 3 : 2), true);
    if (!error || !trend || !season || (damped && *trend == Component::None)
        || *trend == Component::Multiplicative)
        return std::nullopt;
    return EtsSpec{*error, *trend, *season, damped};
}

} // namespace vantage::core
