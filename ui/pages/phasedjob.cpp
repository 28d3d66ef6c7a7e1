#include "phasedjob.h"

namespace vantage::ui {

void PhasedJob::cancel()
{
    ++m_generation;
    m_busy = false;
    dropWatcher();
}

quint64 PhasedJob::begin()
{
    cancel();
    m_busy = true;
    return ++m_generation;
}

void PhasedJob::dropWatcher()
{
    if (!m_watcher)
        return;
    // Nothing hears it any more (not the page, not TaskProgress, which follows the newer job).
    m_watcher->disconnect();
    m_watcher->cancel();
    connect(m_watcher, &QFutureWatcherBase::finished, m_watcher, &QObject::deleteLater);
    if (m_watcher->isFinished())
        m_watcher->deleteLater();
    m_watcher = nullptr;
}

} // namespace vantage::ui
