#include "domain/uuid7.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QThread>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace vantage::core {
namespace {

// An arbitrary fixed "now" (2023-11-14T22:13:20Z); never the real clock.
constexpr qint64 kNow = 1700000000000;

// RFC 9562 §5.7: 48-bit time, version 7, 12 bits rand_a, variant 10, 62 bits rand_b.
const QRegularExpression kCanonical(u"^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"_s);

// rand_a: the three hex digits after the version nibble, used as the in-millisecond counter.
int randA(const QString &uuid)
{
    return uuid.mid(15, 3).toInt(nullptr, 16);
}

} // namespace

class TestUuid7 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void layout_data();
    void layout();
    void canonicalFormat();
    void timestampRoundTrip_data();
    void timestampRoundTrip();
    void timestampOfGarbage();
    void monotonicWithinMillisecond();
    void counterRollover();
    void clockGoingBackwards();
    void isValid_data();
    void isValid();
    void sharedGeneratorAcrossThreads();
};

void TestUuid7::layout_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<quint64>("random");
    QTest::addColumn<QString>("expected");

    // Expected strings assembled by hand from the RFC layout, not from the generator.
    QTest::newRow("zero random") << qint64(0x0123456789AB) << quint64(0) << u"01234567-89ab-7000-8000-000000000000"_s;
    QTest::newRow("all-ones random") << qint64(0x0123456789AB) << ~quint64(0)
                                     << u"01234567-89ab-71ff-bfff-ffffffffffff"_s;
    QTest::newRow("epoch") << qint64(0) << quint64(0x0123456789ABCDEF) << u"00000000-0000-71ef-8123-456789abcdef"_s;
    QTest::newRow("last 48-bit ms") << qint64(0xFFFFFFFFFFFF) << quint64(0) << u"ffffffff-ffff-7000-8000-000000000000"_s;
}

void TestUuid7::layout()
{
    QFETCH(qint64, ms);
    QFETCH(quint64, random);
    QFETCH(QString, expected);

    Uuid7Generator generator([ms] { return ms; }, [random] { return random; });
    QCOMPARE(generator.next(), expected);
}

void TestUuid7::canonicalFormat()
{
    QRandomGenerator rng(42);
    qint64 now = kNow;
    Uuid7Generator injected([&now] { return now++; }, [&rng] { return rng.generate64(); });
    Uuid7Generator system;
    for (int i = 0; i < 1000; ++i) {
        for (const QString &id : {injected.next(), system.next()}) {
            QVERIFY2(kCanonical.match(id).hasMatch(), qPrintable(id));
            QVERIFY2(Uuid7Generator::isValid(id), qPrintable(id));
        }
    }
}

void TestUuid7::timestampRoundTrip_data()
{
    QTest::addColumn<qint64>("ms");

    QTest::newRow("epoch") << qint64(0);
    QTest::newRow("one") << qint64(1);
    QTest::newRow("2023") << kNow;
    QTest::newRow("last 48-bit ms") << qint64(0xFFFFFFFFFFFF);
}

void TestUuid7::timestampRoundTrip()
{
    QFETCH(qint64, ms);

    QRandomGenerator rng(7);
    Uuid7Generator generator([ms] { return ms; }, [&rng] { return rng.generate64(); });
    QCOMPARE(Uuid7Generator::timestampMs(generator.next()), ms);
}

void TestUuid7::timestampOfGarbage()
{
    QCOMPARE(Uuid7Generator::timestampMs(u""), qint64(-1));
    QCOMPARE(Uuid7Generator::timestampMs(u"not-a-uuid"), qint64(-1));
    QCOMPARE(Uuid7Generator::timestampMs(u"zzzzzzzz-zzzz-7000-8000-000000000000"), qint64(-1));
}

void TestUuid7::monotonicWithinMillisecond()
{
    QRandomGenerator rng(2024);
    Uuid7Generator generator([] { return kNow; }, [&rng] { return rng.generate64(); });
    QString previous = generator.next();
    for (int i = 1; i < 10000; ++i) {
        const QString id = generator.next();
        QVERIFY2(previous < id, qPrintable(previous + u" !< "_s + id));
        previous = id;
    }
    // 10,000 ids exceed one 12-bit counter (≤ 4,096 per ms), yet each ms holds ≥ 3,585 (counter starts ≤ 0x1FF).
    const qint64 last = Uuid7Generator::timestampMs(previous);
    QVERIFY2(last > kNow && last <= kNow + 2, qPrintable(QString::number(last - kNow)));
}

void TestUuid7::counterRollover()
{
    qint64 now = kNow;
    Uuid7Generator generator([&now] { return now; }, [] { return quint64(0); });
    for (int i = 0; i <= 0xFFF; ++i) {
        const QString id = generator.next();
        QCOMPARE(randA(id), i);
        QCOMPARE(Uuid7Generator::timestampMs(id), kNow);
    }
    // The 4,097th id in the same millisecond borrows the next one and restarts the counter.
    const QString borrowed = generator.next();
    QCOMPARE(Uuid7Generator::timestampMs(borrowed), kNow + 1);
    QCOMPARE(randA(borrowed), 0);
    // When the clock reaches the borrowed millisecond, counting continues instead of restarting.
    now = kNow + 1;
    const QString caughtUp = generator.next();
    QCOMPARE(Uuid7Generator::timestampMs(caughtUp), kNow + 1);
    QCOMPARE(randA(caughtUp), 1);
    now = kNow + 5;
    QCOMPARE(Uuid7Generator::timestampMs(generator.next()), kNow + 5);
}

void TestUuid7::clockGoingBackwards()
{
    qint64 now = kNow;
    QRandomGenerator rng(3);
    Uuid7Generator generator([&now] { return now; }, [&rng] { return rng.generate64(); });
    const QString first = generator.next();
    now = kNow - 1000; // NTP step backwards
    const QString second = generator.next();
    QVERIFY2(first < second, qPrintable(first + u" !< "_s + second));
    QCOMPARE(Uuid7Generator::timestampMs(second), kNow);
}

void TestUuid7::isValid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");

    QTest::newRow("canonical") << u"01234567-89ab-7def-8123-456789abcdef"_s << true;
    QTest::newRow("upper case") << u"01234567-89AB-7DEF-8123-456789ABCDEF"_s << false;
    QTest::newRow("one upper-case digit") << u"01234567-89ab-7def-8123-456789abcdeF"_s << false;
    QTest::newRow("version 4") << u"01234567-89ab-4def-8123-456789abcdef"_s << false;
    QTest::newRow("no dashes") << u"0123456789ab7def8123456789abcdef"_s << false;
    QTest::newRow("dash moved") << u"0123456-789ab-7def-8123-456789abcdef"_s << false;
    QTest::newRow("braces") << u"{01234567-89ab-7def-8123-456789abcdef}"_s << false;
    QTest::newRow("non-hex letter") << u"01234567-89ab-7def-8123-456789abcdeg"_s << false;
    QTest::newRow("leading space") << u" 01234567-89ab-7def-8123-456789abcde"_s << false;
    QTest::newRow("too long") << u"01234567-89ab-7def-8123-456789abcdef0"_s << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("garbage") << u"not a uuid"_s << false;
}

void TestUuid7::isValid()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);

    QCOMPARE(Uuid7Generator::isValid(text), valid);
}

void TestUuid7::sharedGeneratorAcrossThreads()
{
    constexpr int kThreads = 4;
    constexpr int kPerThread = 5000;
    std::vector<QStringList> ids(kThreads);
    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back(QThread::create([&list = ids[static_cast<size_t>(t)]] {
            for (int i = 0; i < kPerThread; ++i)
                list << Uuid7Generator::generate();
        }));
        threads.back()->start();
    }
    for (const auto &thread : threads)
        QVERIFY(thread->wait(60000));

    QSet<QString> unique;
    for (const QStringList &list : ids) {
        QCOMPARE(list.size(), kPerThread);
        for (qsizetype i = 0; i < list.size(); ++i) {
            QVERIFY2(Uuid7Generator::isValid(list[i]), qPrintable(list[i]));
            if (i > 0) // one shared generator: each thread sees its own ids increase
                QVERIFY2(list[i - 1] < list[i], qPrintable(list[i - 1] + u" !< "_s + list[i]));
            unique.insert(list[i]);
        }
    }
    QCOMPARE(unique.size(), kThreads * kPerThread);
}

} // namespace vantage::core

QTEST_GUILESS_MAIN(vantage::core::TestUuid7)
#include "tst_uuid7.moc"
