#include "kpitile.h"

#include <QLabel>
#include <QVBoxLayout>

namespace vantage::ui {

KpiTile::KpiTile(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("kpiTile"));
    setStyleSheet(QStringLiteral("#kpiTile { background: palette(base); border: 1px solid palette(mid); border-radius: 6px; }"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 10, 14, 10);
    layout->setSpacing(2);
    m_caption = new QLabel(this);
    m_caption->setStyleSheet(QStringLiteral("color: #4a5563; font-weight: 600;"));
    m_caption->setWordWrap(true);
    m_value = new QLabel(this);
    QFont big = m_value->font();
    big.setPointSizeF(big.pointSizeF() * 1.7);
    big.setBold(true);
    m_value->setFont(big);
    m_detail = new QLabel(this);
    m_detail->setWordWrap(true);
    m_detail->setStyleSheet(QStringLiteral("color: #4a5563;"));
    layout->addWidget(m_caption);
    layout->addWidget(m_value);
    layout->addWidget(m_detail);
    layout->addStretch(1);
}

void KpiTile::setCaption(const QString &caption) { m_caption->setText(caption); }

void KpiTile::setValue(const QString &value, const QString &toolTip)
{
    m_value->setText(value);
    m_value->setToolTip(toolTip);
}

void KpiTile::setDetail(const QString &detail) { m_detail->setText(detail); }
QString KpiTile::caption() const { return m_caption->text(); }
QString KpiTile::value() const { return m_value->text(); }
QString KpiTile::detail() const { return m_detail->text(); }

} // namespace vantage::ui
