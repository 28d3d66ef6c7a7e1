#include "rowchecker.h"

#include <QCoreApplication>

namespace vantage::core {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::core::RowChecker)
};
} // namespace

RowChecker::RowChecker(ImportReport &report, QString file, qint64 line, const QStringList &fields,
                       const QHash<QString, int> &columns)
    : m_report(report), m_file(std::move(file)), m_line(line), m_fields(fields), m_columns(columns)
{
}

void RowChecker::expectFieldCount(int count)
{
    if (m_fields.size() != count)
        fail(QString(), Tr::tr("expected %1 fields, found %2").arg(count).arg(m_fields.size()));
}

void RowChecker::fail(const QString &column, const QString &reason)
{
    if (m_failed)
        return;
    m_failed = true;
    m_report.add({ImportIssue::Severity::RowSkipped, m_file, m_line, column, reason});
}

void RowChecker::warn(const QString &column, const QString &reason)
{
    m_report.add({ImportIssue::Severity::Warning, m_file, m_line, column, reason});
}

QString RowChecker::raw(const QString &column)
{
    const int index = m_columns.value(column, -1);
    if (m_failed || index < 0 || index >= m_fields.size())
        return {};
    return m_fields.at(index).trimmed();
}

QString RowChecker::text(const QString &column, bool required)
{
    const QString value = raw(column);
    if (required && value.isEmpty())
        fail(column, Tr::tr("a value is required"));
    return m_failed ? QString() : value;
}

QDate RowChecker::date(const QString &column, bool required)
{
    const QString value = text(column, required);
    if (value.isEmpty())
        return {};
    const QDate parsed = QDate::fromString(value, Qt::ISODate);
    if (!parsed.isValid() || value.size() != 10) {
        fail(column, Tr::tr("\"%1\" is not a date in the form YYYY-MM-DD").arg(value));
        return {};
    }
    return parsed;
}

std::optional<qint64> RowChecker::integer(const QString &column, qint64 minimum, qint64 maximum, bool required)
{
    const QString value = text(column, required);
    if (value.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 parsed = value.toLongLong(&ok);
    if (!ok) {
        fail(column, Tr::tr("\"%1\" is not a whole number").arg(value));
        return std::nullopt;
    }
    if (parsed < minimum || parsed > maximum) {
        fail(column, Tr::tr("%1 is outside the allowed range %2 to %3").arg(parsed).arg(minimum).arg(maximum));
        return std::nullopt;
    }
    return parsed;
}

std::optional<Decimal> RowChecker::decimal(const QString &column, bool required)
{
    const QString value = text(column, required);
    if (value.isEmpty())
        return std::nullopt;
    auto parsed = Decimal::parse(value);
    if (!parsed) {
        fail(column, Tr::tr("\"%1\" is not a number").arg(value));
        return std::nullopt;
    }
    return parsed.value();
}

} // namespace vantage::core
