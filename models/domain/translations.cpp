#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace vantage::core {
namespace {

QList<QTranslator *> &installed()
{
    static QList<QTranslator *> translators;
    return translators;
}

} // namespace

QStringList Translations::supportedLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("zh_CN")};
}

QLocale Translations::localeFor(const QString &choice)
{
    if (choice == QLatin1String("en"))
        return QLocale(QLocale::English, QLocale::UnitedStates);
    if (choice == QLatin1String("zh_CN"))
        return QLocale(QLocale::Chinese, QLocale::SimplifiedChineseScript, QLocale::China);
    // Follow the system: any Chinese locale gets Simplified Chinese, everything else English.
    const QLocale system = QLocale::system();
    if (system.language() == QLocale::Chinese)
        return QLocale(QLocale::Chinese, QLocale::SimplifiedChineseScript, QLocale::China);
    if (system.language() == QLocale::English)
        return system;
    // The UI is English: dates and numbers in English too (not Thai month names in an English
    // window), with the system's territory where English has a variant for it (en_SG, en_MY, …).
    const QLocale english(QLocale::English, system.territory());
    return english.language() == QLocale::English ? english : QLocale(QLocale::English, QLocale::UnitedStates);
}

QLocale Translations::install(QCoreApplication &app, const QLocale &locale)
{
    for (QTranslator *translator : installed()) {
        app.removeTranslator(translator);
        delete translator;
    }
    installed().clear();
    QLocale::setDefault(locale);
    if (locale.language() != QLocale::Chinese)
        return locale;
    const QList<std::pair<QString, QString>> catalogues{
        {QStringLiteral("vantage"), QStringLiteral(":/vantage/i18n")},
        {QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)},
    };
    for (const auto &[name, directory] : catalogues) {
        auto *translator = new QTranslator;
        if (translator->load(locale, name, QStringLiteral("_"), directory)) {
            app.installTranslator(translator);
            installed() << translator;
        } else {
            delete translator;
        }
    }
    return locale;
}

} // namespace vantage::core
