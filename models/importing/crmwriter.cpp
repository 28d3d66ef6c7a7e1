#include "crmwriter.h"

#include "tableinserter.h"

#include "storage/sql.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QMap>
#include <QRegularExpression>

#include <algorithm>

#include "domain/isodate.h"

namespace vantage::core {
namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::core::CrmWriter)
};

// Median days from engagement to a won close, per product: the demo's expected sales cycle.
QHash<QString, int> medianWonCycle(const CrmData &data)
{
    QHash<QString, std::vector<qint64>> days;
    for (const CrmOpportunity &o : data.opportunities)
        if (o.stage == QLatin1String("Won"))
            days[o.product].push_back(o.engageDate.daysTo(o.closeDate));
    QHash<QString, int> medians;
    for (auto it = days.begin(); it != days.end(); ++it) {
        auto &v = it.value();
        std::sort(v.begin(), v.end());
        medians.insert(it.key(), static_cast<int>(v[v.size() / 2]));
    }
    return medians;
}

} // namespace

QString CrmWriter::loginFor(const QString &displayName)
{
    static const QRegularExpression notAllowed(QStringLiteral("[^a-z\\-\\.]"));
    return displayName.trimmed().toLower().replace(u' ', u'.').remove(notAllowed);
}

Status CrmWriter::write(const CrmData &data)
{
    m_medianCycleDaysByProduct = medianWonCycle(data);
    for (const CrmProduct &p : data.products)
        m_listPriceByProduct.insert(p.name, p.priceMinor);
    if (auto s = writeStages(); !s)
        return s;
    if (auto s = writeUsers(data); !s)
        return s;
    if (auto s = writeAccounts(data); !s)
        return s;
    if (auto s = writeProducts(data); !s)
        return s;
    return writeOpportunities(data);
}

Status CrmWriter::writeStages()
{
    TableInserter stages(m_context.db, QStringLiteral("pipeline_stage"),
                         {QStringLiteral("code"), QStringLiteral("name"), QStringLiteral("sort_order"),
                          QStringLiteral("is_closed"), QStringLiteral("is_won"), QStringLiteral("default_probability_bp")});
    if (auto ready = stages.prepare(); !ready)
        return ready;
    // Default probabilities are only a prior; the forecast learns stage win rates from history.
    const QList<QVariantList> rows{
        {QStringLiteral("prospecting"), QStringLiteral("Prospecting"), 10, 0, 0, 1000},
        {QStringLiteral("engaging"), QStringLiteral("Engaging"), 20, 0, 0, 5000},
        {QStringLiteral("won"), QStringLiteral("Won"), 90, 1, 1, 10000},
        {QStringLiteral("lost"), QStringLiteral("Lost"), 91, 1, 0, 0},
    };
    for (const QVariantList &row : rows)
        if (auto id = m_context.insert(stages, QStringLiteral("pipeline_stage"), QVariant(), row); !id)
            return id.error();
    return {};
}

Status CrmWriter::writeUser(TableInserter &users, TableInserter &userRegions, const QString &name,
                            const QString &role, const QString &managerId, const QStringList &regionIds)
{
    const QString home = regionIds.size() == 1 ? regionIds.first() : QString();
    auto id = m_context.insert(users, QStringLiteral("app_user"), home.isEmpty() ? QVariant() : QVariant(home),
                               {loginFor(name), name, role, managerId.isEmpty() ? QVariant() : QVariant(managerId)});
    if (!id)
        return id.error();
    m_context.userIdByName.insert(name, id.value());
    m_context.regionIdByUser.insert(id.value(), home);
    for (const QString &regionId : regionIds) {
        auto link = m_context.insert(userRegions, QStringLiteral("user_region"), regionId, {id.value()});
        if (!link)
            return link.error();
    }
    return {};
}

Status CrmWriter::writeUsers(const CrmData &data)
{
    TableInserter users(m_context.db, QStringLiteral("app_user"),
                        {QStringLiteral("login"), QStringLiteral("display_name"), QStringLiteral("role"),
                         QStringLiteral("manager_id")});
    TableInserter userRegions(m_context.db, QStringLiteral("user_region"), {QStringLiteral("user_id")});
    if (auto ready = users.prepare(); !ready)
        return ready;
    if (auto ready = userRegions.prepare(); !ready)
        return ready;
    for (const CrmAgent &a : data.agents) {
        if (m_context.userIdByName.contains(a.manager))
            continue;
        auto region = m_context.region(a.office);
        if (!region)
            return region.error();
        if (auto s = writeUser(users, userRegions, a.manager, QStringLiteral("regional_manager"), {}, {region.value()}); !s)
            return s;
    }
    for (const CrmAgent &a : data.agents) {
        const QString regionId = m_context.regionIdByCode.value(a.office.toLower());
        if (auto s = writeUser(users, userRegions, a.name, QStringLiteral("rep"), m_context.userIdByName.value(a.manager),
                               {regionId});
            !s)
            return s;
    }
    // Not in the source: one director and one administrator so every role can be tried.
    QStringList allRegions = m_context.regionIdByCode.values();
    allRegions.sort();
    if (auto s = writeUser(users, userRegions, QStringLiteral("Demo Director"), QStringLiteral("director"), {}, allRegions); !s)
        return s;
    return writeUser(users, userRegions, QStringLiteral("Demo Administrator"), QStringLiteral("admin"), {}, allRegions);
}

Status CrmWriter::writeAccounts(const CrmData &data)
{
    TableInserter accounts(m_context.db, QStringLiteral("account"),
                           {QStringLiteral("kind"), QStringLiteral("name"), QStringLiteral("sector"),
                            QStringLiteral("country"), QStringLiteral("founded_on"),
                            QStringLiteral("annual_revenue_minor"), QStringLiteral("annual_revenue_currency"),
                            QStringLiteral("employees"), QStringLiteral("source_ref"), QStringLiteral("created_at")});
    if (auto ready = accounts.prepare(); !ready)
        return ready;
    // An account belongs to the region whose reps work it most (ties: alphabetical region).
    QHash<QString, QMap<QString, int>> dealsByRegion;
    QHash<QString, QString> officeByAgent;
    for (const CrmAgent &a : data.agents)
        officeByAgent.insert(a.name, a.office.toLower());
    for (const CrmOpportunity &o : data.opportunities)
        if (!o.account.isEmpty())
            dealsByRegion[o.account][officeByAgent.value(o.agent)] += 1;
    for (const CrmAccount &a : data.accounts) {
        const auto &counts = dealsByRegion.value(a.name);
        QString region;
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            if (region.isEmpty() || it.value() > counts.value(region))
                region = it.key();
        QVariant revenue;
        if (a.revenueMillions) {
            if (auto minor = a.revenueMillions->scaledTo(8); minor) // millions of dollars → cents
                revenue = minor.value();
            else
                m_context.report.add({ImportIssue::Severity::Warning, QStringLiteral("accounts.csv"), a.line,
                                      QStringLiteral("revenue"), Tr::tr("the revenue is too large and was left empty")});
        }
        auto id = m_context.insert(accounts, QStringLiteral("account"),
                                   region.isEmpty() ? QVariant() : QVariant(m_context.regionIdByCode.value(region)),
                                   {QStringLiteral("customer"), a.name, a.sector, a.location,
                                    QStringLiteral("%1-01-01").arg(a.yearEstablished), revenue,
                                    revenue.isNull() ? QVariant() : QVariant(QStringLiteral("USD")),
                                    a.employees ? QVariant(*a.employees) : QVariant(), a.name, m_context.stampMs});
        if (!id)
            return id.error();
        m_context.accountIdBySourceRef.insert(a.name, id.value());
    }
    // Parent links need every account written first.
    QSqlQuery parent(m_context.db);
    if (!parent.prepare(QStringLiteral("UPDATE account SET parent_account_id = ? WHERE id = ?")))
        return sqlError(parent.lastError(), parent.lastQuery(), m_context.db.databaseName());
    for (const CrmAccount &a : data.accounts) {
        if (a.subsidiaryOf.isEmpty())
            continue;
        if (!m_context.accountIdBySourceRef.contains(a.subsidiaryOf)) {
            m_context.report.add({ImportIssue::Severity::Warning, QStringLiteral("accounts.csv"), a.line,
                                  QStringLiteral("subsidiary_of"),
                                  Tr::tr("the parent company \"%1\" is not in the file").arg(a.subsidiaryOf)});
            continue;
        }
        parent.addBindValue(m_context.accountIdBySourceRef.value(a.subsidiaryOf));
        parent.addBindValue(m_context.accountIdBySourceRef.value(a.name));
        if (!parent.exec())
            return sqlError(parent.lastError(), parent.lastQuery(), m_context.db.databaseName());
    }
    return {};
}

Status CrmWriter::writeProducts(const CrmData &data)
{
    TableInserter products(m_context.db, QStringLiteral("product"),
                           {QStringLiteral("sku"), QStringLiteral("name"), QStringLiteral("category"),
                            QStringLiteral("source_ref")});
    TableInserter books(m_context.db, QStringLiteral("price_book"),
                        {QStringLiteral("name"), QStringLiteral("currency"), QStringLiteral("is_default"),
                         QStringLiteral("origin")});
    TableInserter entries(m_context.db, QStringLiteral("price_book_entry"),
                          {QStringLiteral("price_book_id"), QStringLiteral("product_id"),
                           QStringLiteral("unit_price_minor")});
    for (TableInserter *t : {&products, &books, &entries})
        if (auto ready = t->prepare(); !ready)
            return ready;
    auto book = m_context.insert(books, QStringLiteral("price_book"), QVariant(),
                                 {QStringLiteral("Hardware price list"), QStringLiteral("USD"), 0,
                                  QStringLiteral("source")});
    if (!book)
        return book.error();
    for (const CrmProduct &p : data.products) {
        const QString sku = QStringLiteral("HW-") + p.name.toUpper().replace(u' ', u'-');
        auto id = m_context.insert(products, QStringLiteral("product"), QVariant(), {sku, p.name, p.series, p.name});
        if (!id)
            return id.error();
        m_context.productIdBySku.insert(sku, id.value());
        m_context.productIdBySku.insert(p.name, id.value());
        auto entry = m_context.insert(entries, QStringLiteral("price_book_entry"), QVariant(),
                                      {book.value(), id.value(), p.priceMinor});
        if (!entry)
            return entry.error();
    }
    return {};
}

Status CrmWriter::writeOpportunities(const CrmData &data)
{
    TableInserter opportunities(m_context.db, QStringLiteral("opportunity"),
                                {QStringLiteral("name"), QStringLiteral("account_id"), QStringLiteral("owner_id"),
                                 QStringLiteral("product_id"), QStringLiteral("stage_code"),
                                 QStringLiteral("amount_minor"), QStringLiteral("currency"),
                                 QStringLiteral("expected_close_on"), QStringLiteral("closed_on"),
                                 QStringLiteral("created_at"), QStringLiteral("source_ref")});
    m_stageHistory = std::make_unique<TableInserter>(
        m_context.db, QStringLiteral("opportunity_stage_history"),
        QStringList{QStringLiteral("opportunity_id"), QStringLiteral("stage_code"), QStringLiteral("entered_at"),
                    QStringLiteral("changed_by"), QStringLiteral("estimated")});
    m_closeHistory = std::make_unique<TableInserter>(
        m_context.db, QStringLiteral("opportunity_close_date_history"),
        QStringList{QStringLiteral("opportunity_id"), QStringLiteral("expected_close_on"), QStringLiteral("changed_at"),
                    QStringLiteral("changed_by"), QStringLiteral("estimated")});
    m_amountHistory = std::make_unique<TableInserter>(
        m_context.db, QStringLiteral("opportunity_amount_history"),
        QStringList{QStringLiteral("opportunity_id"), QStringLiteral("amount_minor"), QStringLiteral("currency"),
                    QStringLiteral("changed_at"), QStringLiteral("changed_by")});
    for (TableInserter *t : {&opportunities, m_stageHistory.get(), m_closeHistory.get(), m_amountHistory.get()})
        if (auto ready = t->prepare(); !ready)
            return ready;

    const DemoCalendar &cal = m_context.calendar;
    int done = 0;
    for (const CrmOpportunity &o : data.opportunities) {
        const bool closed = o.stage == QLatin1String("Won") || o.stage == QLatin1String("Lost");
        const qint64 listPrice = m_listPriceByProduct.value(o.product);
        // Won deals are worth what they closed at; lost and open deals what the price list says.
        const qint64 amount = o.stage == QLatin1String("Won") ? o.closeValueMinor : listPrice;
        const QDate start = o.engageDate.isValid() ? o.engageDate : DemoCalendar::sourceEnd();
        const QDate expectedClose = closed ? o.closeDate : start.addDays(m_medianCycleDaysByProduct.value(o.product, 60));
        const QString ownerId = m_context.userIdByName.value(o.agent);
        const QString regionId = m_context.regionIdByUser.value(ownerId);
        const QString name = o.account.isEmpty() ? o.product : QStringLiteral("%1 – %2").arg(o.account, o.product);
        auto id = m_context.insert(
            opportunities, QStringLiteral("opportunity"), regionId,
            {name, o.account.isEmpty() ? QVariant() : QVariant(m_context.accountIdBySourceRef.value(o.account)), ownerId,
             m_context.productIdBySku.value(o.product), stageCode(o.stage), amount, QStringLiteral("USD"),
             isoDate(cal.shift(expectedClose)), closed ? QVariant(isoDate(cal.shift(o.closeDate))) : QVariant(),
             cal.instantMs(start), o.id});
        if (!id)
            return id.error();
        if (auto s = writeHistory(o, id.value(), regionId, expectedClose, !closed); !s)
            return s;
        if (++done % 500 == 0 && !m_context.progress(done, static_cast<int>(data.opportunities.size()),
                                                     Tr::tr("Importing opportunities…")))
            return cancelledError();
    }
    return {};
}

Status CrmWriter::writeHistory(const CrmOpportunity &o, const QString &opportunityId, const QString &regionId,
                               const QDate &expectedClose, bool closeEstimated)
{
    const DemoCalendar &cal = m_context.calendar;
    const QString ownerId = m_context.userIdByName.value(o.agent);
    const auto add = [&](TableInserter &t, const QString &table, const QVariantList &values) -> Status {
        auto id = m_context.insert(t, table, regionId, values);
        return id ? Status() : Status(id.error());
    };
    const QString stages = QStringLiteral("opportunity_stage_history");
    // Prospecting deals carry no date in the source: they are recorded as entering on its last day.
    const bool prospecting = o.stage == QLatin1String("Prospecting");
    const QDate start = prospecting ? DemoCalendar::sourceEnd() : o.engageDate;
    if (auto s = add(*m_stageHistory, stages, {opportunityId, prospecting ? QStringLiteral("prospecting") : QStringLiteral("engaging"),
                                               cal.instantMs(start), ownerId, prospecting ? 1 : 0});
        !s)
        return s;
    if (o.stage == QLatin1String("Won") || o.stage == QLatin1String("Lost")) {
        if (auto s = add(*m_stageHistory, stages, {opportunityId, stageCode(o.stage), cal.instantMs(o.closeDate), ownerId, 0}); !s)
            return s;
    }
    if (closeEstimated) {
        if (auto s = add(*m_closeHistory, QStringLiteral("opportunity_close_date_history"),
                         {opportunityId, isoDate(cal.shift(expectedClose)), cal.instantMs(start), ownerId, 1});
            !s)
            return s;
    }
    const QString amounts = QStringLiteral("opportunity_amount_history");
    const qint64 listPrice = m_listPriceByProduct.value(o.product);
    if (auto s = add(*m_amountHistory, amounts, {opportunityId, listPrice, QStringLiteral("USD"), cal.instantMs(start), ownerId}); !s)
        return s;
    if (o.stage == QLatin1String("Won") && o.closeValueMinor != listPrice)
        return add(*m_amountHistory, amounts, {opportunityId, o.closeValueMinor, QStringLiteral("USD"),
                                               cal.instantMs(o.closeDate), ownerId});
    return {};
}

} // namespace vantage::core
