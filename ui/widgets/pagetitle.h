#pragma once

#include <QLabel>

namespace vantage::ui {

// The large bold heading at the top of every page.
inline QLabel *createPageTitle(QWidget *parent)
{
    auto *title = new QLabel(parent);
    QFont font = title->font();
    font.setPointSizeF(font.pointSizeF() * 1.5);
    font.setBold(true);
    title->setFont(font);
    return title;
}

} // namespace vantage::ui
