#pragma once

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

namespace vantage::test {

// The app under test keeps its data, settings and IT-managed settings in `home`, never the user's;
// call before the QApplication is made (QSettings reads these once).
inline void isolateHome(const QTemporaryDir &home)
{
    qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toUtf8());
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_CONFIG_DIRS", home.filePath(QStringLiteral("system-config")).toUtf8());
}

// The first visible widget of type T under root (a dialog the code under test opened), or null.
template<typename T>
T *visibleChild(QWidget *root)
{
    for (T *child : root->findChildren<T *>())
        if (child->isVisible())
            return child;
    return nullptr;
}

// Visible labels, buttons and combo boxes under root whose text does not fit their width:
// "ClassName 'text' needs N px, has M px". Used in both languages to catch clipped CJK text.
inline QStringList clippedTexts(QWidget *root)
{
    QStringList problems;
    const auto report = [&](QWidget *w, const QString &text, int needed, int available) {
        if (needed > available)
            problems << QStringLiteral("%1 '%2' needs %3 px, has %4 px")
                            .arg(QString::fromLatin1(w->metaObject()->className()), text)
                            .arg(needed)
                            .arg(available);
    };
    for (QLabel *label : root->findChildren<QLabel *>()) {
        if (!label->isVisible() || label->wordWrap() || label->text().isEmpty() || label->textFormat() == Qt::RichText
            || label->text().contains(u'<') || !label->pixmap().isNull())
            continue;
        for (const QString &line : label->text().split(u'\n'))
            report(label, line, label->fontMetrics().horizontalAdvance(line), label->contentsRect().width());
    }
    for (QAbstractButton *button : root->findChildren<QAbstractButton *>()) {
        if (!button->isVisible() || button->text().isEmpty())
            continue;
        QString text = button->text();
        text.remove(u'&');
        report(button, text, button->fontMetrics().horizontalAdvance(text), button->width());
    }
    for (QComboBox *combo : root->findChildren<QComboBox *>()) {
        if (!combo->isVisible() || combo->currentText().isEmpty())
            continue;
        report(combo, combo->currentText(), combo->fontMetrics().horizontalAdvance(combo->currentText()),
               combo->width() - 20 /* arrow */);
    }
    return problems;
}

// True when the text contains Chinese characters.
inline bool hasHan(const QString &text)
{
    for (const QChar c : text)
        if (c.script() == QChar::Script_Han)
            return true;
    return false;
}

} // namespace vantage::test
