#include "topcustomersmodel.h"

#include "domain/enumlabels.h"
#include "domain/money.h"
#include "domain/percent.h"

#include <QLocale>

namespace vantage::core {

TopCustomersModel::TopCustomersModel(QObject *parent) : QAbstractTableModel(parent) {}

void TopCustomersModel::setData(const DashboardData &data)
{
    beginResetModel();
    m_rows = data.topCustomers;
    m_totalMinor = data.kpis.salesLast12Minor;
    m_currency = data.filter.currency;
    endResetModel();
}

void TopCustomersModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int TopCustomersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int TopCustomersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString TopCustomersModel::displayText(const CustomerSales &row, int column, int rank) const
{
    const QLocale locale;
    const Currency currency = Currency::fromCode(m_currency).value_or(Currency::usd());
    switch (column) {
    case Rank: return locale.toString(rank);
    case Customer: return row.name.isEmpty() ? tr("(account not in your regions)") : row.name;
    case Kind: return EnumLabels::label(EnumLabels::Kind::AccountKind, row.kind);
    case Region: return EnumLabels::dataName(row.regionName);
    case Orders: return locale.toString(row.orders);
    case Sales: return Money(row.amountMinor, currency).format(locale);
    case Share:
        return m_totalMinor > 0 ? formatPercent(row.amountMinor, m_totalMinor, locale) : QString();
    default: return QString();
    }
}

QVariant TopCustomersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CustomerSales &row = m_rows.at(static_cast<size_t>(index.row()));
    if (role == Qt::DisplayRole)
        return displayText(row, index.column(), index.row() + 1);
    if (role == Qt::TextAlignmentRole) {
        const bool numeric = index.column() == Rank || index.column() == Orders || index.column() == Sales
            || index.column() == Share;
        return QVariant((numeric ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    }
    if (role == Qt::UserRole)
        return row.accountId;
    return {};
}

QVariant TopCustomersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Rank: return tr("#");
    case Customer: return tr("Customer");
    case Kind: return tr("Type");
    case Region: return tr("Home region");
    case Orders: return tr("Orders");
    case Sales: return tr("Sales, last 12 months");
    case Share: return tr("Share");
    default: return {};
    }
}

} // namespace vantage::core
