#include "taskprogress.h"

#include <QEvent>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

namespace vantage::ui {

TaskProgress::TaskProgress(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_label = new QLabel(this);
    m_bar = new QProgressBar(this);
    m_bar->setMaximumWidth(220);
    m_bar->setTextVisible(false);
    m_cancel = new QPushButton(this);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    m_cancel->setText(tr("Cancel"));
    hide();
}

void TaskProgress::track(QFutureWatcherBase *watcher, const QString &title)
{
    m_title = title;
    m_label->setText(title);
    m_bar->setRange(0, 0); // busy until the task reports a range
    m_cancel->setEnabled(true);
    disconnect(m_cancel, nullptr, nullptr, nullptr);
    connect(m_cancel, &QPushButton::clicked, watcher, [this, watcher] {
        m_cancel->setEnabled(false);
        m_label->setText(tr("Cancelling…"));
        watcher->cancel();
    });
    connect(watcher, &QFutureWatcherBase::progressRangeChanged, m_bar, &QProgressBar::setRange);
    connect(watcher, &QFutureWatcherBase::progressValueChanged, m_bar, &QProgressBar::setValue);
    connect(watcher, &QFutureWatcherBase::progressTextChanged, this, [this](const QString &text) {
        if (m_cancel->isEnabled())
            m_label->setText(text.isEmpty() ? m_title : text);
    });
    connect(watcher, &QFutureWatcherBase::finished, this, &QWidget::hide);
    show();
}

QString TaskProgress::text() const
{
    return m_label->text();
}

void TaskProgress::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        m_cancel->setText(tr("Cancel"));
    QWidget::changeEvent(event);
}

} // namespace vantage::ui
