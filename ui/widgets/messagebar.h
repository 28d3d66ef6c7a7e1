#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace vantage::ui {

// A non-modal message strip at the top of the window (errors, warnings, information); it stays
// until closed or replaced, so the user can read it and keep working.
class MessageBar : public QFrame
{
    Q_OBJECT
public:
    enum class Level { Information, Warning, Error };

    explicit MessageBar(QWidget *parent = nullptr);

    void showMessage(const QString &text, Level level = Level::Error);
    QString text() const;
    Level level() const { return m_level; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QLabel *m_label = nullptr;
    QToolButton *m_close = nullptr;
    Level m_level = Level::Information;
};

} // namespace vantage::ui
