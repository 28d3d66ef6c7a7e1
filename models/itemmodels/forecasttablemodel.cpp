#include "forecasttablemodel.h"

#include <QFont>

#include <cmath>

namespace vantage::core {
namespace {

std::optional<double> finite(double value)
{
    return std::isfinite(value) ? std::optional<double>(value) : std::nullopt;
}

template<typename V>
std::optional<double> at(const V &values, std::size_t i)
{
    return i < values.size() ? finite(values[i]) : std::nullopt;
}

} // namespace

ForecastTableModel::ForecastTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void ForecastTableModel::setNode(const ForecastReport &report, const ForecastNode *node)
{
    beginResetModel();
    m_rows.clear();
    m_currency = Currency::fromCode(report.currency).value_or(Currency::usd());
    m_granularity = report.request.granularity;
    if (node) {
        const int history = report.historyLength;
        const auto target = [&](int t) {
            return std::size_t(t) < node->targets.size() ? node->targets[std::size_t(t)] : std::nullopt;
        };
        for (int t = std::max(0, history - kHistoryRows); t < history; ++t)
            m_rows.push_back({report.periods[std::size_t(t)], at(node->history, std::size_t(t)), {}, {}, {}, {}, {},
                              target(t)});
        const ForecastResult &f = node->forecast;
        for (int h = 0; h < report.horizon && history + h < int(report.periods.size()); ++h) {
            const auto i = std::size_t(h);
            m_rows.push_back({report.periods[std::size_t(history + h)], {}, at(f.mean, i), at(f.band80.lower, i),
                              at(f.band80.upper, i), at(f.band95.lower, i), at(f.band95.upper, i), target(history + h)});
        }
    }
    endResetModel();
}

void ForecastTableModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

void ForecastTableModel::retranslate()
{
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

int ForecastTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ForecastTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ForecastTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole: return displayText(row, index.column());
    case Qt::TextAlignmentRole:
        return index.column() == Period ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                        : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::FontRole:
        if (row.actual) { // actuals read as the past (italic); the forecast rows carry the weight
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    default: return {};
    }
}

QString ForecastTableModel::displayText(const Row &row, int column) const
{
    const QLocale locale;
    const auto amount = [&](const std::optional<double> &v) { return v ? money(*v, m_currency).format(locale) : QString(); };
    switch (column) {
    case Period: return periodLabel(row.period, m_granularity, locale);
    case Actual: return amount(row.actual);
    case Forecast: return amount(row.forecast);
    case Range80: return range(row.low80, row.high80);
    case Range95: return range(row.low95, row.high95);
    case Target: return amount(row.target);
    }
    return {};
}

QString ForecastTableModel::range(const std::optional<double> &low, const std::optional<double> &high) const
{
    if (!low || !high)
        return {};
    const QLocale locale;
    return tr("%1 – %2", "a range of amounts, low – high")
        .arg(money(*low, m_currency).format(locale), money(*high, m_currency).format(locale));
}

QVariant ForecastTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Period: return tr("Period");
    case Actual: return tr("Actual");
    case Forecast: return tr("Forecast");
    case Range80: return tr("80% range");
    case Range95: return tr("95% range");
    case Target: return tr("Target");
    }
    return {};
}

TableSheet ForecastTableModel::sheet(const QString &name) const
{
    TableSheet sheet;
    sheet.name = name;
    const QString code = m_currency.code();
    sheet.headers = {tr("Period"), tr("Period start"), tr("Actual (%1)").arg(code), tr("Forecast (%1)").arg(code),
                     tr("80% low (%1)").arg(code), tr("80% high (%1)").arg(code), tr("95% low (%1)").arg(code),
                     tr("95% high (%1)").arg(code), tr("Target (%1)").arg(code)};
    const QString format = m_currency.minorDigits() > 0 ? QStringLiteral("#,##0.00") : QStringLiteral("#,##0");
    const auto cell = [&](const std::optional<double> &v) {
        return v ? TableCell::money(money(*v, m_currency), format) : TableCell::empty();
    };
    const QLocale locale;
    for (const Row &row : m_rows)
        sheet.rows.append({TableCell::text(periodLabel(row.period, m_granularity, locale)),
                           TableCell::text(row.period.toString(Qt::ISODate)), cell(row.actual), cell(row.forecast),
                           cell(row.low80), cell(row.high80), cell(row.low95), cell(row.high95), cell(row.target)});
    return sheet;
}

QString ForecastTableModel::periodLabel(const QDate &start, ForecastGranularity granularity, const QLocale &locale)
{
    if (granularity == ForecastGranularity::Quarter)
        return tr("Q%1 %2", "quarter and year, e.g. Q4 2026").arg((start.month() - 1) / 3 + 1).arg(start.year());
    return locale.toString(start, tr("MMM yyyy", "month and year of a forecast period"));
}

Money ForecastTableModel::money(double major, const Currency &currency)
{
    const double minor = std::round(major * std::pow(10.0, currency.minorDigits()));
    if (!std::isfinite(minor) || std::abs(minor) > 9.0e18)
        return Money(0, currency);
    return Money(qint64(minor), currency);
}

} // namespace vantage::core
