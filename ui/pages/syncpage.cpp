#include "syncpage.h"

#include "dialogs/conflictdialog.h"
#include "dialogs/refusedchangedialog.h"
#include "widgets/pagetitle.h"

#include "domain/enumlabels.h"

#include <QDateTime>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace vantage::ui {
namespace {

using Connection = sync::SyncStatus::Connection;

QString localTime(qint64 utcMs)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC).toLocalTime(), QLocale::ShortFormat);
}

QTableWidget *createTable(QWidget *parent, int columns)
{
    auto *table = new QTableWidget(0, columns, parent);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setWordWrap(true);
    return table;
}

void setRow(QTableWidget *table, int row, const QStringList &texts)
{
    for (int column = 0; column < texts.size(); ++column)
        table->setItem(row, column, new QTableWidgetItem(texts.at(column)));
}

QString shortId(const QString &id)
{
    return id.right(8);
}

} // namespace

SyncPage::SyncPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("syncPage"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    m_title = createPageTitle(this);
    layout->addWidget(m_title);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);
    buildStatus();
    layout->addLayout(m_form);
    auto *buttons = new QHBoxLayout;
    for (QPushButton **button : {&m_signIn, &m_signOut, &m_syncNow, &m_cancel}) {
        *button = new QPushButton(this);
        buttons->addWidget(*button);
    }
    m_progress = new QProgressBar(this);
    m_progress->setTextVisible(true);
    m_progress->hide();
    buttons->addWidget(m_progress, 1);
    buttons->addStretch();
    layout->addLayout(buttons);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("syncError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("#syncError { background: #fdecea; border: 1px solid #e57373; border-radius: 4px; padding: 6px; }"));
    m_error->hide();
    layout->addWidget(m_error);
    layout->addWidget(buildRefusedBox(), 3);
    layout->addWidget(buildConflictBox(), 3);
    layout->addStretch(1); // keeps the demo's short page at the top
    connect(m_signIn, &QPushButton::clicked, this, &SyncPage::signInRequested);
    retranslateUi();
    showStatus(m_status);
}

void SyncPage::buildStatus()
{
    m_form = new QFormLayout;
    for (QLabel **value : {&m_server, &m_user, &m_state, &m_lastSync, &m_waiting}) {
        *value = new QLabel(this);
        (*value)->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_form->addRow(new QLabel(this), *value);
    }
    m_state->setObjectName(QStringLiteral("syncState"));
}

QGroupBox *SyncPage::buildRefusedBox()
{
    m_refusedBox = new QGroupBox(this);
    auto *layout = new QVBoxLayout(m_refusedBox);
    m_refusedHint = new QLabel(m_refusedBox);
    m_refusedHint->setWordWrap(true);
    m_refusedTable = createTable(m_refusedBox, 3);
    m_refusedTable->setObjectName(QStringLiteral("refusedTable"));
    m_resend = new QPushButton(m_refusedBox);
    m_correct = new QPushButton(m_refusedBox);
    layout->addWidget(m_refusedHint);
    layout->addWidget(m_refusedTable, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_correct);
    buttons->addWidget(m_resend);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    m_resend->setEnabled(false);
    m_correct->setEnabled(false);
    connect(m_resend, &QPushButton::clicked, this, &SyncPage::resendSelected);
    connect(m_correct, &QPushButton::clicked, this, &SyncPage::correctSelected);
    connect(m_refusedTable, &QTableWidget::cellDoubleClicked, this, &SyncPage::correctSelected);
    connect(m_refusedTable, &QTableWidget::currentCellChanged, this, &SyncPage::updateRefusedButtons);
    return m_refusedBox;
}

QGroupBox *SyncPage::buildConflictBox()
{
    m_conflictBox = new QGroupBox(this);
    auto *layout = new QVBoxLayout(m_conflictBox);
    m_conflictHint = new QLabel(m_conflictBox);
    m_conflictHint->setWordWrap(true);
    m_conflictTable = createTable(m_conflictBox, 3);
    m_conflictTable->setObjectName(QStringLiteral("conflictTable"));
    auto *buttons = new QHBoxLayout;
    m_resolve = new QPushButton(m_conflictBox);
    m_reload = new QPushButton(m_conflictBox);
    buttons->addWidget(m_resolve);
    buttons->addWidget(m_reload);
    buttons->addStretch();
    layout->addWidget(m_conflictHint);
    layout->addWidget(m_conflictTable, 1);
    layout->addLayout(buttons);
    m_resolve->setEnabled(false);
    connect(m_resolve, &QPushButton::clicked, this, &SyncPage::resolveSelected);
    connect(m_conflictTable, &QTableWidget::cellDoubleClicked, this, &SyncPage::resolveSelected);
    return m_conflictBox;
}

void SyncPage::setController(sync::SyncController *controller)
{
    m_controller = controller;
    connect(controller, &sync::SyncController::statusChanged, this, &SyncPage::showStatus);
    connect(controller, &sync::SyncController::progressChanged, this, &SyncPage::showProgress);
    connect(controller, &sync::SyncController::issuesLoaded, this, &SyncPage::showIssues);
    connect(controller, &sync::SyncController::refusedChangeLoaded, this, &SyncPage::showRefusedChange);
    connect(controller, &sync::SyncController::actionFinished, this, [this](bool ok, const QString &text) {
        Q_EMIT message(text, !ok);
    });
    connect(m_signOut, &QPushButton::clicked, controller, &sync::SyncController::signOut);
    connect(m_syncNow, &QPushButton::clicked, controller, &sync::SyncController::syncNow);
    connect(m_cancel, &QPushButton::clicked, controller, &sync::SyncController::cancel);
    connect(m_reload, &QPushButton::clicked, controller, &sync::SyncController::loadIssues);
    showStatus(controller->status());
}

QString SyncPage::connectionText(const sync::SyncStatus &status)
{
    switch (status.connection) {
    case Connection::NotSynced: return tr("Not synced (demo data)");
    case Connection::SignedOut: return tr("Signed out");
    case Connection::Idle: return tr("Online");
    case Connection::Syncing: return tr("Syncing…");
    case Connection::Offline: return tr("Offline — will try again at %1").arg(localTime(status.nextAttemptMs));
    case Connection::Failed: return tr("Sync stopped — see the message below");
    }
    return {};
}

QString SyncPage::summary(const sync::SyncStatus &status)
{
    if (status.connection == Connection::NotSynced)
        return tr("Demo data — not synced");
    QString text = status.connection == Connection::Offline ? tr("Offline") : connectionText(status);
    if (status.lastSyncMs > 0)
        text += QStringLiteral(" · ") + tr("last sync %1").arg(localTime(status.lastSyncMs));
    if (status.pending > 0)
        text += QStringLiteral(" · ") + tr("%n change(s) to send", nullptr, static_cast<int>(status.pending));
    if (status.conflicts + status.rejected > 0)
        text += QStringLiteral(" · ") + tr("%n to resolve", nullptr, static_cast<int>(status.conflicts + status.rejected));
    return text;
}

void SyncPage::showStatus(const sync::SyncStatus &status)
{
    const bool countsChanged = m_status.rejected != status.rejected || m_status.conflicts != status.conflicts;
    const bool wasSyncing = m_status.connection == Connection::Syncing;
    m_status = status;
    const bool company = status.connection != Connection::NotSynced;
    const bool signedIn = company && status.connection != Connection::SignedOut;
    const bool syncing = status.connection == Connection::Syncing;
    m_server->setText(status.serverUrl.isEmpty() ? tr("none yet") : status.serverUrl);
    m_user->setText(status.login.isEmpty() ? tr("nobody") : status.login);
    m_state->setText(connectionText(status));
    m_lastSync->setText(status.lastSyncMs > 0 ? localTime(status.lastSyncMs) : tr("never"));
    m_waiting->setText(tr("%n change(s) waiting to be sent", nullptr, static_cast<int>(status.pending)));
    m_signIn->setVisible(!signedIn);
    m_signOut->setVisible(signedIn);
    m_syncNow->setEnabled(signedIn && !syncing);
    m_cancel->setVisible(syncing);
    m_progress->setVisible(syncing);
    if (syncing && !wasSyncing)
        showProgress(0, 0, tr("Connecting to %1…").arg(status.serverUrl));
    QString error = status.lastError;
    if (status.sessionOnly)
        error = tr("The system keychain is not available, so this sign-in lasts only until Vantage closes.");
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    m_refusedBox->setVisible(company);
    m_conflictBox->setVisible(company);
    for (QLabel *detail : {m_lastSync, m_waiting})
        m_form->setRowVisible(detail, company);
    retranslateUi();
    // After a sync, or when the counts moved, the lists follow.
    if (m_controller && company && !syncing && (wasSyncing || countsChanged))
        m_controller->loadIssues();
}

void SyncPage::showProgress(int value, int maximum, const QString &text)
{
    m_progress->setRange(0, maximum); // 0..0: busy, the total is not known in advance
    m_progress->setValue(value);
    m_progress->setFormat(text);
}

void SyncPage::showIssues(const std::vector<sync::OutboxEntry> &refused, const QJsonArray &conflicts, const QString &problem)
{
    m_refused.clear();
    for (const sync::OutboxEntry &entry : refused)
        if (entry.state == QLatin1String("rejected"))
            m_refused.push_back(entry);
    m_refusedTable->setRowCount(static_cast<int>(m_refused.size()));
    for (int row = 0; row < static_cast<int>(m_refused.size()); ++row) {
        const sync::OutboxEntry &entry = m_refused.at(static_cast<size_t>(row));
        setRow(m_refusedTable, row,
               {tr("%1 …%2").arg(core::EnumLabels::label(core::EnumLabels::Kind::Entity, entry.mutation.entity()), shortId(entry.mutation.id)),
                entry.mutation.set.keys().join(QStringLiteral(", ")), sync::refusalText(entry)});
    }
    m_conflicts = conflicts;
    m_conflictProblem = problem;
    m_conflictTable->setRowCount(static_cast<int>(conflicts.size()));
    for (int row = 0; row < conflicts.size(); ++row) {
        const QJsonObject c = conflicts.at(row).toObject();
        setRow(m_conflictTable, row,
               {tr("%1 …%2").arg(core::EnumLabels::label(core::EnumLabels::Kind::Entity, c.value(QStringLiteral("entity")).toString()),
                                 shortId(c.value(QStringLiteral("rowId")).toString())),
                localTime(c.value(QStringLiteral("createdAt")).toInteger()),
                QString::number(c.value(QStringLiteral("server")).toObject().value(QStringLiteral("version")).toInteger())});
    }
    m_refusedTable->resizeRowsToContents();
    if (!m_refused.empty() && m_refusedTable->currentRow() < 0)
        m_refusedTable->setCurrentCell(0, 0);
    updateRefusedButtons();
    m_resolve->setEnabled(!m_conflicts.isEmpty());
    retranslateUi();
}

void SyncPage::resendSelected()
{
    const int row = m_refusedTable->currentRow();
    if (m_controller && row >= 0 && row < static_cast<int>(m_refused.size()))
        m_controller->resend(m_refused.at(static_cast<size_t>(row)).mutation.mid);
}

void SyncPage::updateRefusedButtons()
{
    const int row = m_refusedTable->currentRow();
    const bool selected = row >= 0 && row < static_cast<int>(m_refused.size());
    m_resend->setEnabled(selected);
    m_correct->setEnabled(selected && sync::RefusedChange::ofFields(m_refused.at(static_cast<size_t>(row))));
}

void SyncPage::correctSelected()
{
    const int row = m_refusedTable->currentRow();
    if (m_controller && m_correct->isEnabled() && row >= 0 && row < static_cast<int>(m_refused.size()))
        m_controller->loadRefusedChange(m_refused.at(static_cast<size_t>(row)).mutation.mid);
}

void SyncPage::showRefusedChange(const sync::RefusedChange &change)
{
    if (!change.correctable()) {
        Q_EMIT message(sync::RefusedChange::notCorrectableText(), true);
        return;
    }
    auto *dialog = new RefusedChangeDialog(change, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const qint64 mid = change.entry.mutation.mid;
    connect(dialog, &QDialog::accepted, this, [this, dialog, mid] {
        if (m_controller)
            m_controller->replaceRefused(mid, dialog->fields());
    });
    dialog->open();
}

void SyncPage::resolveSelected()
{
    const int row = m_conflictTable->currentRow();
    if (!m_controller || row < 0 || row >= m_conflicts.size())
        return;
    const QJsonObject conflict = m_conflicts.at(row).toObject();
    ConflictDialog dialog(conflict, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_controller->resolveConflict(conflict.value(QStringLiteral("id")).toString(), conflict.value(QStringLiteral("mid")).toInteger(),
                                  dialog.resolution());
}

QString SyncPage::stateText() const { return m_state->text(); }
int SyncPage::refusedCount() const { return m_refusedTable->rowCount(); }
int SyncPage::conflictCount() const { return m_conflictTable->rowCount(); }

void SyncPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        showStatus(m_status);
    }
    QWidget::changeEvent(event);
}

void SyncPage::retranslateUi()
{
    m_title->setText(tr("Sync"));
    const bool company = m_status.connection != Connection::NotSynced;
    m_intro->setText(company ? tr("Your company's data lives on this computer and works offline. Changes you make wait in the "
                                  "outbox until the server confirms them; nothing is lost while you are offline.")
                             : tr("You are looking at the demo data, which is never synced. Sign in to your company's server "
                                  "to work with your company's data; it is kept in a separate database and the demo stays as it is."));
    const QStringList labels{tr("Server:"), tr("Signed in as:"), tr("State:"), tr("Last sync:"), tr("Outbox:")};
    for (int row = 0; row < labels.size(); ++row)
        static_cast<QLabel *>(m_form->itemAt(row, QFormLayout::LabelRole)->widget())->setText(labels.at(row));
    m_signIn->setText(tr("Sign in…"));
    m_signOut->setText(tr("Sign out"));
    m_syncNow->setText(tr("Sync now"));
    m_cancel->setText(tr("Cancel"));
    m_refusedBox->setTitle(tr("Changes the server refused (%1)").arg(m_refused.size()));
    m_refusedHint->setText(tr("Your refused values are kept here. Correct them and send, keep the server's values, or send them "
                              "again unchanged once what the server objected to is fixed."));
    m_refusedTable->setHorizontalHeaderLabels({tr("Record"), tr("Fields changed"), tr("Server's reason")});
    m_resend->setText(tr("Send again"));
    m_correct->setText(tr("Correct…"));
    m_correct->setToolTip(tr("Edit the values the server refused and send them, or keep the server's"));
    m_conflictBox->setTitle(tr("Conflicts to resolve (%1)").arg(m_conflicts.size()));
    m_conflictHint->setText(m_conflictProblem.isEmpty()
                                ? tr("A quote or contract was changed on the server and on this computer. Compare both "
                                     "versions and choose, field by field and line by line, what to keep.")
                                : m_conflictProblem);
    m_conflictTable->setHorizontalHeaderLabels({tr("Document"), tr("Since"), tr("Version on the server")});
    m_resolve->setText(tr("Compare and resolve…"));
    m_reload->setText(tr("Refresh list"));
}

} // namespace vantage::ui
