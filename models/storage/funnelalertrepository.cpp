#include "funnelalertrepository.h"

#include "sql.h"

namespace vantage::core {

Result<std::vector<FunnelAlertRule>> FunnelAlertRepository::rules() const
{
    auto q = Sql(m_db).query(QStringLiteral("SELECT id, name, metric, region_id, product_id, sigma_centi, minimum_deals, "
                                            "recent_weeks, baseline_weeks, recipients, enabled, seasonal_quarters FROM funnel_alert_rule "
                                            "WHERE deleted = 0 ORDER BY name, id"));
    if (!q)
        return q.error();
    std::vector<FunnelAlertRule> rules;
    while (q.value().next()) {
        const QSqlQuery &row = q.value();
        // A metric a newer version added: the rule is left out rather than read as another one.
        if (!isFunnelMetricCode(row.value(2).toString()))
            continue;
        FunnelAlertRule rule;
        rule.id = row.value(0).toString();
        rule.name = row.value(1).toString();
        rule.metric = funnelMetricFromCode(row.value(2).toString());
        rule.regionId = row.value(3).toString();
        rule.productId = row.value(4).toString();
        rule.sigmaCenti = row.value(5).toInt();
        rule.minimumDeals = row.value(6).toInt();
        rule.recentWeeks = row.value(7).toInt();
        rule.baselineWeeks = row.value(8).toInt();
        rule.recipients = splitRecipients(row.value(9).toString());
        rule.enabled = row.value(10).toBool();
        rule.seasonalQuarters = row.value(11).toInt();
        rules.push_back(std::move(rule));
    }
    return rules;
}

Result<std::vector<FunnelAlertState>> FunnelAlertRepository::states() const
{
    auto q = Sql(m_db).query(QStringLiteral("SELECT alert_key, status, muted_until, note FROM funnel_alert_state "
                                            "WHERE deleted = 0 ORDER BY alert_key"));
    if (!q)
        return q.error();
    std::vector<FunnelAlertState> states;
    while (q.value().next()) {
        const QSqlQuery &row = q.value();
        FunnelAlertState state;
        state.alertKey = row.value(0).toString();
        state.status = funnelAlertStatusFromCode(row.value(1).toString()).value_or(FunnelAlertStatus::Open);
        state.mutedUntil = QDate::fromString(row.value(2).toString(), Qt::ISODate);
        state.note = row.value(3).toString();
        states.push_back(std::move(state));
    }
    return states;
}

Result<FunnelAlertSetup> FunnelAlertRepository::setup() const
{
    auto read = rules();
    if (!read)
        return read.error();
    auto done = states();
    if (!done)
        return done.error();
    auto role = Sql(m_db).scalar(QStringLiteral("SELECT role FROM app_user WHERE id = "
                                                "(SELECT value FROM sync_state WHERE key = 'user_id')"));
    if (!role)
        return role.error();
    const QString signedIn = role.value().toString();
    const bool companyWide = signedIn.isEmpty() || signedIn == QLatin1String("director") || signedIn == QLatin1String("admin");
    return FunnelAlertSetup{std::move(read.value()), std::move(done.value()), companyWide};
}

Result<std::vector<FunnelAlertReader>> FunnelAlertRepository::readers() const
{
    auto users = Sql(m_db).query(QStringLiteral("SELECT id, email, role, active FROM app_user WHERE deleted = 0 ORDER BY id"));
    if (!users)
        return users.error();
    std::vector<FunnelAlertReader> readers;
    QHash<QString, std::size_t> index;
    while (users.value().next()) {
        const QSqlQuery &row = users.value();
        const QString role = row.value(2).toString();
        const bool active = row.value(3).toBool();
        index.insert(row.value(0).toString(), readers.size());
        readers.push_back({row.value(0).toString(), row.value(1).toString(),
                           active && (role == QLatin1String("director") || role == QLatin1String("admin")), {}});
    }
    auto regions = Sql(m_db).query(QStringLiteral("SELECT ur.user_id, ur.region_id FROM user_region ur JOIN app_user u ON u.id = ur.user_id "
                                                  "WHERE ur.deleted = 0 AND u.active = 1 AND ur.region_id IS NOT NULL"));
    if (!regions)
        return regions.error();
    while (regions.value().next())
        if (auto found = index.find(regions.value().value(0).toString()); found != index.end())
            readers[*found].regions.insert(regions.value().value(1).toString());
    return readers;
}

} // namespace vantage::core
