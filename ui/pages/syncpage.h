#pragma once

#include "sync/synccontroller.h"

#include <QWidget>

class QFormLayout;
class QGroupBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace vantage::ui {

// The Sync page: where the company data stands with the server (signed in as whom, online or not,
// last sync, changes waiting), Sync now / Cancel with progress, the changes the server refused with
// its reasons (kept for the user to send again), and the document conflicts to resolve.
class SyncPage : public QWidget
{
    Q_OBJECT
public:
    explicit SyncPage(QWidget *parent = nullptr);

    void setController(sync::SyncController *controller);
    // One line for the status bar: online/offline, last sync, pending changes, conflicts.
    static QString summary(const sync::SyncStatus &status);
    static QString connectionText(const sync::SyncStatus &status);
    QString stateText() const;
    int refusedCount() const;
    int conflictCount() const;

Q_SIGNALS:
    void signInRequested();
    void message(const QString &text, bool problem);

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildStatus();
    QGroupBox *buildRefusedBox();
    QGroupBox *buildConflictBox();
    void showStatus(const sync::SyncStatus &status);
    void showProgress(int value, int maximum, const QString &text);
    void showIssues(const std::vector<sync::OutboxEntry> &refused, const QJsonArray &conflicts, const QString &problem);
    void resendSelected();
    void correctSelected();
    void showRefusedChange(const sync::RefusedChange &change);
    void updateRefusedButtons();
    void resolveSelected();
    void retranslateUi();

    sync::SyncController *m_controller = nullptr;
    sync::SyncStatus m_status;
    std::vector<sync::OutboxEntry> m_refused;
    QJsonArray m_conflicts;
    QString m_conflictProblem;

    QLabel *m_title = nullptr;
    QLabel *m_intro = nullptr;
    QFormLayout *m_form = nullptr;
    QLabel *m_server = nullptr;
    QLabel *m_user = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_lastSync = nullptr;
    QLabel *m_waiting = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_signIn = nullptr;
    QPushButton *m_signOut = nullptr;
    QPushButton *m_syncNow = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QGroupBox *m_refusedBox = nullptr;
    QLabel *m_refusedHint = nullptr;
    QTableWidget *m_refusedTable = nullptr;
    QPushButton *m_resend = nullptr;
    QPushButton *m_correct = nullptr;
    QGroupBox *m_conflictBox = nullptr;
    QLabel *m_conflictHint = nullptr;
    QTableWidget *m_conflictTable = nullptr;
    QPushButton *m_resolve = nullptr;
    QPushButton *m_reload = nullptr;
};

} // namespace vantage::ui
