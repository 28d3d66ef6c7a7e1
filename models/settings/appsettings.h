#pragma once

#include <QString>

namespace vantage::core {

// User preferences with IT-managed overrides: a value set system-wide wins and is shown locked.
// Linux: /etc/xdg/Vantage/Vantage.conf (any folder of $XDG_CONFIG_DIRS); user file
// ~/.config/Vantage/Vantage.conf. Windows: HKLM\Software\Vantage\Vantage (docs/adr/0006).
class AppSettings
{
public:
    static inline const QString kLanguage = QStringLiteral("ui/language");     // system | en | zh_CN
    static inline const QString kDataSource = QStringLiteral("data/source");   // demo | company
    static inline const QString kDataFolder = QStringLiteral("data/folder");   // empty: the platform's app data folder
    static inline const QString kServerUrl = QStringLiteral("sync/serverUrl"); // the company's server, offered at sign-in
    static inline const QString kCaBundle = QStringLiteral("sync/caBundle");   // extra CA certificates (PEM) for a private CA

    QString value(const QString &key, const QString &fallback = {}) const;
    bool isLocked(const QString &key) const;
    // Stores a user value; refused (false) when IT locked the key.
    bool setValue(const QString &key, const QString &value);

    QString language() const { return value(kLanguage, QStringLiteral("system")); }
    QString dataSource() const { return value(kDataSource, QStringLiteral("demo")); }
    QString dataFolder() const;
    QString demoDatabasePath() const;
    QString companyDatabasePath() const;
};

} // namespace vantage::core
