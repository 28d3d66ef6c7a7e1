#pragma once

#include <QFrame>

class QLabel;

namespace vantage::ui {

// One headline figure on the dashboard: a caption, the value, and a line that explains it.
class KpiTile : public QFrame
{
    Q_OBJECT
public:
    explicit KpiTile(QWidget *parent = nullptr);

    void setCaption(const QString &caption);
    void setValue(const QString &value, const QString &toolTip = {});
    void setDetail(const QString &detail);

    QString caption() const;
    QString value() const;
    QString detail() const;

private:
    QLabel *m_caption = nullptr;
    QLabel *m_value = nullptr;
    QLabel *m_detail = nullptr;
};

} // namespace vantage::ui
