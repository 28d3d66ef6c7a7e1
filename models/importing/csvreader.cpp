#include "csvreader.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QStringDecoder>

namespace vantage::core {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::core::CsvReader)
};
} // namespace

CsvReader::CsvReader(const QString &path) : m_file(path) {}

QString CsvReader::fileName() const
{
    return QFileInfo(m_file.fileName()).fileName();
}

Status CsvReader::open()
{
    if (!m_file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io, Tr::tr("Cannot open %1: %2").arg(m_file.fileName(), m_file.errorString()),
                     m_file.errorString()};
    // Source files are a few MB; decoding once keeps the parser simple and fast.
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    m_buffer = decoder(m_file.readAll());
    if (decoder.hasError())
        return Error{ErrorCode::InvalidInput, Tr::tr("%1 is not valid UTF-8 text.").arg(fileName()),
                     QStringLiteral("utf-8 decode error")};
    CsvRecord header;
    QString problem;
    if (!readRecord(header, &problem) || !problem.isEmpty() || header.fields.isEmpty())
        return Error{ErrorCode::InvalidInput, Tr::tr("%1 has no header line.").arg(fileName()), problem};
    for (QString &name : header.fields)
        name = name.trimmed();
    m_header = header.fields;
    return {};
}

Result<QHash<QString, int>> CsvReader::columnIndexes(const QStringList &requiredColumns) const
{
    QHash<QString, int> indexes;
    for (const QString &column : requiredColumns) {
        const auto index = m_header.indexOf(column);
        if (index < 0)
            return Error{ErrorCode::InvalidInput,
                         Tr::tr("%1, line 1: the column \"%2\" is missing.").arg(fileName(), column),
                         QStringLiteral("missing column %1").arg(column)};
        indexes.insert(column, static_cast<int>(index));
    }
    return indexes;
}

bool CsvReader::next(CsvRecord &record, QString *problem)
{
    QString ignored;
    if (!problem)
        problem = &ignored;
    for (;;) {
        if (!readRecord(record, problem))
            return false;
        // A blank line is not a record (trailing newline at the end of many files).
        if (record.fields.size() == 1 && record.fields.first().isEmpty() && problem->isEmpty())
            continue;
        return true;
    }
}

bool CsvReader::readRecord(CsvRecord &record, QString *problem)
{
    problem->clear();
    record.fields.clear();
    if (m_pos >= m_buffer.size())
        return false;
    record.line = m_line;
    QString field;
    bool quoted = false;
    bool fieldWasQuoted = false;
    const qsizetype size = m_buffer.size();
    while (m_pos < size) {
        const QChar c = m_buffer.at(m_pos++);
        if (quoted) {
            if (c == u'"') {
                if (m_pos < size && m_buffer.at(m_pos) == u'"') {
                    field += u'"';
                    ++m_pos;
                } else {
                    quoted = false;
                }
            } else {
                if (c == u'\n')
                    ++m_line;
                field += c;
            }
            continue;
        }
        if (c == u'"' && field.isEmpty() && !fieldWasQuoted) {
            quoted = true;
            fieldWasQuoted = true;
        } else if (c == u',') {
            record.fields << field;
            field.clear();
            fieldWasQuoted = false;
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && m_pos < size && m_buffer.at(m_pos) == u'\n')
                ++m_pos;
            ++m_line;
            record.fields << field;
            return true;
        } else if (fieldWasQuoted) {
            *problem = Tr::tr("unexpected text after a closing quote");
            field += c;
        } else {
            field += c;
        }
    }
    if (quoted)
        *problem = Tr::tr("a quoted field is not closed before the end of the file");
    record.fields << field;
    return true;
}

} // namespace vantage::core
