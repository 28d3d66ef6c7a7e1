#include "settingsdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace vantage::ui {

SettingsDialog::SettingsDialog(const core::AppSettings &settings, QWidget *parent)
    : QDialog(parent), m_settings(settings)
{
    setObjectName(QStringLiteral("settingsDialog"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_languageLabel = new QLabel(this);
    m_language = new QComboBox(this);
    // Language names are written in their own language, so anyone can find theirs.
    m_language->addItem(QString(), QStringLiteral("system"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(settings.language())));
    m_language->setEnabled(!settings.isLocked(core::AppSettings::kLanguage));
    form->addRow(m_languageLabel, m_language);

    m_dataLabel = new QLabel(this);
    auto *sources = new QVBoxLayout;
    m_demo = new QRadioButton(this);
    m_company = new QRadioButton(this);
    (settings.dataSource() == QLatin1String("company") ? m_company : m_demo)->setChecked(true);
    const bool sourceLocked = settings.isLocked(core::AppSettings::kDataSource);
    m_demo->setEnabled(!sourceLocked);
    m_company->setEnabled(!sourceLocked);
    sources->addWidget(m_demo);
    sources->addWidget(m_company);
    m_paths = new QLabel(this);
    m_paths->setWordWrap(true);
    m_paths->setTextInteractionFlags(Qt::TextSelectableByMouse);
    sources->addWidget(m_paths);
    form->addRow(m_dataLabel, sources);
    layout->addLayout(form);

    m_locked = new QLabel(this);
    m_locked->setWordWrap(true);
    m_locked->setVisible(!m_language->isEnabled() || sourceLocked);
    layout->addWidget(m_locked);
    layout->addStretch(1);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    retranslateUi();
    setMinimumWidth(560);
}

QString SettingsDialog::language() const
{
    return m_language->currentData().toString();
}

QString SettingsDialog::dataSource() const
{
    return m_company->isChecked() ? QStringLiteral("company") : QStringLiteral("demo");
}

void SettingsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void SettingsDialog::retranslateUi()
{
    setWindowTitle(tr("Settings"));
    m_languageLabel->setText(tr("Language:"));
    m_language->setItemText(0, tr("Same as the system"));
    m_dataLabel->setText(tr("Data:"));
    m_demo->setText(tr("Demo database (public sample data, safe to explore)"));
    m_company->setText(tr("Company database (filled from your company's server by sync)"));
    m_paths->setText(tr("Demo: %1\nCompany: %2").arg(m_settings.demoDatabasePath(), m_settings.companyDatabasePath()));
    m_locked->setText(tr("Some settings are managed by your IT department and cannot be changed here."));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("OK"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
}

} // namespace vantage::ui
