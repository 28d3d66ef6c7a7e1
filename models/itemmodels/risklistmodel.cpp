#include "risklistmodel.h"

#include "exporting/risklistsheet.h"

#include "domain/enumlabels.h"
#include "domain/money.h"

#include <QBrush>
#include <QColor>

namespace vantage::core {

QString riskAmountText(qint64 amountMinor, const QString &currency)
{
    const auto known = Currency::fromCode(currency);
    if (!known)
        return QString::number(amountMinor) + QLatin1Char(' ') + currency;
    return Money(amountMinor, *known).format(QLocale());
}

RiskListModel::RiskListModel(QObject *parent) : QAbstractTableModel(parent) {}

void RiskListModel::setLists(const std::vector<RiskSnapshot> &snapshots, const QHash<QString, RiskFollowUp> &followUps,
                             const QHash<QString, QString> &regionNames)
{
    beginResetModel();
    m_regionNames = regionNames;
    m_all.clear();
    for (const RiskSnapshot &snapshot : snapshots)
        m_all.insert(m_all.end(), snapshot.entries.begin(), snapshot.entries.end());
    m_followUps = followUps;
    applyFilter();
    endResetModel();
}

void RiskListModel::setFilter(const QString &regionId, const QString &ownerId)
{
    beginResetModel();
    m_region = regionId;
    m_owner = ownerId;
    applyFilter();
    endResetModel();
}

void RiskListModel::applyFilter()
{
    m_shown.clear();
    for (const RiskListEntry &entry : m_all)
        if ((m_region.isEmpty() || entry.regionId == m_region) && (m_owner.isEmpty() || entry.ownerId == m_owner))
            m_shown.push_back(&entry);
}

void RiskListModel::setFollowUp(const RiskFollowUp &followUp)
{
    m_followUps.insert(followUp.entryId, followUp);
    for (std::size_t row = 0; row < m_shown.size(); ++row)
        if (m_shown[row]->id == followUp.entryId)
            Q_EMIT dataChanged(index(int(row), FollowUp), index(int(row), FollowUp));
}

void RiskListModel::setActionRules(const QHash<QString, QString> &rules)
{
    m_rules = rules;
    if (!m_shown.empty())
        Q_EMIT dataChanged(index(0, Action), index(rowCount() - 1, Action));
}

void RiskListModel::clear()
{
    beginResetModel();
    m_all.clear();
    m_shown.clear();
    m_followUps.clear();
    endResetModel();
}

void RiskListModel::retranslate()
{
    if (!m_shown.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

const RiskListEntry *RiskListModel::entry(int row) const
{
    return row >= 0 && row < int(m_shown.size()) ? m_shown[std::size_t(row)] : nullptr;
}

std::optional<RiskFollowUp> RiskListModel::followUp(const QString &entryId) const
{
    const auto found = m_followUps.constFind(entryId);
    return found == m_followUps.constEnd() ? std::nullopt : std::optional<RiskFollowUp>(*found);
}

std::vector<RiskListEntry> RiskListModel::shownEntries() const
{
    std::vector<RiskListEntry> entries;
    for (const RiskListEntry *entry : m_shown)
        entries.push_back(*entry);
    return entries;
}

int RiskListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_shown.size());
}

int RiskListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RiskListModel::displayText(const RiskListEntry &entry, int column) const
{
    switch (column) {
    case Rank: return QLocale().toString(entry.rank);
    case Region: return EnumLabels::dataName(m_regionNames.value(entry.regionId));
    case Opportunity: return riskDealTitle(entry.kind, entry.opportunityName);
    case Customer: return entry.accountName;
    case Owner: return riskOwnerText(entry.ownerName);
    case Amount: return riskAmountText(entry.amountMinor, entry.currency);
    case Stage: return EnumLabels::stageName(entry.stageCode, entry.stageName);
    case Risk: return QLocale().toString(qRound(entry.riskBp / 100.0)) + QLatin1Char('%');
    case Change: return riskChangeText(entry);
    case Reasons: return riskReasonTexts(entry).join(QLatin1Char('\n'));
    case Action: return actionOf(entry);
    case FollowUp: {
        const auto done = followUp(entry.id);
        return followUpStatusLabel(done ? done->status : FollowUpStatus::Open);
    }
    }
    return {};
}

QVariant RiskListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RiskListEntry &entry = *m_shown[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return displayText(entry, index.column());
    case Qt::ToolTipRole:
        return index.column() == Reasons || index.column() == Action ? displayText(entry, index.column()) : QVariant();
    case Qt::TextAlignmentRole:
        if (index.column() == Rank || index.column() == Amount || index.column() == Risk)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignTop);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignTop);
    case Qt::ForegroundRole:
        if (index.column() == Change && entry.change == RiskChange::Up)
            return QBrush(QColor(0xb0, 0x3a, 0x2e));
        if (index.column() == Change && entry.change == RiskChange::Down)
            return QBrush(QColor(0x2e, 0x7d, 0x32));
        return {};
    default:
        return {};
    }
}

QVariant RiskListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Rank: return tr("#");
    case Region: return tr("Region");
    case Opportunity: return tr("Opportunity or order");
    case Customer: return tr("Customer");
    case Owner: return tr("Owner");
    case Amount: return tr("Amount");
    case Stage: return tr("Stage");
    case Risk: return tr("Risk");
    case Change: return tr("Change");
    case Reasons: return tr("Why");
    case Action: return tr("Suggested next step");
    case FollowUp: return tr("Follow-up");
    }
    return {};
}

} // namespace vantage::core
