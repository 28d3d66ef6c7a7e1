#pragma once

#include "domain/result.h"
#include "exporting/tabledata.h"

#include <QFuture>
#include <QImage>

namespace vantage::ui {

// The Forecast page's exports, written on the global thread pool: a PNG of the chart, the table
// as CSV (first sheet) or as an Excel workbook (every sheet). Each fails with a message naming the file.
QFuture<core::Status> savePng(const QString &path, QImage image);
QFuture<core::Status> saveCsv(const QString &path, core::TableSheet sheet);
QFuture<core::Status> saveXlsx(const QString &path, QList<core::TableSheet> sheets);

} // namespace vantage::ui
