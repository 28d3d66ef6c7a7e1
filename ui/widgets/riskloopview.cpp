#include "riskloopview.h"

#include "domain/enumlabels.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

namespace vantage::ui {

namespace {

QTableWidgetItem *cell(const QString &text, Qt::Alignment alignment = Qt::AlignLeft | Qt::AlignVCenter)
{
    auto *item = new QTableWidgetItem(text);
    item->setTextAlignment(alignment);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    return item;
}

} // namespace

RiskLoopView::RiskLoopView(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);
    m_table = new QTableWidget(0, 6, this);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(Regions, QHeaderView::Stretch);  // figures stay by their headers
    layout->addWidget(m_table, 1);
    retranslate();
}

void RiskLoopView::setData(std::shared_ptr<const core::RiskPageData> page)
{
    m_page = std::move(page);
    m_followUps = m_page ? m_page->followUps : QHash<QString, core::RiskFollowUp>();
    refresh();
}

void RiskLoopView::setFollowUp(const core::RiskFollowUp &followUp)
{
    m_followUps.insert(followUp.entryId, followUp);
    refresh();
}

void RiskLoopView::clear()
{
    setData(nullptr);
}

void RiskLoopView::retranslate()
{
    m_intro->setText(tr("Each regional manager's lists over this week and the seven before: how many entries got a "
                        "follow-up, and in how many the suggested step was taken."));
    m_table->setHorizontalHeaderLabels({tr("Manager"), tr("Regions"), tr("Lists"), tr("Entries"), tr("Followed up"),
                                        tr("Took the suggested step")});
    refresh();
}

void RiskLoopView::refresh()
{
    m_rows = m_page ? core::riskLoopByManager(m_page->loopLists, m_followUps, *m_page->history)
                    : std::vector<core::RiskLoopRow>();
    m_table->setRowCount(int(m_rows.size()));
    const QLocale locale;
    const auto share = [&locale](int part, int whole, double rate) {
        return whole == 0 ? QStringLiteral("–")
                          : tr("%1 of %2 (%3%)").arg(locale.toString(part), locale.toString(whole),
                                                     locale.toString(qRound(rate * 100)));
    };
    const Qt::Alignment right = Qt::AlignRight | Qt::AlignVCenter;
    for (int r = 0; r < int(m_rows.size()); ++r) {
        const core::RiskLoopRow &row = m_rows[std::size_t(r)];
        QStringList regions;
        for (const QString &region : row.regionIds)
            regions << core::EnumLabels::dataName(m_page->history->regionNames.value(region, region));
        m_table->setItem(r, Manager, cell(row.managerName));
        m_table->setItem(r, Regions, cell(regions.join(QStringLiteral(", "))));
        m_table->setItem(r, Lists, cell(locale.toString(row.lists), right));
        m_table->setItem(r, Entries, cell(locale.toString(row.entries), right));
        m_table->setItem(r, FollowedUp, cell(share(row.followedUp, row.entries, row.followUpRate()), right));
        m_table->setItem(r, ActedOn, cell(share(row.actedOnSuggestion, row.entries, row.actedRate()), right));
    }
}

} // namespace vantage::ui
