#include "logindialog.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace vantage::ui {

LoginDialog::LoginDialog(const QString &serverUrl, bool serverLocked, const QString &login, QWidget *parent)
    : QDialog(parent), m_serverLocked(serverLocked)
{
    setObjectName(QStringLiteral("loginDialog"));
    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);
    auto *form = new QFormLayout;
    m_serverLabel = new QLabel(this);
    m_server = new QLineEdit(serverUrl, this);
    m_server->setObjectName(QStringLiteral("server"));
    m_server->setReadOnly(serverLocked);
    m_loginLabel = new QLabel(this);
    m_login = new QLineEdit(login, this);
    m_login->setObjectName(QStringLiteral("login"));
    m_passwordLabel = new QLabel(this);
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(m_serverLabel, m_server);
    form->addRow(m_loginLabel, m_login);
    form->addRow(m_passwordLabel, m_password);
    layout->addLayout(form);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_problem->hide();
    layout->addWidget(m_problem);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &LoginDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    (serverUrl.isEmpty() ? m_server : login.isEmpty() ? m_login : m_password)->setFocus();
    retranslateUi();
    setMinimumWidth(520);
}

QString LoginDialog::checkServerUrl(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (text.trimmed().isEmpty())
        return tr("Enter the server address your administrator gave you, for example https://vantage.example.com.");
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
        return tr("“%1” is not a server address; it should look like https://vantage.example.com.").arg(text.trimmed());
    const bool local = url.host() == QLatin1String("localhost") || url.host() == QLatin1String("127.0.0.1");
    if (url.scheme() == QLatin1String("http") && !local)
        return tr("The address must start with https:// so that your password and data travel encrypted (plain http:// "
                  "is accepted only for a server on this computer).");
    return {};
}

void LoginDialog::submit()
{
    QString problem = checkServerUrl(m_server->text());
    if (problem.isEmpty() && m_login->text().trimmed().isEmpty())
        problem = tr("Enter your login.");
    if (problem.isEmpty() && m_password->text().isEmpty())
        problem = tr("Enter your password.");
    if (!problem.isEmpty())
        return setOutcome(false, problem);
    m_problem->hide();
    m_buttons->setEnabled(false);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Signing in…"));
    Q_EMIT signInRequested(m_server->text().trimmed(), m_login->text().trimmed(), m_password->text());
}

void LoginDialog::setOutcome(bool ok, const QString &message)
{
    m_password->clear();
    if (ok)
        return accept();
    m_buttons->setEnabled(true);
    retranslateUi();
    m_problem->setText(message);
    m_problem->show();
}

void LoginDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void LoginDialog::retranslateUi()
{
    setWindowTitle(tr("Sign in to your company's server"));
    m_intro->setText(tr("Your company's data is kept on this computer and synced with the server whenever you are "
                        "online. Your password is not stored; the sign-in is kept in the system keychain."));
    m_serverLabel->setText(m_serverLocked ? tr("Server (set by your IT department):") : tr("Server:"));
    m_loginLabel->setText(tr("Login:"));
    m_passwordLabel->setText(tr("Password:"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Sign in"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
}

} // namespace vantage::ui
