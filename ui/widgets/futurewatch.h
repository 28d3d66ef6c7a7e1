#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

namespace vantage::ui {

// Calls onResult(result) on receiver's thread when future finishes with a result. The watcher is a
// child of receiver, so a page that is gone never gets a late callback (no dangling this).
template<typename T, typename Callback>
QFutureWatcher<T> *watchFuture(QObject *receiver, QFuture<T> future, Callback onResult)
{
    auto *watcher = new QFutureWatcher<T>(receiver);
    QObject::connect(watcher, &QFutureWatcherBase::finished, receiver, [watcher, onResult = std::move(onResult)] {
        watcher->deleteLater();
        if (!watcher->isCanceled() && watcher->future().resultCount() > 0)
            onResult(watcher->result());
    });
    watcher->setFuture(std::move(future));
    return watcher;
}

} // namespace vantage::ui
