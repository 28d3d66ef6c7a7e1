#pragma once

#include "importreport.h"

#include "domain/decimal.h"

#include <QDate>
#include <QHash>
#include <QStringList>

#include <optional>

namespace vantage::core {

// Reads typed fields from one CSV record; the first bad field is reported (file, line, column,
// reason) and the row marked as skipped. Later reads on a failed row return empty values.
class RowChecker
{
public:
    RowChecker(ImportReport &report, QString file, qint64 line, const QStringList &fields,
               const QHash<QString, int> &columns);

    bool ok() const { return !m_failed; }

    // Fails the row when the field count differs from the header.
    void expectFieldCount(int count);
    QString text(const QString &column, bool required = true);
    QDate date(const QString &column, bool required = true);
    std::optional<qint64> integer(const QString &column, qint64 minimum, qint64 maximum, bool required = true);
    std::optional<Decimal> decimal(const QString &column, bool required = true);
    // Marks the row skipped with a reason about a column (rule checks across fields).
    void fail(const QString &column, const QString &reason);
    void warn(const QString &column, const QString &reason);

private:
    QString raw(const QString &column);

    ImportReport &m_report;
    QString m_file;
    qint64 m_line;
    const QStringList &m_fields;
    const QHash<QString, int> &m_columns;
    bool m_failed = false;
};

} // namespace vantage::core
