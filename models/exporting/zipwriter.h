#pragma once

#include "domain/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace vantage::core {

// Builds a zip archive in memory (PKWARE APPNOTE: local headers, central directory, end record),
// each entry deflated with zlib. Enough for Office Open XML files: no zip64 (every size and offset
// under 4 GiB, at most 65,535 entries), no encryption. Every entry is dated 1980-01-01 so the same
// content gives the same bytes.
class ZipWriter
{
public:
    // Adds an entry; name is a relative path with '/' separators, stored as UTF-8.
    Status add(const QString &name, const QByteArray &data);
    // The finished archive: the entries added so far, their central directory and the end record.
    Result<QByteArray> archive() const;

private:
    struct Entry
    {
        QByteArray name;
        quint32 crc = 0;
        quint32 compressedSize = 0;
        quint32 size = 0;
        quint32 offset = 0;
    };

    QByteArray m_data; // the local headers and compressed data of every entry
    QList<Entry> m_entries;
};

} // namespace vantage::core
