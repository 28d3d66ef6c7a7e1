#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace vantage::core {

// Installs Vantage's own and Qt's translations for a language. English is the source language,
// so for English nothing is loaded. Returns the locale that is now in effect.
class Translations
{
public:
    // "system", "en" or "zh_CN" (the Settings choice) → the locale to use.
    static QLocale localeFor(const QString &choice);
    static QLocale install(QCoreApplication &app, const QLocale &locale);
    static QStringList supportedLanguages(); // codes, English first
};

} // namespace vantage::core
