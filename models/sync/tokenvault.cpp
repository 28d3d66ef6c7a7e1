#include "tokenvault.h"

#include <qt6keychain/keychain.h>

namespace vantage::sync {

core::Error TokenVault::keychainError(const QKeychain::Job &job)
{
    return core::Error{core::ErrorCode::Io,
                       tr("The system keychain could not keep your sign-in (%1). You stay signed in until Vantage "
                              "closes; then sign in again.").arg(job.errorString()),
                       QStringLiteral("keychain error %1").arg(static_cast<int>(job.error()))};
}

// Jobs have no parent and delete themselves when done: a job deleted while libsecret is still
// answering crashes in its callback. Their answers reach this object only while it exists.
template<typename Callback>
void TokenVault::track(QKeychain::Job *job, Callback onFinished)
{
    job->setInsecureFallback(false); // never a plain-text file
    ++m_pending;
    connect(job, &QKeychain::Job::finished, this, [this, onFinished = std::move(onFinished)](QKeychain::Job *finished) {
        --m_pending;
        onFinished(finished);
    });
    job->start();
}

QString TokenVault::account(const QString &serverUrl, const QString &login)
{
    return QStringLiteral("%1 %2").arg(login, serverUrl);
}

void TokenVault::store(const QString &account, const QString &token, std::function<void(const core::Status &)> done)
{
    auto *job = new QKeychain::WritePasswordJob(kService);
    job->setKey(account);
    job->setTextData(token);
    track(job, [done = std::move(done)](QKeychain::Job *finished) {
        done(finished->error() == QKeychain::NoError ? core::Status() : core::Status(keychainError(*finished)));
    });
}

void TokenVault::load(const QString &account, std::function<void(const core::Result<QString> &)> done)
{
    auto *job = new QKeychain::ReadPasswordJob(kService);
    job->setKey(account);
    track(job, [done = std::move(done)](QKeychain::Job *finished) {
        if (finished->error() == QKeychain::EntryNotFound)
            return done(QString());
        if (finished->error() != QKeychain::NoError)
            return done(keychainError(*finished));
        done(static_cast<QKeychain::ReadPasswordJob *>(finished)->textData());
    });
}

void TokenVault::erase(const QString &account, std::function<void(const core::Status &)> done)
{
    auto *job = new QKeychain::DeletePasswordJob(kService);
    job->setKey(account);
    track(job, [done = std::move(done)](QKeychain::Job *finished) {
        const bool gone = finished->error() == QKeychain::NoError || finished->error() == QKeychain::EntryNotFound;
        done(gone ? core::Status() : core::Status(keychainError(*finished)));
    });
}

} // namespace vantage::sync
