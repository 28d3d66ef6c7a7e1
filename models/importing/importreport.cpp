#include "importreport.h"

#include <QCoreApplication>

#include <algorithm>

namespace vantage::core {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::core::ImportReport)
};
} // namespace

QString ImportIssue::toString() const
{
    const QString kind = severity == Severity::RowSkipped ? Tr::tr("row skipped") : Tr::tr("warning");
    if (column.isEmpty())
        return Tr::tr("%1, line %2: %3 (%4)").arg(file).arg(line).arg(reason, kind);
    return Tr::tr("%1, line %2, column \"%3\": %4 (%5)").arg(file).arg(line).arg(column, reason, kind);
}

qint64 ImportReport::skippedRows() const
{
    return std::count_if(issues.begin(), issues.end(),
                         [](const ImportIssue &i) { return i.severity == ImportIssue::Severity::RowSkipped; });
}

qint64 ImportReport::warnings() const
{
    return static_cast<qint64>(issues.size()) - skippedRows();
}

QStringList ImportReport::summaryLines() const
{
    QStringList lines;
    for (auto it = rowsRead.cbegin(); it != rowsRead.cend(); ++it)
        lines << Tr::tr("read %1: %n rows", nullptr, static_cast<int>(it.value())).arg(it.key());
    for (auto it = rowsWritten.cbegin(); it != rowsWritten.cend(); ++it)
        lines << Tr::tr("wrote %1: %n rows", nullptr, static_cast<int>(it.value())).arg(it.key());
    lines << Tr::tr("rows skipped: %1").arg(skippedRows());
    lines << Tr::tr("warnings: %1").arg(warnings());
    lines << Tr::tr("time: %1 ms").arg(elapsedMs);
    return lines;
}

} // namespace vantage::core
