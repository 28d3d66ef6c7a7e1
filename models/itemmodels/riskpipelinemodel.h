#pragma once

#include "analytics/riskassessment.h"

#include <QAbstractTableModel>

#include <memory>

namespace vantage::core {

// The whole open pipeline on the Risk page, riskiest first, with the first reason of each deal.
class RiskPipelineModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Rank, Opportunity, Region, Owner, Amount, Stage, Risk, Reason, ColumnCount };

    explicit RiskPipelineModel(QObject *parent = nullptr);

    // The assessment's scores point into history, which the model keeps alive.
    void setAssessment(std::shared_ptr<const RiskHistory> history, const RiskAssessment &assessment);
    void setFilter(const QString &regionId, const QString &ownerId);
    void clear();
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void applyFilter();
    QString displayText(std::size_t row, int column) const;

    std::shared_ptr<const RiskHistory> m_history;
    std::vector<RiskScore> m_scores;
    std::vector<std::size_t> m_shown;  // indices into m_scores
    QString m_region;
    QString m_owner;
};

} // namespace vantage::core
