#include "riskpipelinemodel.h"

#include "risklistmodel.h"

#include "analytics/riskreasons.h"
#include "domain/enumlabels.h"

namespace vantage::core {

RiskPipelineModel::RiskPipelineModel(QObject *parent) : QAbstractTableModel(parent) {}

void RiskPipelineModel::setAssessment(std::shared_ptr<const RiskHistory> history, const RiskAssessment &assessment)
{
    beginResetModel();
    m_history = std::move(history);
    m_scores = assessment.ranked;
    applyFilter();
    endResetModel();
}

void RiskPipelineModel::setFilter(const QString &regionId, const QString &ownerId)
{
    beginResetModel();
    m_region = regionId;
    m_owner = ownerId;
    applyFilter();
    endResetModel();
}

void RiskPipelineModel::applyFilter()
{
    m_shown.clear();
    for (std::size_t i = 0; i < m_scores.size(); ++i) {
        const RiskDeal &deal = *m_scores[i].row.state.deal;
        if ((m_region.isEmpty() || deal.regionId == m_region) && (m_owner.isEmpty() || deal.ownerId == m_owner))
            m_shown.push_back(i);
    }
}

void RiskPipelineModel::clear()
{
    beginResetModel();
    m_scores.clear();
    m_shown.clear();
    m_history.reset();
    endResetModel();
}

void RiskPipelineModel::retranslate()
{
    if (!m_shown.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

int RiskPipelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_shown.size());
}

int RiskPipelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RiskPipelineModel::displayText(std::size_t row, int column) const
{
    const RiskScore &score = m_scores[m_shown[row]];
    const DealState &state = score.row.state;
    switch (column) {
    case Rank: return QLocale().toString(qulonglong(row + 1));
    case Opportunity: return riskDealTitle(state.deal->kind, state.deal->name);
    case Region: return EnumLabels::dataName(m_history->regionNames.value(state.deal->regionId));
    case Owner: return riskOwnerText(m_history->userNames.value(state.deal->ownerId));
    case Amount: return riskAmountText(state.amountMinor, state.deal->currency);
    case Stage: return EnumLabels::stageName(state.stage->code, state.stage->name);
    case Risk: return QLocale().toString(qRound(score.probability * 100)) + QLatin1Char('%');
    case Reason:
        return score.reasons.empty() ? QString() : riskReasonText(riskReasonOf(score.reasons.front().first, state, score.row.features));
    }
    return {};
}

QVariant RiskPipelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == Qt::DisplayRole)
        return displayText(std::size_t(index.row()), index.column());
    if (role == Qt::TextAlignmentRole && (index.column() == Rank || index.column() == Amount || index.column() == Risk))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant RiskPipelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Rank: return tr("#");
    case Opportunity: return tr("Opportunity or order");
    case Region: return tr("Region");
    case Owner: return tr("Owner");
    case Amount: return tr("Amount");
    case Stage: return tr("Stage");
    case Risk: return tr("Risk");
    case Reason: return tr("Main reason");
    }
    return {};
}

} // namespace vantage::core
