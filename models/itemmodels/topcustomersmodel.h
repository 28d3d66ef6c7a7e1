#pragma once

#include "storage/dashboarddata.h"

#include <QAbstractTableModel>

namespace vantage::core {

// The dashboard's top customers by sales in the last 12 months, with their share of all sales.
class TopCustomersModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Rank, Customer, Kind, Region, Orders, Sales, Share, ColumnCount };

    explicit TopCustomersModel(QObject *parent = nullptr);

    void setData(const DashboardData &data);
    // Re-reads headers and labels in the current language.
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString displayText(const CustomerSales &row, int column, int rank) const;

    std::vector<CustomerSales> m_rows;
    qint64 m_totalMinor = 0;
    QString m_currency = QStringLiteral("USD");
};

} // namespace vantage::core
