#pragma once

#include "analytics/risksnapshot.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;

namespace vantage::ui {

// The selected entry of the risk list: why it is there, the suggested step, and the manager's
// follow-up (status, due date, note, whether the suggestion was taken), saved with Save.
class RiskFollowUpPanel : public QWidget
{
    Q_OBJECT
public:
    explicit RiskFollowUpPanel(QWidget *parent = nullptr);

    // entry null: nothing selected. followUp: what was saved before, if anything.
    void setEntry(const core::RiskListEntry *entry, const QString &action, const std::optional<core::RiskFollowUp> &followUp,
                  const QDate &today);
    const QString &entryId() const { return m_entryId; }
    QComboBox *statusBox() const { return m_status; }
    QLineEdit *noteEdit() const { return m_note; }
    QPushButton *saveButton() const { return m_save; }

Q_SIGNALS:
    void saveRequested(const vantage::core::RiskFollowUp &followUp);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QString m_entryId;
    QString m_opportunityId;
    QLabel *m_heading = nullptr;
    QLabel *m_reasons = nullptr;
    QLabel *m_action = nullptr;
    QLabel *m_statusLabel = nullptr;
    QLabel *m_dueLabel = nullptr;
    QLabel *m_noteLabel = nullptr;
    QComboBox *m_status = nullptr;
    QDateEdit *m_due = nullptr;
    QLineEdit *m_note = nullptr;
    QCheckBox *m_acted = nullptr;
    QPushButton *m_save = nullptr;
};

} // namespace vantage::ui
