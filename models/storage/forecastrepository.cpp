#include "forecastrepository.h"

#include "dashboardrepository.h"
#include "sql.h"

#include "domain/isodate.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>

namespace vantage::core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::core::ForecastRepository)
};

// One row per month, region and member; the month as "YYYY-MM".
QString leavesSql(ForecastMeasure measure)
{
    if (measure == ForecastMeasure::Orders)
        return QStringLiteral(
            "SELECT substr(o.order_date, 1, 7), coalesce(o.region_id, ''), p.category, sum(l.amount_minor) "
            "FROM order_line l JOIN sales_order o ON o.id = l.order_id JOIN product p ON p.id = l.product_id "
            "WHERE l.deleted = 0 AND o.deleted = 0 AND o.status <> 'cancelled' AND o.currency = ? "
            "AND o.order_date >= ? AND o.order_date < ? GROUP BY 1, 2, 3");
    return QStringLiteral(
        "SELECT substr(o.closed_on, 1, 7), coalesce(o.region_id, ''), o.owner_id, sum(o.amount_minor) "
        "FROM opportunity o JOIN pipeline_stage s ON s.code = o.stage_code "
        "WHERE o.deleted = 0 AND s.is_won = 1 AND o.currency = ? AND o.closed_on >= ? AND o.closed_on < ? "
        "GROUP BY 1, 2, 3");
}

QString firstDateSql(ForecastMeasure measure)
{
    if (measure == ForecastMeasure::Orders)
        return QStringLiteral("SELECT min(order_date) FROM sales_order WHERE deleted = 0 AND currency = ?");
    return QStringLiteral("SELECT min(o.closed_on) FROM opportunity o JOIN pipeline_stage s ON s.code = o.stage_code "
                          "WHERE o.deleted = 0 AND s.is_won = 1 AND o.currency = ?");
}

int monthsBetween(const QDate &from, const QDate &to)
{
    return (to.year() - from.year()) * 12 + to.month() - from.month();
}

} // namespace

Result<ForecastInput> ForecastRepository::load(ForecastMeasure measure, const QDate &asOf, const QString &currency) const
{
    ForecastInput input;
    input.measure = measure;
    input.asOf = asOf;
    auto chosen = currencyOrDefault(currency, asOf);
    if (!chosen)
        return chosen.error();
    input.currency = chosen.value();
    auto first = firstWholeMonth(measure, input.currency);
    if (!first)
        return first.error();
    input.firstMonth = first.value();
    const QDate endMonth(asOf.year(), asOf.month(), 1);  // exclusive: the current month is not whole yet
    if (input.firstMonth.isValid() && input.firstMonth < endMonth) {
        if (Status read = readLeaves(input, endMonth); !read)
            return read.error();
    }
    if (Status read = readDimensions(input); !read)
        return read.error();
    if (Status read = readTargets(input); !read)
        return read.error();
    return input;
}

Result<ForecastInput> ForecastRepository::loadOrderTotals(const QDate &asOf, const QString &currency) const
{
    ForecastInput input;
    input.measure = ForecastMeasure::Orders;
    input.asOf = asOf;
    input.currency = currency;
    auto first = firstWholeMonth(ForecastMeasure::Orders, currency);
    if (!first)
        return first.error();
    input.firstMonth = first.value();
    const QDate endMonth(asOf.year(), asOf.month(), 1);
    if (input.firstMonth.isValid() && input.firstMonth < endMonth) {
        LeafSeries total{kNoRegionId.toString(), QStringLiteral("all"),
                         std::vector<qint64>(std::size_t(monthsBetween(input.firstMonth, endMonth)), 0)};
        auto q = Sql(m_db).query(QStringLiteral("SELECT substr(order_date, 1, 7), sum(total_minor) FROM sales_order "
                                                "WHERE deleted = 0 AND status <> 'cancelled' AND currency = ? "
                                                "AND order_date >= ? AND order_date < ? GROUP BY 1"),
                                 {currency, isoDate(input.firstMonth), isoDate(endMonth)});
        if (!q)
            return q.error();
        while (q.value().next()) {
            const QDate month = QDate::fromString(q.value().value(0).toString() + QStringLiteral("-01"), Qt::ISODate);
            const int offset = monthsBetween(input.firstMonth, month);
            if (month.isValid() && offset >= 0 && offset < int(total.monthlyMinor.size()))
                total.monthlyMinor[std::size_t(offset)] += q.value().value(1).toLongLong();
        }
        input.leaves.push_back(std::move(total));
    }
    if (Status read = readTargets(input); !read)
        return read.error();
    return input;
}

Result<QString> ForecastRepository::currencyOrDefault(const QString &currency, const QDate &asOf) const
{
    if (!currency.isEmpty())
        return currency;
    DashboardFilter filter;
    filter.asOf = asOf;
    return DashboardRepository(m_db).reportingCurrency(filter);
}

Result<QDate> ForecastRepository::firstWholeMonth(ForecastMeasure measure, const QString &currency) const
{
    auto first = Sql(m_db).scalar(firstDateSql(measure), {currency});
    if (!first)
        return first.error();
    const QDate date = QDate::fromString(first.value().toString().left(10), Qt::ISODate);
    if (!date.isValid())
        return QDate();
    const QDate month(date.year(), date.month(), 1);
    return date.day() == 1 ? month : month.addMonths(1);
}

Status ForecastRepository::readLeaves(ForecastInput &input, const QDate &endMonth) const
{
    const int months = monthsBetween(input.firstMonth, endMonth);
    auto q = Sql(m_db).query(leavesSql(input.measure), {input.currency, isoDate(input.firstMonth), isoDate(endMonth)});
    if (!q)
        return q.error();
    QHash<QString, std::size_t> index;  // "region\x1fmember" → leaf
    while (q.value().next()) {
        const QDate month = QDate::fromString(q.value().value(0).toString() + QStringLiteral("-01"), Qt::ISODate);
        const int offset = monthsBetween(input.firstMonth, month);
        if (!month.isValid() || offset < 0 || offset >= months)
            continue;
        const QString stored = q.value().value(1).toString();
        const QString region = stored.isEmpty() ? kNoRegionId.toString() : stored;
        const QString member = q.value().value(2).toString();
        const QString key = region + QChar(0x1f) + member;
        auto found = index.find(key);
        if (found == index.end()) {
            found = index.insert(key, input.leaves.size());
            input.leaves.push_back({region, member, std::vector<qint64>(std::size_t(months), 0)});
        }
        input.leaves[found.value()].monthlyMinor[std::size_t(offset)] += q.value().value(3).toLongLong();
    }
    return {};
}

Status ForecastRepository::readDimensions(ForecastInput &input) const
{
    auto regions = Sql(m_db).query(QStringLiteral("SELECT id, name FROM region WHERE deleted = 0 ORDER BY name"), {});
    if (!regions)
        return regions.error();
    while (regions.value().next())
        input.regions.push_back({regions.value().value(0).toString(), regions.value().value(1).toString(), {}});
    if (std::any_of(input.leaves.begin(), input.leaves.end(), [](const LeafSeries &l) { return l.regionId == kNoRegionId; }))
        input.regions.push_back({kNoRegionId.toString(), Tr::tr("No region"), {}});
    const QString membersSql =
        input.measure == ForecastMeasure::Orders
            ? QStringLiteral("SELECT DISTINCT category, category, '' FROM product WHERE deleted = 0 ORDER BY category")
            : QStringLiteral("SELECT id, display_name, coalesce(region_id, '') FROM app_user WHERE deleted = 0 "
                             "AND id IN (SELECT DISTINCT owner_id FROM opportunity WHERE deleted = 0) ORDER BY display_name");
    auto members = Sql(m_db).query(membersSql, {});
    if (!members)
        return members.error();
    while (members.value().next())
        input.members.push_back({members.value().value(0).toString(), members.value().value(1).toString(),
                                 members.value().value(2).toString()});
    return {};
}

Status ForecastRepository::readTargets(ForecastInput &input) const
{
    auto q = Sql(m_db).query(QStringLiteral("SELECT coalesce(region_id, ''), period_start, amount_minor FROM sales_target "
                                            "WHERE deleted = 0 AND user_id IS NULL AND period_kind = 'quarter' "
                                            "AND currency = ? ORDER BY period_start"),
                             {input.currency});
    if (!q)
        return q.error();
    while (q.value().next())
        input.quarterTargets.emplace_back(q.value().value(0).toString(),
                                          QDate::fromString(q.value().value(1).toString(), Qt::ISODate),
                                          q.value().value(2).toLongLong());
    return {};
}

} // namespace vantage::core
