#pragma once

#include <QWidget>

class QFutureWatcherBase;
class QLabel;
class QProgressBar;
class QPushButton;

namespace vantage::ui {

// Status-bar progress of one long task with a Cancel button; hidden when nothing runs.
class TaskProgress : public QWidget
{
    Q_OBJECT
public:
    explicit TaskProgress(QWidget *parent = nullptr);

    // Follows the watcher's progress and text; Cancel cancels its future.
    void track(QFutureWatcherBase *watcher, const QString &title);
    QString text() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    QLabel *m_label = nullptr;
    QProgressBar *m_bar = nullptr;
    QPushButton *m_cancel = nullptr;
    QString m_title;
};

} // namespace vantage::ui
