#pragma once

#include "domain/decimal.h"
#include "domain/money.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <algorithm>

namespace vantage::core {

// One cell of an exported table: empty, text, or a number kept as an exact decimal string
// ("-1234567.89", never a double) with an optional spreadsheet number format ("#,##0.00", "0.0%").
struct TableCell
{
    enum class Kind { Empty, Text, Number };

    Kind kind = Kind::Empty;
    QString value;        // the text, or a plain decimal: optional '-', digits, optional '.' and digits
    QString numberFormat; // Excel format code for a number; empty means General. CSV ignores it

    static TableCell empty() { return {}; }
    static TableCell text(QString text) { return {Kind::Text, std::move(text), {}}; }
    static TableCell number(QString decimal, QString format = {})
    {
        return {Kind::Number, std::move(decimal), std::move(format)};
    }
    static TableCell number(const Decimal &value, QString format = {})
    {
        return number(value.toString(), std::move(format));
    }
    // The amount in major units ("1234.50" for CNY); the currency goes in the column header.
    static TableCell money(const Money &value, QString format = QStringLiteral("#,##0.00"))
    {
        return number(value.toPlainString(), std::move(format));
    }

    friend bool operator==(const TableCell &, const TableCell &) = default;
};

using TableRow = QList<TableCell>;

// A sheet to export: its name (a tab in .xlsx, unused in CSV), the header row and the data rows.
// Rows may be shorter than the header; missing cells are empty.
struct TableSheet
{
    QString name;
    QStringList headers;
    QList<TableRow> rows;

    // The widest of the header and every row.
    qsizetype columnCount() const
    {
        qsizetype count = headers.size();
        for (const TableRow &row : rows)
            count = std::max(count, row.size());
        return count;
    }
};

} // namespace vantage::core
