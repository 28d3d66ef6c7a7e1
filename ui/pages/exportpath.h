#pragma once

#include <QString>

class QWidget;

namespace vantage::ui {

enum class ExportFormat { Png, Csv, Xlsx, Pdf };

// Asks where to save an export: a file dialog titled for the format, starting in the home folder
// with stem and the format's extension. Empty when the user cancelled.
QString askExportPath(QWidget *parent, const QString &stem, ExportFormat format);

} // namespace vantage::ui
