#pragma once

#include <QFutureWatcher>
#include <QObject>

#include <memory>

namespace vantage::ui {

// A page's background work in phases (read, compute, store): each phase's future can be followed
// and cancelled (TaskProgress); a newer start cancels the older job and only the latest answer
// is delivered. Watchers are children of this object.
class PhasedJob : public QObject
{
    Q_OBJECT
public:
    explicit PhasedJob(QObject *parent = nullptr) : QObject(parent) {}

    void cancel();
    bool isRunning() const { return m_busy; }

Q_SIGNALS:
    void phaseStarted(QFutureWatcherBase *watcher, const QString &title);
    void failed(const QString &message);
    void cancelled();

protected:
    // Starts a new job: the previous one's answers are dropped. Returns its generation.
    quint64 begin();
    bool isCurrent(quint64 generation) const { return generation == m_generation; }
    void finish() { m_busy = false; }
    // Delivers the phase's result to done (queued, on this thread), or cancelled(); failed() with
    // stoppedMessage when the future ended without a result (the store closed under it).
    template<typename T, typename Done>
    void follow(QFuture<T> future, const QString &title, const QString &stoppedMessage, Done done);

private:
    void dropWatcher();

    QFutureWatcherBase *m_watcher = nullptr;
    quint64 m_generation = 0;
    bool m_busy = false;
};

template<typename T, typename Done>
void PhasedJob::follow(QFuture<T> future, const QString &title, const QString &stoppedMessage, Done done)
{
    auto *watcher = new QFutureWatcher<T>(this);
    m_watcher = watcher;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, stoppedMessage, done = std::move(done)] {
        watcher->deleteLater();
        if (m_watcher == watcher)
            m_watcher = nullptr;
        if (watcher->isCanceled()) {
            m_busy = false;
            Q_EMIT cancelled();
            return;
        }
        if (watcher->future().resultCount() == 0) {
            m_busy = false;
            Q_EMIT failed(stoppedMessage);
            return;
        }
        // Queued: TaskProgress hides for this phase before the next one shows it again. Shared, not
        // copied into the call: a result can be the whole page (history included).
        QMetaObject::invokeMethod(this, [done, result = std::make_shared<const T>(watcher->result())] { done(*result); },
                                  Qt::QueuedConnection);
    });
    watcher->setFuture(std::move(future));
    Q_EMIT phaseStarted(watcher, title);
}

} // namespace vantage::ui
