#include "scaleprofile.h"

#include <algorithm>

namespace vantage::bench {

namespace {
// Bump when the generator writes different rows for the same options.
constexpr int kGeneratorVersion = 1;
} // namespace

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

QString ScaleProfile::stamp() const
{
    return QStringLiteral("vantage-bench generate v%1: order_lines=%2 seed=%3 as_of=%4")
        .arg(kGeneratorVersion)
        .arg(orderLines)
        .arg(seed)
        .arg(asOf.toString(Qt::ISODate));
}

} // namespace vantage::bench
