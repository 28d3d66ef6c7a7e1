#pragma once

#include "analytics/risksnapshot.h"

#include <QAbstractTableModel>

namespace vantage::core {

// The week's lists on the Risk page: one row per entry (rank, deal, owner, amount, risk, change,
// reasons, next action, follow-up). Filtered by region and owner; rows keep their stored order.
class RiskListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Rank, Region, Opportunity, Customer, Owner, Amount, Stage, Risk, Change, Reasons, Action, FollowUp, ColumnCount };

    explicit RiskListModel(QObject *parent = nullptr);

    // regionNames: region id → name, for the Region column.
    void setLists(const std::vector<RiskSnapshot> &snapshots, const QHash<QString, RiskFollowUp> &followUps,
                  const QHash<QString, QString> &regionNames);
    // "" = every region / owner.
    void setFilter(const QString &regionId, const QString &ownerId);
    void setFollowUp(const RiskFollowUp &followUp);
    // The company's next-step rules (reason code → step) for entries made without one.
    void setActionRules(const QHash<QString, QString> &rules);
    QString actionOf(const RiskListEntry &entry) const { return riskEntryAction(entry, m_rules); }
    void clear();
    void retranslate();

    const RiskListEntry *entry(int row) const;
    std::optional<RiskFollowUp> followUp(const QString &entryId) const;
    // The rows shown, for export.
    std::vector<RiskListEntry> shownEntries() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void applyFilter();
    QString displayText(const RiskListEntry &entry, int column) const;

    std::vector<RiskListEntry> m_all;
    std::vector<const RiskListEntry *> m_shown;
    QHash<QString, RiskFollowUp> m_followUps;
    QHash<QString, QString> m_regionNames;
    QHash<QString, QString> m_rules;
    QString m_region;
    QString m_owner;
};

// "US$4,821.00": an amount of an entry in its currency.
QString riskAmountText(qint64 amountMinor, const QString &currency);

} // namespace vantage::core
