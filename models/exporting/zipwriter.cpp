#include "zipwriter.h"

#include <QCoreApplication>
#include <QtEndian>

#include <zlib.h>

#include <limits>

namespace vantage::core {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::core::ZipWriter)
};

constexpr quint32 kLocalHeader = 0x04034b50;
constexpr quint32 kCentralHeader = 0x02014b50;
constexpr quint32 kEndRecord = 0x06054b50;
constexpr quint16 kVersion = 20;   // 2.0: deflate
constexpr quint16 kDeflated = 8;
constexpr quint16 kUtf8Name = 0x0800;
constexpr quint16 kDosDate = (0 << 9) | (1 << 5) | 1; // 1980-01-01, the earliest DOS date
constexpr qint64 kMaxSize = std::numeric_limits<quint32>::max();

void put16(QByteArray &out, quint16 value)
{
    const quint16 le = qToLittleEndian(value);
    out.append(reinterpret_cast<const char *>(&le), sizeof le);
}

void put32(QByteArray &out, quint32 value)
{
    const quint32 le = qToLittleEndian(value);
    out.append(reinterpret_cast<const char *>(&le), sizeof le);
}

Error tooLarge(const QString &detail)
{
    return {ErrorCode::Overflow, Tr::tr("The export is too large for an Excel file; export fewer rows."), detail};
}

Result<QByteArray> deflated(const QByteArray &data)
{
    z_stream stream {};
    if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return Error{ErrorCode::Io, Tr::tr("Cannot compress the export."), QStringLiteral("deflateInit2 failed")};
    QByteArray out(static_cast<qsizetype>(deflateBound(&stream, static_cast<uLong>(data.size()))), Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    const int status = deflate(&stream, Z_FINISH);
    out.truncate(static_cast<qsizetype>(stream.total_out));
    deflateEnd(&stream);
    if (status != Z_STREAM_END)
        return Error{ErrorCode::Io, Tr::tr("Cannot compress the export."),
                     QStringLiteral("deflate returned %1").arg(status)};
    return out;
}

bool isAscii(const QByteArray &name)
{
    for (const char c : name) {
        if (static_cast<unsigned char>(c) > 0x7f)
            return false;
    }
    return true;
}

// The fields that a local header and a central directory header share, from "version needed" on.
void putCommonFields(QByteArray &out, const QByteArray &name, quint32 crc, quint32 compressedSize, quint32 size)
{
    put16(out, kVersion);
    put16(out, isAscii(name) ? 0 : kUtf8Name);
    put16(out, kDeflated);
    put16(out, 0); // time 00:00:00
    put16(out, kDosDate);
    put32(out, crc);
    put32(out, compressedSize);
    put32(out, size);
    put16(out, static_cast<quint16>(name.size()));
    put16(out, 0); // extra field length
}

} // namespace

Status ZipWriter::add(const QString &name, const QByteArray &data)
{
    const QByteArray utf8Name = name.toUtf8();
    if (data.size() > kMaxSize || utf8Name.size() > std::numeric_limits<quint16>::max()
        || m_entries.size() >= std::numeric_limits<quint16>::max())
        return tooLarge(QStringLiteral("zip entry %1: %2 bytes").arg(name).arg(data.size()));
    auto compressed = deflated(data);
    if (!compressed)
        return compressed.error();
    const qint64 headerSize = 30 + utf8Name.size();
    if (m_data.size() + headerSize + compressed.value().size() > kMaxSize)
        return tooLarge(QStringLiteral("zip data passes 4 GiB at %1").arg(name));
    Entry entry;
    entry.name = utf8Name;
    entry.crc = static_cast<quint32>(crc32(0, reinterpret_cast<const Bytef *>(data.constData()),
                                           static_cast<uInt>(data.size())));
    entry.compressedSize = static_cast<quint32>(compressed.value().size());
    entry.size = static_cast<quint32>(data.size());
    entry.offset = static_cast<quint32>(m_data.size());
    put32(m_data, kLocalHeader);
    putCommonFields(m_data, entry.name, entry.crc, entry.compressedSize, entry.size);
    m_data += entry.name;
    m_data += compressed.value();
    m_entries << entry;
    return {};
}

Result<QByteArray> ZipWriter::archive() const
{
    QByteArray directory;
    for (const Entry &entry : m_entries) {
        put32(directory, kCentralHeader);
        put16(directory, kVersion); // made by: MS-DOS attributes, version 2.0
        putCommonFields(directory, entry.name, entry.crc, entry.compressedSize, entry.size);
        put16(directory, 0); // comment length
        put16(directory, 0); // disk number
        put16(directory, 0); // internal attributes
        put32(directory, 0); // external attributes
        put32(directory, entry.offset);
        directory += entry.name;
    }
    if (m_data.size() + directory.size() > kMaxSize)
        return tooLarge(QStringLiteral("zip central directory passes 4 GiB"));
    QByteArray end;
    put32(end, kEndRecord);
    put16(end, 0); // this disk
    put16(end, 0); // disk with the central directory
    put16(end, static_cast<quint16>(m_entries.size()));
    put16(end, static_cast<quint16>(m_entries.size()));
    put32(end, static_cast<quint32>(directory.size()));
    put32(end, static_cast<quint32>(m_data.size()));
    put16(end, 0); // comment length
    return m_data + directory + end;
}

} // namespace vantage::core
