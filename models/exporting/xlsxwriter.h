#pragma once

#include "domain/result.h"
#include "exporting/tabledata.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace vantage::core {

// A minimal Office Open XML workbook (.xlsx) that Excel, LibreOffice and WPS open: one worksheet per
// TableSheet, a bold frozen header row, a style per number format used, the zip built here with zlib.
// Pure functions of their input: call them from a worker thread, never the GUI thread.
// Number formats are Excel format codes and are written as given ("#,##0.00", "0.0%").
class XlsxWriter
{
public:
    static constexpr qsizetype kMaxSheetName = 31;

    // Fails for no sheets, a number that is not a plain decimal, or content beyond Excel's limits.
    static Result<QByteArray> toBytes(const QList<TableSheet> &sheets);
    // Writes the file atomically; fails with a message naming the file (or the sheet and cell) and
    // leaves no partial file.
    static Status write(const QString &path, const QList<TableSheet> &sheets);

    // A name Excel accepts for a tab: []:*?/\ become '_', control characters and leading or
    // trailing apostrophes go, at most 31 characters, "Sheet" for an empty name.
    static QString safeSheetName(const QString &name);
    // The tab names of a workbook: safe, and unique ignoring case ("Sales", "Sales (2)").
    static QStringList sheetNames(const QList<TableSheet> &sheets);
};

} // namespace vantage::core
