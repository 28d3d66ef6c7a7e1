#pragma once

#include "analytics/riskjob.h"
#include "analytics/riskloop.h"

#include <QWidget>

#include <memory>

class QLabel;
class QTableWidget;

namespace vantage::ui {

// The Risk page's "Follow-up by manager" tab: for each regional manager, the lists of their
// regions over this week and the seven before, how many entries got a follow-up and in how many
// the suggested step was taken. A follow-up saved on the page counts at once.
class RiskLoopView : public QWidget
{
    Q_OBJECT
public:
    enum Column { Manager, Regions, Lists, Entries, FollowedUp, ActedOn };

    explicit RiskLoopView(QWidget *parent = nullptr);

    void setData(std::shared_ptr<const core::RiskPageData> page);
    void setFollowUp(const core::RiskFollowUp &followUp);
    void clear();
    void retranslate();

    const std::vector<core::RiskLoopRow> &rows() const { return m_rows; }
    QTableWidget *table() const { return m_table; }

private:
    void refresh();

    std::shared_ptr<const core::RiskPageData> m_page;
    QHash<QString, core::RiskFollowUp> m_followUps;
    std::vector<core::RiskLoopRow> m_rows;
    QLabel *m_intro = nullptr;
    QTableWidget *m_table = nullptr;
};

} // namespace vantage::ui
