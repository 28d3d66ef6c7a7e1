#include "appsettings.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>

namespace vantage::core {
namespace {

QSettings systemSettings()
{
    return QSettings(QSettings::NativeFormat, QSettings::SystemScope, QStringLiteral("Vantage"), QStringLiteral("Vantage"));
}

QSettings userSettings()
{
    return QSettings(QSettings::NativeFormat, QSettings::UserScope, QStringLiteral("Vantage"), QStringLiteral("Vantage"));
}

} // namespace

QString AppSettings::value(const QString &key, const QString &fallback) const
{
    if (const QSettings system = systemSettings(); system.contains(key))
        return system.value(key).toString();
    return userSettings().value(key, fallback).toString();
}

bool AppSettings::isLocked(const QString &key) const
{
    return systemSettings().contains(key);
}

bool AppSettings::setValue(const QString &key, const QString &value)
{
    if (isLocked(key))
        return false;
    QSettings settings = userSettings();
    settings.setValue(key, value);
    settings.sync();
    return settings.status() == QSettings::NoError;
}

QString AppSettings::dataFolder() const
{
    const QString configured = value(kDataFolder);
    if (!configured.isEmpty())
        return configured;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString AppSettings::demoDatabasePath() const
{
    return QDir(dataFolder()).filePath(QStringLiteral("demo.sqlite"));
}

QString AppSettings::companyDatabasePath() const
{
    return QDir(dataFolder()).filePath(QStringLiteral("company.sqlite"));
}

} // namespace vantage::core
