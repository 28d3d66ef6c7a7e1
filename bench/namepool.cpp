#include "namepool.h"

#include "deterministicrandom.h"

#include <QStringList>

namespace vantage::bench {
namespace {

QString pick(DeterministicRandom &random, const QStringList &words)
{
    return words.at(static_cast<qsizetype>(random.below(words.size())));
}

const QStringList &firstNames()
{
    static const QStringList names = QStringLiteral(
        "Aaron Adrian Alan Alice Amy Andrew Anna Ben Bill Brenda Carl Carol Chen Chris Claire Dan Dave Dennis Diana "
        "Ed Elena Emily Eric Frank Grace Greg Hana Helen Ian Irene Jack James Jane Jason Jenny Jim Joy Julia Karen "
        "Ken Kim Laura Lee Lin Linda Mark Mary Mei Mike Nancy Nick Olivia Paul Pete Rachel Ravi Rick Rose Ruth Sam "
        "Sara Sean Siti Sophie Steve Susan Tan Ted Tina Tom Tony Victor Wei Will Yuki Zoe")
            .split(u' ');
    return names;
}

const QStringList &lastNames()
{
    static const QStringList names = QStringLiteral(
        "Adams Allen Baker Bell Brooks Brown Campbell Carter Chan Clark Collins Cook Cooper Davis Edwards Evans Fisher "
        "Foster Garcia Gray Green Hall Harris Hill Howard Hughes Jackson James Johnson Jones Kelly Khan King Lee Lewis "
        "Lim Liu Lopez Martin Miller Mitchell Moore Morgan Murphy Nguyen Parker Patel Perez Phillips Reed Reyes "
        "Richardson Roberts Robinson Rogers Ross Sanchez Scott Shaw Smith Stewart Sullivan Tan Taylor Thomas Thompson "
        "Turner Walker Ward Watson White Williams Wilson Wong Wood Wright Young Zhang")
            .split(u' ');
    return names;
}

} // namespace

QString NamePool::person(DeterministicRandom &random)
{
    return pick(random, firstNames()) + u' ' + pick(random, lastNames());
}

QString NamePool::company(DeterministicRandom &random)
{
    static const QStringList prefixes = QStringLiteral(
        "Acme Apex Atlas Bay Blue Bright Cedar Coast Crown Delta Eagle Echo Falcon First Global Golden Granite "
        "Harbor Horizon Iron Lake Liberty Lotus Maple Metro North Oak Orbit Pacific Pine Prime Quantum Red River "
        "Silver Star Summit Sun Union Valley Vertex West")
                                          .split(u' ');
    static const QStringList trades = QStringLiteral(
        "Supplies Office Systems Logistics Trading Industries Partners Retail Foods Health Media Labs Works "
        "Holdings Services Traders Networks Motors Energy Designs")
                                          .split(u' ');
    static const QStringList forms = QStringLiteral("Inc.|LLC|Co.|Corp.|Ltd.|Group").split(u'|');
    return pick(random, prefixes) + u' ' + pick(random, trades) + u' ' + pick(random, forms);
}

QString NamePool::product(DeterministicRandom &random, const QString &subCategory)
{
    static const QStringList brands = QStringLiteral(
        "Avery Acco Fellowes Hon Bush Global Samsung Canon Logitech Xerox Eldon Sauder Tenex Cisco Epson Belkin")
                                          .split(u' ');
    static const QStringList styles = QStringLiteral(
        "Classic Pro Compact Deluxe Heavy-Duty Premium Standard Slim Eco Executive Mobile Wide")
                                          .split(u' ');
    return QStringLiteral("%1 %2 %3 %4").arg(pick(random, brands), pick(random, styles), subCategory).arg(random.between(100, 9999));
}

} // namespace vantage::bench
