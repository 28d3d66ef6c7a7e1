#include "messagebar.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

namespace vantage::ui {

MessageBar::MessageBar(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("messageBar"));
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 6, 6, 6);
    m_label = new QLabel(this);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_close = new QToolButton(this);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setAutoRaise(true);
    connect(m_close, &QToolButton::clicked, this, &QWidget::hide);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    retranslateUi();
    hide();
}

void MessageBar::showMessage(const QString &text, Level level)
{
    m_level = level;
    static const char *const colors[] = {"#e8f1fb; border: 1px solid #9cc3ec", "#fff6dc; border: 1px solid #e8c35a",
                                         "#fdecea; border: 1px solid #e49b93"};
    setStyleSheet(QStringLiteral("#messageBar { background: %1; border-radius: 4px; }")
                      .arg(QLatin1String(colors[static_cast<int>(level)])));
    m_label->setText(text);
    show();
}

QString MessageBar::text() const
{
    return m_label->text();
}

void MessageBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QFrame::changeEvent(event);
}

void MessageBar::retranslateUi()
{
    m_close->setToolTip(tr("Close this message"));
}

} // namespace vantage::ui
