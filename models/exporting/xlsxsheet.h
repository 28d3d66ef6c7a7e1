#pragma once

#include "domain/result.h"
#include "exporting/tabledata.h"

#include <QByteArray>
#include <QHash>
#include <QString>

namespace vantage::core {

// The worksheet part (xl/worksheets/sheetN.xml) of one TableSheet: a bold header row frozen at the
// top, column widths from the content, text as inline strings, numbers as their decimal string.
class XlsxSheet
{
public:
    static constexpr int kHeaderStyle = 1; // cellXfs index of the bold header style
    static constexpr qsizetype kMaxRows = 1048576;
    static constexpr qsizetype kMaxColumns = 16384;
    static constexpr qsizetype kMaxTextLength = 32767;

    // numberStyles: cellXfs index of each number format used; selected: the tab shown on opening.
    // Fails naming the sheet and cell for a number that is not a plain decimal or a text too long.
    static Result<QByteArray> xml(const TableSheet &sheet, const QHash<QString, int> &numberStyles, bool selected);

    // Text for XML content or an attribute: markup characters escaped, characters that XML 1.0
    // does not allow (most control characters, lone surrogates, U+FFFE/U+FFFF) dropped.
    static QString escaped(QStringView text);
    // "A" for column 0, "Z" for 25, "AA" for 26.
    static QString columnName(qsizetype column);
    // Width in character cells: CJK and other wide characters count two; the longest line counts.
    static int displayWidth(QStringView text);
    // "12", "-0.5": what a number cell may hold.
    static bool isPlainDecimal(QStringView text);
};

} // namespace vantage::core
