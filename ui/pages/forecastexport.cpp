#include "forecastexport.h"

#include "exporting/csvwriter.h"
#include "exporting/exportfile.h"
#include "exporting/xlsxwriter.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QtConcurrent/QtConcurrentRun>

namespace vantage::ui {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::ui::ForecastExport)
};
} // namespace

QFuture<core::Status> savePng(const QString &path, QImage image)
{
    return QtConcurrent::run([path, image = std::move(image)]() -> core::Status {
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        if (!image.save(&buffer, "PNG"))
            return core::Error{core::ErrorCode::Io,
                               Tr::tr("The chart could not be drawn into %1.").arg(QDir::toNativeSeparators(path)),
                               QStringLiteral("QImage::save failed")};
        return core::ExportFile::save(path, bytes);
    });
}

QFuture<core::Status> saveCsv(const QString &path, core::TableSheet sheet)
{
    return QtConcurrent::run([path, sheet = std::move(sheet)] { return core::CsvWriter::write(path, sheet); });
}

QFuture<core::Status> saveXlsx(const QString &path, QList<core::TableSheet> sheets)
{
    return QtConcurrent::run([path, sheets = std::move(sheets)] { return core::XlsxWriter::write(path, sheets); });
}

} // namespace vantage::ui
