#pragma once

#include "domain/result.h"

#include <QObject>
#include <QString>

#include <functional>

namespace QKeychain {
class Job;
}

namespace vantage::sync {

// The refresh token in the operating system's keychain (Secret Service, Windows Credential Manager,
// macOS Keychain) through QtKeychain, never in a file: if the keychain fails the caller is told and
// the sign-in lasts only for this run. Jobs are asynchronous; callbacks run on this object's thread.
class TokenVault : public QObject
{
    Q_OBJECT
public:
    static inline const QString kService = QStringLiteral("Vantage");

    explicit TokenVault(QObject *parent = nullptr) : QObject(parent) {}

    // The keychain entry for one sign-in: server and login, so two servers never share a token.
    static QString account(const QString &serverUrl, const QString &login);

    void store(const QString &account, const QString &token, std::function<void(const core::Status &)> done);
    // An absent entry is an empty token, not an error.
    void load(const QString &account, std::function<void(const core::Result<QString> &)> done);
    void erase(const QString &account, std::function<void(const core::Status &)> done);
    // Jobs started and not answered yet.
    int pending() const { return m_pending; }

private:
    template<typename Callback>
    void track(QKeychain::Job *job, Callback onFinished);
    static core::Error keychainError(const QKeychain::Job &job);

    int m_pending = 0;
};

} // namespace vantage::sync
