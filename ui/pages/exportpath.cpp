#include "exportpath.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>

namespace vantage::ui {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::ui::ExportPath)
};

} // namespace

QString askExportPath(QWidget *parent, const QString &stem, ExportFormat format)
{
    const QString start = QDir::home().filePath(stem);
    switch (format) {
    case ExportFormat::Png:
        return QFileDialog::getSaveFileName(parent, Tr::tr("Save chart"), start + QStringLiteral(".png"),
                                            Tr::tr("PNG image (*.png)"));
    case ExportFormat::Csv:
        return QFileDialog::getSaveFileName(parent, Tr::tr("Export CSV"), start + QStringLiteral(".csv"),
                                            Tr::tr("CSV file (*.csv)"));
    case ExportFormat::Xlsx:
        return QFileDialog::getSaveFileName(parent, Tr::tr("Export Excel"), start + QStringLiteral(".xlsx"),
                                            Tr::tr("Excel workbook (*.xlsx)"));
    case ExportFormat::Pdf:
        return QFileDialog::getSaveFileName(parent, Tr::tr("Save PDF"), start + QStringLiteral(".pdf"),
                                            Tr::tr("PDF document (*.pdf)"));
    }
    return {};
}

} // namespace vantage::ui
