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
    return system;
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
