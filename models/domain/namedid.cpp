#include "namedid.h"

#include <QCryptographicHash>

namespace vantage::core {

QString namedId(const QString &name)
{
    QByteArray bytes = QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Sha256).left(16);
    bytes[6] = char((bytes[6] & 0x0f) | 0x80);  // version 8
    bytes[8] = char((bytes[8] & 0x3f) | 0x80);  // RFC 9562 variant
    const QString hex = QString::fromLatin1(bytes.toHex());
    return hex.mid(0, 8) + QLatin1Char('-') + hex.mid(8, 4) + QLatin1Char('-') + hex.mid(12, 4) + QLatin1Char('-')
         + hex.mid(16, 4) + QLatin1Char('-') + hex.mid(20, 12);
}

} // namespace vantage::core
