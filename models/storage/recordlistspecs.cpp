#include "recordlistspecs.h"

#include <QCoreApplication>

namespace vantage::core {
namespace {

RecordListColumn column(const char *key, const char *title, const char *sql, ColumnType type = ColumnType::Text)
{
    return {QString::fromLatin1(key), title, QString::fromLatin1(sql), type, EnumLabels::Kind::Stage, QString(), QString(), true};
}

RecordListColumn requiredDateColumn(const char *key, const char *title, const char *sql)
{
    RecordListColumn c = column(key, title, sql, ColumnType::Date);
    c.nullable = false;
    return c;
}

RecordListColumn enumColumn(const char *key, const char *title, const char *sql, EnumLabels::Kind kind,
                            const char *sortSql = "")
{
    return {QString::fromLatin1(key), title, QString::fromLatin1(sql), ColumnType::Enum, kind, QString(),
            QString::fromLatin1(sortSql), true};
}

RecordListColumn moneyColumn(const char *key, const char *title, const char *sql, const char *currencySql)
{
    return {QString::fromLatin1(key), title, QString::fromLatin1(sql), ColumnType::Money, EnumLabels::Kind::Stage,
            QString::fromLatin1(currencySql), QString(), true};
}

} // namespace

QString RecordListSpec::columnTitle(int column) const
{
    return QCoreApplication::translate("vantage::core::RecordList", columns.at(static_cast<size_t>(column)).title);
}

const RecordListSpec &opportunityListSpec()
{
    static const RecordListSpec spec{
        QStringLiteral("opportunity"),
        QStringLiteral("opportunity o LEFT JOIN account a ON a.id = o.account_id "
                       "LEFT JOIN app_user u ON u.id = o.owner_id LEFT JOIN region r ON r.id = o.region_id "
                       "LEFT JOIN pipeline_stage s ON s.code = o.stage_code"),
        QStringLiteral("opportunity o"),
        QStringLiteral("o.deleted = 0"),
        QStringLiteral("o.id"),
        {QStringLiteral("o.name"), QStringLiteral("a.name"), QStringLiteral("u.display_name"), QStringLiteral("o.source_ref")},
        {{QStringLiteral("region"), QStringLiteral("o.region_id = ?")},
         {QStringLiteral("stage"), QStringLiteral("o.stage_code = ?")},
         {QStringLiteral("state"), QStringLiteral("(CASE WHEN s.is_closed = 1 THEN 'closed' ELSE 'open' END) = ?")}},
        {QStringLiteral("state")},
        {
            column("name", QT_TRANSLATE_NOOP("vantage::core::RecordList", "Opportunity"), "o.name"),
            column("account", QT_TRANSLATE_NOOP("vantage::core::RecordList", "Account"), "a.name"),
            column("owner", QT_TRANSLATE_NOOP("vantage::core::RecordList", "Owner"), "u.display_name"),
            column("region", QT_TRANSLATE_NOOP("vantage::core::RecordList", "Region"), "r.name", ColumnType::DataName),
            enumColumn("stage", QT_TRANSLATE_NOOP("vantage::core::RecordList", "Stage"), "o.stage_code", EnumLabels::Kind::Stage,
                       "s.sort_order"), // pipeline order, not the alphabet
            moneyColumn("amount", QT_TRANSLATE_NOOP("vantage::core::RecordList", "Amount"), "o.amount_minor", "o.currency"),
            column("expected_close", QT_TRANSLATE_NOOP("vantage::core::RecordList", "Expected close"), "o.expected_close_on", ColumnType::Date),
            column("closed_on", QT_TRANSLATE_NOOP("vantage::core::RecordList", "Closed on"), "o.closed_on", ColumnType::Date),
            column("created", QT_TRANSLATE_NOOP("vantage::core::RecordList", "Created"), "o.created_at", ColumnType::Timestamp),
        },
        6, Qt::AscendingOrder,
    };
    return spec;
}

const RecordListSpec &orderListSpec()
{
    static const RecordListSpec spec{
        QStringLiteral("sales_order"),
        QStringLiteral("sales_order o LEFT JOIN account a ON a.id = o.account_id LEFT JOIN region r ON r.id = o.region_id"),
        QStringLiteral("sales_order o"),
        QStringLiteral("o.deleted = 0"),
        QStringLiteral("o.id"),
        {QStringLiteral("o.order_no"), QStringLiteral("a.name"), QStringLiteral("o.city"), QStringLiteral("o.state")},
        {{QStringLiteral("region"), QStringLiteral("o.region_id = ?")},
         {QStringLiteral("status"), QStringLiteral("o.status = ?")}},
        {},
        {
            column("order_no", QT_TRANSLATE_NOOP("vantage::core::RecordList", "Order no."), "o.order_no"),
            requiredDateColumn("order_date", QT_TRANSLATE_NOOP("vantage::core::RecordList", "Order date"), "o.order_date"),
            column("customer", QT_TRANSLATE_NOOP("vantage::core::RecordList", "Customer"), "a.name"),
            column("region", QT_TRANSLATE_NOOP("vantage::core::RecordList", "Region"), "r.name", ColumnType::DataName),
            column("city", QT_TRANSLATE_NOOP("vantage::core::RecordList", "City"), "o.city"),
            enumColumn("status", QT_TRANSLATE_NOOP("vantage::core::RecordList", "Status"), "o.status", EnumLabels::Kind::OrderStatus),
            column("ship_mode", QT_TRANSLATE_NOOP("vantage::core::RecordList", "Ship mode"), "o.ship_mode", ColumnType::DataName),
            column("due_date", QT_TRANSLATE_NOOP("vantage::core::RecordList", "Due date"), "o.due_date", ColumnType::Date),
            column("ship_date", QT_TRANSLATE_NOOP("vantage::core::RecordList", "Ship date"), "o.ship_date", ColumnType::Date),
            moneyColumn("total", QT_TRANSLATE_NOOP("vantage::core::RecordList", "Total"), "o.total_minor", "o.currency"),
        },
        1, Qt::DescendingOrder,
    };
    return spec;
}

const RecordListSpec &customerListSpec()
{
    static const RecordListSpec spec{
        QStringLiteral("account"),
        // Order figures are correlated subqueries over sales_order(account_id): computed for the rows
        // a page shows, not aggregated over every order on each fetch.
        QStringLiteral("account a LEFT JOIN region r ON r.id = a.region_id"),
        QStringLiteral("account a"),
        QStringLiteral("a.deleted = 0"),
        QStringLiteral("a.id"),
        {QStringLiteral("a.name"), QStringLiteral("a.city"), QStringLiteral("a.state"), QStringLiteral("a.country"),
         QStringLiteral("a.source_ref")},
        {{QStringLiteral("region"), QStringLiteral("a.region_id = ?")},
         {QStringLiteral("kind"), QStringLiteral("a.kind = ?")}},
        {},
        {
            column("name", QT_TRANSLATE_NOOP("vantage::core::RecordList", "Name"), "a.name"),
            enumColumn("kind", QT_TRANSLATE_NOOP("vantage::core::RecordList", "Type"), "a.kind", EnumLabels::Kind::AccountKind),
            column("segment", QT_TRANSLATE_NOOP("vantage::core::RecordList", "Segment / sector"), "coalesce(a.segment, a.sector)", ColumnType::DataName),
            column("region", QT_TRANSLATE_NOOP("vantage::core::RecordList", "Region"), "r.name", ColumnType::DataName),
            column("city", QT_TRANSLATE_NOOP("vantage::core::RecordList", "City"), "a.city"),
            column("state", QT_TRANSLATE_NOOP("vantage::core::RecordList", "State or province"), "a.state"),
            column("country", QT_TRANSLATE_NOOP("vantage::core::RecordList", "Country"), "a.country", ColumnType::DataName),
            column("orders", QT_TRANSLATE_NOOP("vantage::core::RecordList", "Orders"),
                   "(SELECT count(*) FROM sales_order o WHERE o.account_id = a.id AND o.deleted = 0)", ColumnType::Integer),
            // A sum across currencies would mean nothing: empty ("—") when they differ.
            moneyColumn("sales", QT_TRANSLATE_NOOP("vantage::core::RecordList", "Sales (all time)"),
                        "(SELECT CASE WHEN count(DISTINCT currency) = 1 THEN sum(total_minor) END FROM sales_order o "
                        "WHERE o.account_id = a.id AND o.deleted = 0)",
                        "(SELECT max(currency) FROM sales_order o WHERE o.account_id = a.id AND o.deleted = 0)"),
            column("last_order", QT_TRANSLATE_NOOP("vantage::core::RecordList", "Last order"),
                   "(SELECT max(order_date) FROM sales_order o WHERE o.account_id = a.id AND o.deleted = 0)", ColumnType::Date),
        },
        8, Qt::DescendingOrder,
    };
    return spec;
}

} // namespace vantage::core
