#include "superstoresource.h"

#include "csvreader.h"
#include "rowchecker.h"

#include <QCoreApplication>

#include <limits>

namespace vantage::core {
namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::core::SuperstoreSource)
};

const QStringList kColumns{
    QStringLiteral("Row ID"),      QStringLiteral("Order ID"),    QStringLiteral("Order Date"),
    QStringLiteral("Ship Date"),   QStringLiteral("Ship Mode"),   QStringLiteral("Customer ID"),
    QStringLiteral("Customer Name"), QStringLiteral("Segment"),   QStringLiteral("Country"),
    QStringLiteral("City"),        QStringLiteral("State"),       QStringLiteral("Postal Code"),
    QStringLiteral("Region"),      QStringLiteral("Product ID"),  QStringLiteral("Category"),
    QStringLiteral("Sub-Category"), QStringLiteral("Product Name"), QStringLiteral("Sales"),
    QStringLiteral("Quantity"),    QStringLiteral("Discount"),    QStringLiteral("Profit"),
};

qint64 cents(RowChecker &row, const QString &column, const std::optional<Decimal> &value)
{
    if (!value)
        return 0;
    auto minor = value->scaledTo(2, Rounding::HalfUp);
    if (!minor) {
        row.fail(column, minor.error().message);
        return 0;
    }
    return minor.value();
}

std::optional<SuperstoreLine> parse(const CsvRecord &record, const QHash<QString, int> &columns,
                                    const QString &file, ImportReport &report)
{
    RowChecker row(report, file, record.line, record.fields, columns);
    row.expectFieldCount(static_cast<int>(kColumns.size()));
    SuperstoreLine l;
    l.line = record.line;
    l.rowId = row.integer(QStringLiteral("Row ID"), 1, std::numeric_limits<qint64>::max()).value_or(0);
    l.orderId = row.text(QStringLiteral("Order ID"));
    l.orderDate = row.date(QStringLiteral("Order Date"));
    l.shipDate = row.date(QStringLiteral("Ship Date"));
    l.shipMode = row.text(QStringLiteral("Ship Mode"));
    l.customerId = row.text(QStringLiteral("Customer ID"));
    l.customerName = row.text(QStringLiteral("Customer Name"));
    l.segment = row.text(QStringLiteral("Segment"));
    l.country = row.text(QStringLiteral("Country"));
    l.city = row.text(QStringLiteral("City"));
    l.state = row.text(QStringLiteral("State"));
    l.postalCode = row.text(QStringLiteral("Postal Code"), false);
    l.region = row.text(QStringLiteral("Region"));
    l.productId = row.text(QStringLiteral("Product ID"));
    l.category = row.text(QStringLiteral("Category"));
    l.subCategory = row.text(QStringLiteral("Sub-Category"));
    l.productName = row.text(QStringLiteral("Product Name"));
    l.salesMinor = cents(row, QStringLiteral("Sales"), row.decimal(QStringLiteral("Sales")));
    l.quantity = row.integer(QStringLiteral("Quantity"), 1, 1000000).value_or(0);
    const auto discount = row.decimal(QStringLiteral("Discount"));
    if (discount) {
        auto bp = discount->scaledTo(4);
        if (!bp || bp.value() < 0 || bp.value() >= 10000)
            row.fail(QStringLiteral("Discount"), Tr::tr("a discount must be at least 0 and less than 1"));
        else
            l.discountBp = bp.value();
    }
    l.profitMinor = cents(row, QStringLiteral("Profit"), row.decimal(QStringLiteral("Profit")));
    if (row.ok() && l.salesMinor < 0)
        row.fail(QStringLiteral("Sales"), Tr::tr("sales must not be negative"));
    if (row.ok() && l.shipDate < l.orderDate)
        row.fail(QStringLiteral("Ship Date"), Tr::tr("the ship date is before the order date"));
    if (row.ok() && l.segment != QLatin1String("Consumer") && l.segment != QLatin1String("Corporate")
        && l.segment != QLatin1String("Home Office"))
        row.fail(QStringLiteral("Segment"), Tr::tr("unknown segment \"%1\"").arg(l.segment));
    if (!row.ok())
        return std::nullopt;
    return l;
}

} // namespace

Result<std::vector<SuperstoreLine>> SuperstoreSource::read(const QString &path, ImportReport &report)
{
    CsvReader reader(path);
    if (auto opened = reader.open(); !opened)
        return opened.error();
    auto columns = reader.columnIndexes(kColumns);
    if (!columns)
        return columns.error();
    std::vector<SuperstoreLine> lines;
    lines.reserve(10000);
    CsvRecord record;
    QString problem;
    qint64 read = 0;
    while (reader.next(record, &problem)) {
        ++read;
        if (!problem.isEmpty()) {
            report.add({ImportIssue::Severity::RowSkipped, fileName(), record.line, QString(), problem});
            continue;
        }
        if (auto line = parse(record, columns.value(), fileName(), report))
            lines.push_back(std::move(*line));
    }
    report.rowsRead[fileName()] = read;
    return lines;
}

} // namespace vantage::core
