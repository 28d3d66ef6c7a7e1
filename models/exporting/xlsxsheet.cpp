#include "xlsxsheet.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace vantage::core {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::core::XlsxSheet)
};

constexpr int kMinWidth = 8;
constexpr int kMaxWidth = 60;

bool isXmlChar(char32_t c)
{
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
}

bool isWide(char32_t c)
{
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3)
        || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60)
        || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

// Excel reads "_xHHHH_" in a string as an escaped character; a literal one keeps its '_' as _x005F_.
QString excelLiteral(const QString &text)
{
    static const QRegularExpression escapeLike(QStringLiteral("_(x[0-9A-Fa-f]{4}_)"));
    if (!text.contains(u"_x"))
        return text;
    return QString(text).replace(escapeLike, QStringLiteral("_x005F_\\1"));
}

QString inlineString(const QString &ref, const QString &text, int style)
{
    const QString s = style ? QStringLiteral(" s=\"%1\"").arg(style) : QString();
    return QStringLiteral("<c r=\"%1\"%2 t=\"inlineStr\"><is><t xml:space=\"preserve\">%3</t></is></c>")
        .arg(ref, s, XlsxSheet::escaped(excelLiteral(text)));
}

Error badCell(const TableSheet &sheet, const QString &ref, const TableCell &cell)
{
    if (cell.kind == TableCell::Kind::Number)
        return {ErrorCode::InvalidInput,
                Tr::tr("Sheet \"%1\", cell %2: \"%3\" is not a number.").arg(sheet.name, ref, cell.value.left(40)),
                QStringLiteral("xlsx: bad decimal in %1!%2").arg(sheet.name, ref)};
    return {ErrorCode::InvalidInput,
            Tr::tr("Sheet \"%1\", cell %2: the text is longer than the %3 characters a cell can hold.")
                .arg(sheet.name, ref, QString::number(XlsxSheet::kMaxTextLength)),
            QStringLiteral("xlsx: text of %1 characters in %2!%3").arg(cell.value.size()).arg(sheet.name, ref)};
}

Result<QString> cellXml(const TableSheet &sheet, const QString &ref, const TableCell &cell,
                        const QHash<QString, int> &numberStyles)
{
    if (cell.kind == TableCell::Kind::Text && cell.value.size() <= XlsxSheet::kMaxTextLength)
        return inlineString(ref, cell.value, 0);
    if (cell.kind == TableCell::Kind::Number && XlsxSheet::isPlainDecimal(cell.value)) {
        const int style = cell.numberFormat.isEmpty() ? 0 : numberStyles.value(cell.numberFormat, 0);
        const QString s = style ? QStringLiteral(" s=\"%1\"").arg(style) : QString();
        return QStringLiteral("<c r=\"%1\"%2><v>%3</v></c>").arg(ref, s, cell.value);
    }
    return badCell(sheet, ref, cell);
}

Result<QString> rowXml(const TableSheet &sheet, const TableRow &row, qsizetype rowNumber,
                       const QHash<QString, int> &numberStyles)
{
    QString cells;
    for (qsizetype column = 0; column < row.size(); ++column) {
        if (row.at(column).kind == TableCell::Kind::Empty)
            continue;
        auto cell = cellXml(sheet, XlsxSheet::columnName(column) + QString::number(rowNumber), row.at(column),
                            numberStyles);
        if (!cell)
            return cell.error();
        cells += cell.value();
    }
    return cells.isEmpty() ? QString() : QStringLiteral("<row r=\"%1\">%2</row>").arg(rowNumber).arg(cells);
}

int numberWidth(const TableCell &cell)
{
    const auto integerDigits = cell.value.indexOf(u'.') < 0 ? cell.value.size() : cell.value.indexOf(u'.');
    const bool grouped = cell.numberFormat.contains(u',');
    return static_cast<int>(cell.value.size() + (grouped ? integerDigits / 3 : 0) + 1);
}

QList<int> columnWidths(const TableSheet &sheet, qsizetype columns)
{
    QList<int> widths(columns, 0);
    for (qsizetype i = 0; i < sheet.headers.size(); ++i)
        widths[i] = XlsxSheet::displayWidth(sheet.headers.at(i)) + 1; // bold is wider
    for (const TableRow &row : sheet.rows) {
        for (qsizetype i = 0; i < row.size(); ++i) {
            const TableCell &cell = row.at(i);
            const int width = cell.kind == TableCell::Kind::Number ? numberWidth(cell)
                                                                   : XlsxSheet::displayWidth(cell.value);
            widths[i] = std::max(widths[i], width);
        }
    }
    for (int &width : widths)
        width = std::clamp(width + 2, kMinWidth, kMaxWidth);
    return widths;
}

QString colsXml(const QList<int> &widths)
{
    if (widths.isEmpty())
        return {};
    QString cols = QStringLiteral("<cols>");
    for (qsizetype i = 0; i < widths.size(); ++i)
        cols += QStringLiteral("<col min=\"%1\" max=\"%1\" width=\"%2\" customWidth=\"1\"/>").arg(i + 1).arg(widths[i]);
    return cols + QStringLiteral("</cols>");
}

QString sheetViewXml(bool selected, bool frozenHeader)
{
    const QString pane = frozenHeader
        ? QStringLiteral("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
                         "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/>")
        : QString();
    return QStringLiteral("<sheetViews><sheetView%1 workbookViewId=\"0\">%2</sheetView></sheetViews>")
        .arg(selected ? QStringLiteral(" tabSelected=\"1\"") : QString(), pane);
}

} // namespace

Result<QByteArray> XlsxSheet::xml(const TableSheet &sheet, const QHash<QString, int> &numberStyles, bool selected)
{
    const qsizetype columns = sheet.columnCount();
    const qsizetype headerRows = sheet.headers.isEmpty() ? 0 : 1;
    const qsizetype rows = headerRows + sheet.rows.size();
    if (rows > kMaxRows || columns > kMaxColumns)
        return Error{ErrorCode::Overflow,
                     Tr::tr("Sheet \"%1\" has %2 rows and %3 columns; a sheet holds at most %4 rows and %5 columns.")
                         .arg(sheet.name, QString::number(rows), QString::number(columns),
                              QString::number(kMaxRows), QString::number(kMaxColumns)),
                     QStringLiteral("xlsx: sheet too large")};
    QString data;
    if (headerRows) {
        data += QStringLiteral("<row r=\"1\">");
        for (qsizetype i = 0; i < sheet.headers.size(); ++i)
            data += inlineString(columnName(i) + u'1', sheet.headers.at(i), kHeaderStyle);
        data += QStringLiteral("</row>");
    }
    for (qsizetype i = 0; i < sheet.rows.size(); ++i) {
        auto row = rowXml(sheet, sheet.rows.at(i), headerRows + i + 1, numberStyles);
        if (!row)
            return row.error();
        data += row.value();
    }
    const QString lastCell = columns > 0 && rows > 0 ? columnName(columns - 1) + QString::number(rows) : QString();
    return QStringLiteral(
               "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
               "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
               "<dimension ref=\"A1%1\"/>%2<sheetFormatPr defaultRowHeight=\"15\"/>%3<sheetData>%4</sheetData>"
               "</worksheet>")
        .arg(lastCell.isEmpty() || lastCell == u"A1" ? QString() : u':' + lastCell,
             sheetViewXml(selected, headerRows > 0), colsXml(columnWidths(sheet, columns)), data)
        .toUtf8();
}

QString XlsxSheet::escaped(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            out += c;
            out += text[++i]; // every supplementary character is allowed in XML
            continue;
        }
        switch (c.unicode()) {
        case u'&': out += u"&amp;"; break;
        case u'<': out += u"&lt;"; break;
        case u'>': out += u"&gt;"; break;
        case u'"': out += u"&quot;"; break;
        case u'\r': out += u"&#13;"; break; // a literal CR would be read back as LF
        default:
            if (isXmlChar(c.unicode()))
                out += c;
        }
    }
    return out;
}

QString XlsxSheet::columnName(qsizetype column)
{
    QString name;
    for (qsizetype n = column + 1; n > 0; n = (n - 1) / 26)
        name.prepend(QChar(u'A' + static_cast<char16_t>((n - 1) % 26)));
    return name;
}

int XlsxSheet::displayWidth(QStringView text)
{
    int widest = 0;
    for (const QStringView line : text.split(u'\n')) {
        int width = 0;
        for (const char32_t c : line.toUcs4())
            width += isWide(c) ? 2 : 1;
        widest = std::max(widest, width);
    }
    return widest;
}

bool XlsxSheet::isPlainDecimal(QStringView text)
{
    static const QRegularExpression decimal(QStringLiteral("^-?[0-9]+(\\.[0-9]+)?$"));
    return decimal.match(text).hasMatch();
}

} // namespace vantage::core
