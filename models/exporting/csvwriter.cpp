#include "csvwriter.h"

#include "exporting/exportfile.h"

namespace vantage::core {
namespace {

QString line(const QStringList &values, qsizetype width)
{
    QString text;
    for (qsizetype i = 0; i < width; ++i) {
        if (i > 0)
            text += u',';
        if (i < values.size())
            text += CsvWriter::field(values.at(i));
    }
    // A blank line is no record to most readers: one empty field is written as "".
    if (width == 1 && text.isEmpty())
        text = QStringLiteral("\"\"");
    return text + QStringLiteral("\r\n");
}

// Text that a spreadsheet would run as a formula (=, +, -, @, or a tab/CR first) gets a leading
// apostrophe: an exported customer name must never become a formula (OWASP "CSV injection").
QString neutralised(const QString &text)
{
    static const QString triggers = QStringLiteral("=+-@\t\r");
    return !text.isEmpty() && triggers.contains(text.front()) ? u'\'' + text : text;
}

QStringList rowValues(const TableRow &row)
{
    QStringList values;
    values.reserve(row.size());
    for (const TableCell &cell : row) {
        if (cell.kind == TableCell::Kind::Empty)
            values << QString();
        else
            values << (cell.kind == TableCell::Kind::Text ? neutralised(cell.value) : cell.value);
    }
    return values;
}

} // namespace

QString CsvWriter::field(const QString &value)
{
    const bool needsQuotes = value.contains(u',') || value.contains(u'"') || value.contains(u'\r')
        || value.contains(u'\n');
    if (!needsQuotes)
        return value;
    QString quoted = value;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QByteArray CsvWriter::toBytes(const TableSheet &sheet, const CsvOptions &options)
{
    const qsizetype width = sheet.columnCount();
    QString text = line(sheet.headers, width);
    for (const TableRow &row : sheet.rows)
        text += line(rowValues(row), width);
    QByteArray bytes = options.byteOrderMark ? QByteArray("\xEF\xBB\xBF") : QByteArray();
    return bytes + text.toUtf8();
}

Status CsvWriter::write(const QString &path, const TableSheet &sheet, const CsvOptions &options)
{
    return ExportFile::save(path, toBytes(sheet, options));
}

} // namespace vantage::core
