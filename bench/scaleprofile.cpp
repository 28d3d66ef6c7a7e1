#include "scaleprofile.h"

#include "storage/migrations/migration.h"

#include <QCryptographicHash>

#include <algorithm>

namespace vantage::bench {

ScaleProfile ScaleProfile::forOrderLines(qint64 orderLines, QDate asOf, quint64 seed)
{
    ScaleProfile p;
    p.orderLines = std::max<qint64>(orderLines, 100);
    p.customers = std::max<qint64>(p.orderLines / 50, 20);
    p.opportunities = std::max<qint64>(p.orderLines / 10, 10);
    // The catalogue and the sales team do not grow in step with the order book.
    p.products = static_cast<int>(std::clamp<qint64>(p.orderLines / 500, 50, 2'000));
    p.reps = static_cast<int>(std::clamp<qint64>(p.orderLines / 25'000, 8, 40));
    p.asOf = asOf;
    p.seed = seed;
    return p;
}

namespace {

// Bump when the generator writes different rows for the same options.
constexpr int kGeneratorVersion = 1;

// Changes whenever a migration does (an edited index list, a new step).
QString schemaFingerprint()
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const core::Migration &migration : core::schemaMigrations())
        for (const QString &statement : migration.statements)
            hash.addData(statement.toUtf8());
    return QString::fromLatin1(hash.result().toHex().left(12));
}

} // namespace

QString ScaleProfile::stamp() const
{
    return QStringLiteral("vantage-bench generate v%1: order_lines=%2 seed=%3 as_of=%4 schema=%5")
        .arg(kGeneratorVersion)
        .arg(orderLines)
        .arg(seed)
        .arg(asOf.toString(Qt::ISODate), schemaFingerprint());
}

} // namespace vantage::bench
