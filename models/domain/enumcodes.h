#pragma once

#include <QString>

#include <array>
#include <optional>

namespace vantage::core {

// An enum stored as text: codes[i] is the code of the value i.
template<typename Enum, std::size_t N>
QString enumCode(const std::array<const char *, N> &codes, Enum value)
{
    return QString::fromLatin1(codes[std::size_t(value)]);
}

// The value of a code; nullopt for one this version does not know.
template<typename Enum, std::size_t N>
std::optional<Enum> enumFromCode(const std::array<const char *, N> &codes, const QString &code)
{
    for (std::size_t i = 0; i < N; ++i)
        if (code == QLatin1String(codes[i]))
            return Enum(i);
    return std::nullopt;
}

} // namespace vantage::core
