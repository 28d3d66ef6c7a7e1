#include "exportfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>

namespace vantage::core {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::core::ExportFile)
};

Error cannotWrite(const QString &path, const QString &reason)
{
    return {ErrorCode::Io, Tr::tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), reason),
            QStringLiteral("export to %1 failed: %2").arg(path, reason)};
}
} // namespace

Status ExportFile::save(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return cannotWrite(path, file.errorString());
    if (file.write(bytes) != bytes.size()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return cannotWrite(path, reason);
    }
    if (!file.commit())
        return cannotWrite(path, file.errorString());
    return {};
}

} // namespace vantage::core
