#pragma once

#include <QWidget>

class QLabel;

namespace vantage::ui {

// A page whose feature is not built yet: it says so plainly and what it will do.
class PlannedPage : public QWidget
{
    Q_OBJECT
public:
    enum class Feature { Dealers, Quotes, Contracts };

    explicit PlannedPage(Feature feature, QWidget *parent = nullptr);

    Feature feature() const { return m_feature; }
    QString headline() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    Feature m_feature;
    QLabel *m_title = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_description = nullptr;
};

} // namespace vantage::ui
