#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

#include <vector>

namespace vantage::core {

// A problem found in a source row: where (file, line, column) and why.
struct ImportIssue
{
    enum class Severity { Warning, RowSkipped };
    Severity severity = Severity::RowSkipped;
    QString file;
    qint64 line = 0;
    QString column; // empty when the whole row is at fault
    QString reason; // translated

    QString toString() const;
};

// What an import read, wrote and refused.
struct ImportReport
{
    QMap<QString, qint64> rowsRead;    // per source file
    QMap<QString, qint64> rowsWritten; // per table
    std::vector<ImportIssue> issues;
    qint64 elapsedMs = 0;

    qint64 skippedRows() const;
    qint64 warnings() const;
    void add(ImportIssue issue) { issues.push_back(std::move(issue)); }
    QStringList summaryLines() const;
};

} // namespace vantage::core
