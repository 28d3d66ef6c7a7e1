#pragma once

#include "domain/result.h"
#include "exporting/tabledata.h"

#include <QByteArray>
#include <QString>

namespace vantage::core {

struct CsvOptions
{
    // A UTF-8 byte-order mark, so Excel reads Chinese text as UTF-8 rather than the ANSI code page.
    bool byteOrderMark = true;
};

// RFC 4180 CSV of one sheet: the header line, then one line per row, CRLF line ends, every line
// as wide as the widest row. A field with a comma, a quote, CR or LF is quoted, quotes doubled.
// Numbers are written as their plain decimal string; number formats do not apply to CSV.
// Pure functions of their input: call them from a worker thread, never the GUI thread.
class CsvWriter
{
public:
    static QByteArray toBytes(const TableSheet &sheet, const CsvOptions &options = {});
    // Writes the file atomically; fails with a message naming the file and leaves no partial file.
    static Status write(const QString &path, const TableSheet &sheet, const CsvOptions &options = {});
    // One field as it appears in the file, quoted when needed.
    static QString field(const QString &value);
};

} // namespace vantage::core
