#pragma once

#include "domain/result.h"

#include <QFile>
#include <QHash>
#include <QStringList>

namespace vantage::core {

// One record of a CSV file and the line it starts on (1-based, as an editor shows it).
struct CsvRecord
{
    qint64 line = 0;
    QStringList fields;
};

// RFC 4180 reader: quoted fields, doubled quotes, CR/LF or LF line ends, a UTF-8 byte-order mark.
// Reads a record at a time so a malformed record is reported by line and the rest still read.
class CsvReader
{
public:
    explicit CsvReader(const QString &path);

    // Opens the file and reads the header; fails with a message naming the file.
    Status open();
    const QStringList &header() const { return m_header; }
    // Index of each name in requiredColumns; fails naming the first missing column.
    Result<QHash<QString, int>> columnIndexes(const QStringList &requiredColumns) const;

    // Next record; false at end of file. A malformed record sets *problem and is skipped.
    bool next(CsvRecord &record, QString *problem);
    QString fileName() const;

private:
    bool readRecord(CsvRecord &record, QString *problem);

    QFile m_file;
    QStringList m_header;
    QString m_buffer;
    qsizetype m_pos = 0;
    qint64 m_line = 1;
};

} // namespace vantage::core
