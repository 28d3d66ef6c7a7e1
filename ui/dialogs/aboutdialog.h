#pragma once

#include <QDialog>

class QLabel;
class QTabWidget;
class QTextBrowser;
class QDialogButtonBox;

namespace vantage::ui {

// Version, what Vantage is, and the origin and licence of every bundled data set.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);

    QString dataText() const;
    // Opens on the tab about the bundled data sets and their licences.
    void showBundledData();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QTabWidget *m_tabs = nullptr;
    QLabel *m_about = nullptr;
    QTextBrowser *m_data = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace vantage::ui
