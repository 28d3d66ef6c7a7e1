#include "funnelalertspanel.h"

#include "dialogs/funnelalertrulesdialog.h"
#include "pages/funnelalertcontroller.h"

#include "domain/enumlabels.h"
#include "itemmodels/displayformat.h"

#include <QAction>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace vantage::ui {

using core::FunnelAlertStatus;

FunnelAlertsPanel::FunnelAlertsPanel(QWidget *parent) : QWidget(parent)
{
    m_controller = new FunnelAlertController(this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    auto *top = new QHBoxLayout;
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_showMuted = new QCheckBox(this);
    m_rulesButton = new QPushButton(this);
    m_rulesButton->setEnabled(false);
    // One row of controls, so the tab is no taller than the pipeline tab next to it.
    top->addWidget(m_summary, 1);
    top->addLayout(buildButtons());
    top->addWidget(m_showMuted);
    top->addWidget(m_rulesButton);
    layout->addLayout(top);
    m_table = new QTableWidget(0, 4, this);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    // Only the note is editable (its item's flags): double-click or F2, saved when the edit ends.
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_table->setWordWrap(true);
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(Alert, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(Note, QHeaderView::Interactive);
    m_table->setColumnWidth(Note, 220);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(m_table, 1);
    connect(m_showMuted, &QCheckBox::toggled, this, &FunnelAlertsPanel::fill);
    connect(m_rulesButton, &QPushButton::clicked, this, &FunnelAlertsPanel::editRules);
    connect(m_table, &QTableWidget::currentCellChanged, this, &FunnelAlertsPanel::updateButtons);
    connect(m_table, &QTableWidget::itemChanged, this, &FunnelAlertsPanel::onNoteEdited);
    connect(m_controller, &FunnelAlertController::stateSaved, this, &FunnelAlertsPanel::onStateSaved);
    connect(m_controller, &FunnelAlertController::rulesSaved, this, &FunnelAlertsPanel::onRulesSaved);
    connect(m_controller, &FunnelAlertController::raised, this, [this](const std::vector<core::RaisedFunnelAlert> &alerts) {
        if (!m_data)
            return;  // the database closed while they were raised
        m_alerts = alerts;
        fill();
    });
    connect(m_controller, &FunnelAlertController::failed, this,
            [this](const QString &text) { Q_EMIT message(text, MessageBar::Level::Error); });
    retranslate();
}

QLayout *FunnelAlertsPanel::buildButtons()
{
    auto *buttons = new QHBoxLayout;
    m_acknowledge = new QPushButton(this);
    m_mute = new QToolButton(this);
    m_mute->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_mute);
    const int weeks[] = {1, 4, 0};
    for (int i = 0; i < 3; ++i) {
        m_muteActions[i] = menu->addAction(QString());
        connect(m_muteActions[i], &QAction::triggered, this, [this, days = 7 * weeks[i] - 1] {
            setStatus(FunnelAlertStatus::Muted, days < 0 ? QDate() : m_today.addDays(days));  // the last day muted
        });
    }
    m_mute->setMenu(menu);
    m_unmute = new QPushButton(this);
    connect(m_acknowledge, &QPushButton::clicked, this, [this] { setStatus(FunnelAlertStatus::Acknowledged, {}); });
    connect(m_unmute, &QPushButton::clicked, this, [this] { setStatus(FunnelAlertStatus::Open, {}); });
    buttons->addWidget(m_acknowledge);
    buttons->addWidget(m_mute);
    buttons->addWidget(m_unmute);
    return buttons;
}

void FunnelAlertsPanel::retranslate()
{
    m_table->setHorizontalHeaderLabels({tr("Alert"), tr("Rule"), tr("Status"), tr("Note")});
    m_table->horizontalHeaderItem(Note)->setToolTip(tr("Double-click to write a note for the team (synced with the alert's status)"));
    m_rulesButton->setText(tr("Funnel alert rules…"));
    m_rulesButton->setToolTip(tr("Which alerts to raise: metric, region, product, sensitivity and recipients"));
    m_acknowledge->setText(tr("Acknowledge"));
    m_mute->setText(tr("Mute"));
    m_muteActions[int(Mute::OneWeek)]->setText(tr("For 1 week"));
    m_muteActions[int(Mute::FourWeeks)]->setText(tr("For 4 weeks"));
    m_muteActions[int(Mute::UntilUnmuted)]->setText(tr("Until unmuted"));
    m_unmute->setText(tr("Unmute"));
    fill();
}

void FunnelAlertsPanel::setStore(core::Store *store)
{
    m_controller->setStore(store);
}

void FunnelAlertsPanel::setData(std::shared_ptr<const core::RiskPageData> page, const QDate &today)
{
    m_data = std::move(page);
    m_today = today;
    m_alerts = m_data ? m_data->funnelAlerts : std::vector<core::RaisedFunnelAlert>();
    m_rules = m_data ? m_data->funnel.rules : std::vector<core::FunnelAlertRule>();
    m_states = m_data ? m_data->funnel.states : std::vector<core::FunnelAlertState>();
    m_rulesButton->setEnabled(m_data != nullptr);
    fill();
}

void FunnelAlertsPanel::clear()
{
    setData(nullptr, {});
    if (m_dialog)
        m_dialog->reject();
}

void FunnelAlertsPanel::setRegion(const QString &regionId)
{
    m_regionId = regionId;
    fill();
}

int FunnelAlertsPanel::mutedCount() const
{
    return int(std::count_if(m_alerts.begin(), m_alerts.end(), [this](const core::RaisedFunnelAlert &a) {
        return a.status == FunnelAlertStatus::Muted
            && (m_regionId.isEmpty() || a.alert.regionId.isEmpty() || a.alert.regionId == m_regionId);
    }));
}

void FunnelAlertsPanel::fill()
{
    // By key from the table: the alerts behind m_shown may just have been replaced.
    const QTableWidgetItem *current = m_table->item(m_table->currentRow(), Alert);
    const QString selectedKey = current ? current->data(Qt::UserRole).toString() : QString();
    core::applyFunnelAlertStates(m_alerts, m_states, m_today);
    m_shown.clear();
    int unmuted = 0;
    for (const core::RaisedFunnelAlert &alert : m_alerts) {
        const QString &region = alert.alert.regionId;
        if (!m_regionId.isEmpty() && !region.isEmpty() && region != m_regionId)
            continue;
        const bool muted = alert.status == FunnelAlertStatus::Muted;
        unmuted += muted ? 0 : 1;
        if (!muted || m_showMuted->isChecked())
            m_shown.push_back(&alert);
    }
    m_table->setRowCount(int(m_shown.size()));
    for (int row = 0; row < int(m_shown.size()); ++row) {
        fillRow(row, *m_shown[std::size_t(row)]);
        if (m_shown[std::size_t(row)]->key == selectedKey)
            m_table->setCurrentCell(row, Alert);
    }
    m_showMuted->setText(tr("Show muted (%1)").arg(mutedCount()));
    m_summary->setText(summaryText(unmuted));
    updateButtons();
    Q_EMIT shownChanged(unmuted);
}

void FunnelAlertsPanel::fillRow(int row, const core::RaisedFunnelAlert &alert)
{
    QString status = core::funnelAlertStatusLabel(alert.status);
    if (alert.status == FunnelAlertStatus::Muted)
        status = alert.mutedUntil.isValid() ? tr("Muted until %1").arg(core::displayDate(alert.mutedUntil))
                                            : tr("Muted until unmuted");
    // The built-in rule's name in the language shown now, not the one it was raised in.
    const QString rule = alert.ruleId.isEmpty() ? core::builtInFunnelAlertRule().name : alert.ruleName;
    const core::FunnelAlertState *state = stateOf(alert);
    const QString texts[] = {core::funnelAlertText(alert.alert, regionNames(), m_data->history->productNames), rule,
                             status, state ? state->note : QString()};
    const QSignalBlocker filling(m_table);  // not an edit of the note
    for (int column = Alert; column <= Note; ++column) {
        auto *item = new QTableWidgetItem(texts[column]);
        if (column != Note)
            item->setFlags(item->flags() & ~Qt::ItemIsEditable);
        m_table->setItem(row, column, item);
    }
    m_table->item(row, Alert)->setData(Qt::UserRole, alert.key);
    m_table->item(row, Note)->setData(Qt::UserRole, alert.key);  // the alert, whatever row it is in by then
}

// unmuted: the alerts of the region shown that are not muted.
QString FunnelAlertsPanel::summaryText(int unmuted) const
{
    if (!m_data)
        return {};
    if (unmuted > 0)
        return tr("Stages whose recent weeks left their usual range, strongest first. Select one to acknowledge or "
                  "mute it.");
    if (mutedCount() > 0)
        return tr("No funnel alerts this week other than the muted ones.");
    if (m_rules.empty())
        return tr("No funnel alerts this week: conversion and time in each stage stayed within their usual range "
                  "(the same weeks of earlier quarters, or the 12 weeks before while the history is short).");
    return tr("No funnel alerts this week under your rules.");
}

const core::RaisedFunnelAlert *FunnelAlertsPanel::selected() const
{
    const int row = m_table->currentRow();
    return row >= 0 && row < int(m_shown.size()) ? m_shown[std::size_t(row)] : nullptr;
}

void FunnelAlertsPanel::updateButtons()
{
    const core::RaisedFunnelAlert *alert = selected();
    m_acknowledge->setEnabled(alert && alert->status == FunnelAlertStatus::Open);
    m_mute->setEnabled(alert && alert->status != FunnelAlertStatus::Muted);
    m_unmute->setEnabled(alert && alert->status == FunnelAlertStatus::Muted);
}

// Acknowledging or muting writes the alert's own key; unmuting writes the mute that hides it,
// which may be one made in an earlier week.
void FunnelAlertsPanel::setStatus(FunnelAlertStatus status, const QDate &mutedUntil)
{
    const core::RaisedFunnelAlert *alert = selected();
    if (!alert)
        return;
    const bool unmute = status == FunnelAlertStatus::Open;
    const core::FunnelAlertState *state = stateOf(*alert);
    m_controller->saveState({unmute ? alert->stateKey : alert->key, status, mutedUntil, state ? state->note : QString()},
                            alert->alert.regionId);
}

const core::FunnelAlertState *FunnelAlertsPanel::stateOf(const core::RaisedFunnelAlert &alert) const
{
    const QString &key = alert.stateKey.isEmpty() ? alert.key : alert.stateKey;
    const auto found = std::find_if(m_states.begin(), m_states.end(), [&key](const core::FunnelAlertState &s) { return s.alertKey == key; });
    return found == m_states.end() ? nullptr : &*found;
}

// A note is written on the state that decides the alert's status (a mute's, maybe of an earlier
// week), with that status kept; an alert nobody acted on gets an open state carrying the note.
void FunnelAlertsPanel::onNoteEdited(QTableWidgetItem *item)
{
    if (!item || item->column() != Note)
        return;
    const QString key = item->data(Qt::UserRole).toString();
    const auto found = std::find_if(m_alerts.begin(), m_alerts.end(), [&key](const core::RaisedFunnelAlert &a) { return a.key == key; });
    if (found == m_alerts.end())
        return;
    const core::RaisedFunnelAlert &alert = *found;
    const core::FunnelAlertState *state = stateOf(alert);
    const QString note = item->text().trimmed();
    if (note == (state ? state->note : QString()))
        return;
    core::FunnelAlertState written = state ? *state : core::FunnelAlertState{alert.key, FunnelAlertStatus::Open, {}, {}};
    written.note = note;
    m_controller->saveState(written, alert.alert.regionId);
}

void FunnelAlertsPanel::onStateSaved(const core::FunnelAlertState &state)
{
    const auto same = std::find_if(m_states.begin(), m_states.end(),
                                   [&](const core::FunnelAlertState &s) { return s.alertKey == state.alertKey; });
    if (same != m_states.end())
        *same = state;
    else
        m_states.push_back(state);
    fill();
}

FunnelAlertRulesDialog *FunnelAlertsPanel::rulesDialog() const
{
    return m_dialog;
}

void FunnelAlertsPanel::editRules()
{
    if (!m_data || m_dialog)
        return;
    m_dialog = new FunnelAlertRulesDialog(m_rules, regionNames(), m_data->history->productNames, m_data->history->userNames,
                                          m_data->funnel.companyWide, this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &QDialog::accepted, this, [this, dialog = m_dialog] { m_controller->saveRules(dialog->changes()); });
    m_dialog->open();
}

void FunnelAlertsPanel::onRulesSaved(const std::vector<core::FunnelAlertRule> &saved, const QStringList &removed)
{
    std::erase_if(m_rules, [&](const core::FunnelAlertRule &rule) { return removed.contains(rule.id); });
    for (const core::FunnelAlertRule &rule : saved) {
        const auto same = std::find_if(m_rules.begin(), m_rules.end(),
                                       [&](const core::FunnelAlertRule &r) { return r.id == rule.id; });
        if (same != m_rules.end())
            *same = rule;
        else
            m_rules.push_back(rule);
    }
    std::stable_sort(m_rules.begin(), m_rules.end(),
                     [](const core::FunnelAlertRule &a, const core::FunnelAlertRule &b) { return a.name < b.name; });
    Q_EMIT message(tr("Funnel alert rules saved. The alerts are raised again under them."), MessageBar::Level::Information);
    if (m_data)
        m_controller->raise(m_data->history, m_data->monday, m_rules);
}

// Region names in the UI language while the demo is open.
QHash<QString, QString> FunnelAlertsPanel::regionNames() const
{
    QHash<QString, QString> names;
    if (m_data)
        for (auto it = m_data->history->regionNames.cbegin(); it != m_data->history->regionNames.cend(); ++it)
            names.insert(it.key(), core::EnumLabels::dataName(it.value()));
    return names;
}

} // namespace vantage::ui
