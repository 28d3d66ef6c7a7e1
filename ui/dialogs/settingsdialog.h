#pragma once

#include "settings/appsettings.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QRadioButton;

namespace vantage::ui {

// Language and data source. Values IT has set system-wide are shown but cannot be changed.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(const core::AppSettings &settings, QWidget *parent = nullptr);

    QString language() const;   // system | en | zh_CN
    QString dataSource() const; // demo | company

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    const core::AppSettings &m_settings;
    QLabel *m_languageLabel = nullptr;
    QComboBox *m_language = nullptr;
    QLabel *m_dataLabel = nullptr;
    QRadioButton *m_demo = nullptr;
    QRadioButton *m_company = nullptr;
    QLabel *m_paths = nullptr;
    QLabel *m_locked = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace vantage::ui
