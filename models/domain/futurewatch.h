#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

#include <type_traits>

namespace vantage::core {

// Calls onResult(result) on receiver's thread when future finishes with a result (onResult() for a
// QFuture<void>). The watcher is a
// child of receiver, so a page that is gone never gets a late callback (no dangling this).
template<typename T, typename Callback>
QFutureWatcher<T> *watchFuture(QObject *receiver, QFuture<T> future, Callback onResult)
{
    auto *watcher = new QFutureWatcher<T>(receiver);
    QObject::connect(watcher, &QFutureWatcherBase::finished, receiver, [watcher, onResult = std::move(onResult)] {
        watcher->deleteLater();
        if constexpr (std::is_void_v<T>) {
            onResult(); // a job without a value: called once it has finished, cancelled or not
        } else {
            if (!watcher->isCanceled() && watcher->future().resultCount() > 0)
                onResult(watcher->result());
        }
    });
    watcher->setFuture(std::move(future));
    return watcher;
}

} // namespace vantage::core
