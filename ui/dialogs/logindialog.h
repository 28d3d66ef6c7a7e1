#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace vantage::ui {

// Sign-in to the company's server: server address (fixed when IT set it), login and password.
// The dialog stays open, busy, until the app reports the outcome (setOutcome); the password is
// handed over once and never stored.
class LoginDialog : public QDialog
{
    Q_OBJECT
public:
    LoginDialog(const QString &serverUrl, bool serverLocked, const QString &login, QWidget *parent = nullptr);

    // "" when the address is acceptable, else what is wrong with it (translated).
    static QString checkServerUrl(const QString &url);
    void setOutcome(bool ok, const QString &message);

Q_SIGNALS:
    void signInRequested(const QString &serverUrl, const QString &login, const QString &password);

protected:
    void changeEvent(QEvent *event) override;

private:
    void submit();
    void retranslateUi();

    QLabel *m_intro = nullptr;
    QLabel *m_serverLabel = nullptr;
    QLabel *m_loginLabel = nullptr;
    QLabel *m_passwordLabel = nullptr;
    QLineEdit *m_server = nullptr;
    QLineEdit *m_login = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_serverLocked = false;
};

} // namespace vantage::ui
