#include "uuid7.h"

#include "clock.h"

#include <QMutex>
#include <QRandomGenerator>

namespace vantage::core {

Uuid7Generator::Uuid7Generator()
    : Uuid7Generator([] { return Clock::nowMs(); }, [] { return QRandomGenerator::system()->generate64(); })
{
}

Uuid7Generator::Uuid7Generator(std::function<qint64()> nowMs, RandomFunction random)
    : m_nowMs(std::move(nowMs)), m_random(std::move(random))
{
}

QString Uuid7Generator::next()
{
    qint64 ms = m_nowMs();
    if (ms <= m_lastMs) {
        // Same (or an earlier) millisecond: keep ids increasing by counting in rand_a.
        ms = m_lastMs;
        if (++m_counter > 0x0FFF) {
            ++ms;
            m_counter = static_cast<quint16>(m_random() & 0x01FF);
        }
    } else {
        m_counter = static_cast<quint16>(m_random() & 0x01FF); // leave headroom to count up
    }
    m_lastMs = ms;

    const quint64 randB = m_random() & 0x3FFFFFFFFFFFFFFFULL;
    const quint64 high = (static_cast<quint64>(ms) << 16) | 0x7000ULL | m_counter;
    const quint64 low = 0x8000000000000000ULL | randB;
    const QString hex = QStringLiteral("%1%2").arg(high, 16, 16, QLatin1Char('0')).arg(low, 16, 16, QLatin1Char('0'));
    return hex.mid(0, 8) + u'-' + hex.mid(8, 4) + u'-' + hex.mid(12, 4) + u'-' + hex.mid(16, 4) + u'-' + hex.mid(20);
}

QString Uuid7Generator::generate()
{
    static QMutex mutex;
    static Uuid7Generator shared;
    QMutexLocker lock(&mutex);
    return shared.next();
}

bool Uuid7Generator::isValid(QStringView text)
{
    if (text.size() != 36)
        return false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != u'-')
                return false;
        } else if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f'))) {
            return false;
        }
    }
    // Version 7 and the RFC 9562 variant (binary 10xx: 8, 9, a or b).
    return text[14] == u'7' && QStringView(u"89ab").contains(text[19]);
}

qint64 Uuid7Generator::timestampMs(QStringView uuid)
{
    const QString hex = uuid.mid(0, 8).toString() + uuid.mid(9, 4).toString();
    bool ok = false;
    const qint64 ms = hex.toLongLong(&ok, 16);
    return ok ? ms : -1;
}

} // namespace vantage::core
