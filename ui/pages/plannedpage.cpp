#include "plannedpage.h"

#include "widgets/pagetitle.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace vantage::ui {

PlannedPage::PlannedPage(Feature feature, QWidget *parent) : QWidget(parent), m_feature(feature)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    m_title = createPageTitle(this);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("plannedStatus"));
    m_status->setStyleSheet(QStringLiteral("#plannedStatus { background: #fff6dc; border: 1px solid #e8c35a; "
                                           "border-radius: 4px; padding: 8px; }"));
    m_status->setWordWrap(true);
    m_description = new QLabel(this);
    m_description->setWordWrap(true);
    m_description->setTextFormat(Qt::RichText);
    layout->addWidget(m_title);
    layout->addWidget(m_status);
    layout->addSpacing(8);
    layout->addWidget(m_description);
    layout->addStretch(1);
    retranslateUi();
}

QString PlannedPage::headline() const
{
    return m_status->text();
}

void PlannedPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void PlannedPage::retranslateUi()
{
    m_status->setText(tr("This page is not built yet. Nothing on it works in this version."));
    switch (m_feature) {
    case Feature::Dealers:
        m_title->setText(tr("Dealers"));
        m_description->setText(tr("<p>Planned: a credit score and a proposed credit limit for every dealer, with every "
                                  "point of the score explained; overrides need approval and are recorded.</p>"));
        break;
    case Feature::Quotes:
        m_title->setText(tr("Quotes"));
        m_description->setText(tr("<p>Planned: quotes that work offline, from price books, with discounts that need "
                                  "approval above a threshold, taxes per country, currencies, compliance checks "
                                  "and PDF output in Chinese and English.</p>"));
        break;
    case Feature::Contracts:
        m_title->setText(tr("Contracts"));
        m_description->setText(tr("<p>Planned: contracts generated from accepted quotes, with standard clauses, "
                                  "approval and signature status, in Chinese and English.</p>"));
        break;
    }
}

} // namespace vantage::ui
