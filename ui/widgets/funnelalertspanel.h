#pragma once

#include "widgets/messagebar.h"

#include "analytics/riskjob.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class QAction;
class QCheckBox;
class QLabel;
class QLayout;
class QPushButton;
class QTableWidget;
class QTableWidgetItem;
class QToolButton;

namespace vantage::core {
class Store;
}

namespace vantage::ui {

class FunnelAlertController;
class FunnelAlertRulesDialog;

// The Risk page's funnel alerts tab: this week's alerts of the region shown, each with the rule
// that raised it and its status; Acknowledge, Mute (1 week, 4 weeks, until unmuted) and Unmute act
// on the selected alert; muted ones are hidden unless "Show muted" is ticked; the rules dialog
// opens from here and the alerts are raised again under the saved rules.
class FunnelAlertsPanel : public QWidget
{
    Q_OBJECT
public:
    enum Column { Alert, Rule, Status, Note };
    enum class Mute { OneWeek, FourWeeks, UntilUnmuted };

    explicit FunnelAlertsPanel(QWidget *parent = nullptr);

    void setStore(core::Store *store);
    // today: the data's today, against which mutes run out.
    void setData(std::shared_ptr<const core::RiskPageData> page, const QDate &today);
    void clear();
    // "" = every region; company-wide alerts are always shown.
    void setRegion(const QString &regionId);
    void retranslate();

    // The alerts in the table, in row order.
    const std::vector<const core::RaisedFunnelAlert *> &shown() const { return m_shown; }
    int mutedCount() const;
    FunnelAlertController *controller() const { return m_controller; }
    QTableWidget *table() const { return m_table; }
    QLabel *summary() const { return m_summary; }
    QPushButton *acknowledgeButton() const { return m_acknowledge; }
    QToolButton *muteButton() const { return m_mute; }
    QAction *muteAction(Mute mute) const { return m_muteActions[int(mute)]; }
    QPushButton *unmuteButton() const { return m_unmute; }
    QCheckBox *showMutedBox() const { return m_showMuted; }
    QPushButton *rulesButton() const { return m_rulesButton; }
    FunnelAlertRulesDialog *rulesDialog() const;  // the open rules dialog, if any

Q_SIGNALS:
    void shownChanged(int count);
    void message(const QString &text, vantage::ui::MessageBar::Level level);

private:
    QLayout *buildButtons();
    void fill();
    void fillRow(int row, const core::RaisedFunnelAlert &alert);
    QString summaryText(int unmuted) const;
    const core::RaisedFunnelAlert *selected() const;
    void updateButtons();
    void setStatus(core::FunnelAlertStatus status, const QDate &mutedUntil);
    void onStateSaved(const core::FunnelAlertState &state);
    void onNoteEdited(QTableWidgetItem *item);
    // The state that decides the alert's status ("" note and no state when none).
    const core::FunnelAlertState *stateOf(const core::RaisedFunnelAlert &alert) const;
    void editRules();
    void onRulesSaved(const std::vector<core::FunnelAlertRule> &saved, const QStringList &removed);
    QHash<QString, QString> regionNames() const;

    FunnelAlertController *m_controller = nullptr;
    std::shared_ptr<const core::RiskPageData> m_data;
    std::vector<core::RaisedFunnelAlert> m_alerts;
    std::vector<core::FunnelAlertRule> m_rules;
    std::vector<core::FunnelAlertState> m_states;
    std::vector<const core::RaisedFunnelAlert *> m_shown;
    QDate m_today;
    QString m_regionId;
    QLabel *m_summary = nullptr;
    QCheckBox *m_showMuted = nullptr;
    QPushButton *m_rulesButton = nullptr;
    QTableWidget *m_table = nullptr;
    QPushButton *m_acknowledge = nullptr;
    QToolButton *m_mute = nullptr;
    QAction *m_muteActions[3] = {};
    QPushButton *m_unmute = nullptr;
    QPointer<FunnelAlertRulesDialog> m_dialog;
};

} // namespace vantage::ui
