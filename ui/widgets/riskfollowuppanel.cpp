#include "riskfollowuppanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace vantage::ui {

using core::FollowUpStatus;

RiskFollowUpPanel::RiskFollowUpPanel(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_heading = new QLabel(this);
    m_heading->setWordWrap(true);
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    m_reasons = new QLabel(this);
    m_reasons->setWordWrap(true);
    m_action = new QLabel(this);
    m_action->setWordWrap(true);
    layout->addWidget(m_heading);
    layout->addWidget(m_reasons);
    layout->addWidget(m_action);
    auto *form = new QFormLayout;
    m_status = new QComboBox(this);
    m_due = new QDateEdit(this);
    m_due->setCalendarPopup(true);
    m_note = new QLineEdit(this);
    m_note->setMaxLength(500);
    m_acted = new QCheckBox(this);
    m_statusLabel = new QLabel(this);
    m_dueLabel = new QLabel(this);
    m_noteLabel = new QLabel(this);
    form->addRow(m_statusLabel, m_status);
    form->addRow(m_dueLabel, m_due);
    form->addRow(m_noteLabel, m_note);
    form->addRow(QString(), m_acted);
    layout->addLayout(form);
    m_save = new QPushButton(this);
    layout->addWidget(m_save, 0, Qt::AlignRight);
    layout->addStretch(1);
    connect(m_save, &QPushButton::clicked, this, [this] {
        if (m_entryId.isEmpty())
            return;
        core::RiskFollowUp followUp;
        followUp.entryId = m_entryId;
        followUp.opportunityId = m_opportunityId;
        followUp.status = FollowUpStatus(m_status->currentData().toInt());
        followUp.note = m_note->text().trimmed();
        followUp.dueOn = m_due->date();
        followUp.actedOnSuggestion = m_acted->isChecked();
        Q_EMIT saveRequested(followUp);
    });
    retranslateUi();
    setEntry(nullptr, QString(), std::nullopt, QDate::currentDate());
}

void RiskFollowUpPanel::setEntry(const core::RiskListEntry *entry, const QString &action,
                                 const std::optional<core::RiskFollowUp> &followUp, const QDate &today)
{
    m_entryId = entry ? entry->id : QString();
    m_opportunityId = entry ? entry->opportunityId : QString();
    for (QWidget *editor : std::initializer_list<QWidget *>{m_status, m_due, m_note, m_acted, m_save})
        editor->setEnabled(entry != nullptr && !m_entryId.isEmpty());
    if (!entry) {
        m_heading->setText(tr("Select a deal in the list to see why it is there and to record the follow-up."));
        m_reasons->clear();
        m_action->clear();
        return;
    }
    m_heading->setText(tr("%1 — %2").arg(core::riskDealTitle(entry->kind, entry->opportunityName), core::riskOwnerText(entry->ownerName)));
    QStringList bullets;
    for (const QString &reason : core::riskReasonTexts(*entry))
        bullets << QStringLiteral("• ") + reason;
    m_reasons->setText(bullets.join(QLatin1Char('\n')));
    m_action->setText(action.isEmpty() ? QString() : tr("Suggested: %1").arg(action));
    m_status->setCurrentIndex(std::max(0, m_status->findData(int(followUp ? followUp->status : FollowUpStatus::Open))));
    m_due->setDate(followUp && followUp->dueOn.isValid() ? followUp->dueOn : today.addDays(7));
    m_note->setText(followUp ? followUp->note : QString());
    m_acted->setChecked(followUp && followUp->actedOnSuggestion);
}

void RiskFollowUpPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void RiskFollowUpPanel::retranslateUi()
{
    const int current = m_status->currentIndex();
    m_status->clear();
    for (FollowUpStatus status : {FollowUpStatus::Open, FollowUpStatus::Contacted, FollowUpStatus::PlanAgreed,
                                  FollowUpStatus::Escalated, FollowUpStatus::Resolved})
        m_status->addItem(core::followUpStatusLabel(status), int(status));
    m_status->setCurrentIndex(std::max(0, current));
    m_statusLabel->setText(tr("Follow-up"));
    m_dueLabel->setText(tr("Due"));
    m_noteLabel->setText(tr("Note"));
    m_note->setPlaceholderText(tr("What was agreed, with whom"));
    m_acted->setText(tr("Took the suggested step"));
    m_save->setText(tr("Save follow-up"));
    if (m_entryId.isEmpty())
        m_heading->setText(tr("Select a deal in the list to see why it is there and to record the follow-up."));
}

} // namespace vantage::ui
