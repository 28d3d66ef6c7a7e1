#include "referencedatawriter.h"

#include "namepool.h"
#include "salesgeography.h"

#include "importing/tableinserter.h"

#include <cmath>

namespace vantage::bench {

using core::Status;
using core::TableInserter;

namespace {

Status prepareAll(std::initializer_list<TableInserter *> inserters)
{
    for (TableInserter *inserter : inserters)
        if (auto ready = inserter->prepare(); !ready)
            return ready;
    return {};
}

// Office catalogue: category, sub-category, share of the catalogue (Superstore's mix).
struct SubCategory
{
    const char *category;
    const char *name;
    double share;
};

const std::vector<SubCategory> &subCategories()
{
    static const std::vector<SubCategory> list{
        {"Office Supplies", "Binders", 0.11}, {"Office Supplies", "Paper", 0.15},  {"Office Supplies", "Storage", 0.07},
        {"Office Supplies", "Art", 0.08},     {"Office Supplies", "Labels", 0.04}, {"Office Supplies", "Envelopes", 0.03},
        {"Furniture", "Chairs", 0.06},        {"Furniture", "Tables", 0.03},       {"Furniture", "Furnishings", 0.10},
        {"Furniture", "Bookcases", 0.03},     {"Technology", "Phones", 0.10},      {"Technology", "Accessories", 0.10},
        {"Technology", "Machines", 0.06},     {"Technology", "Copiers", 0.04},
    };
    return list;
}

} // namespace

Status ReferenceDataWriter::write()
{
    for (auto step : {&ReferenceDataWriter::writeStages, &ReferenceDataWriter::writeRegions,
                      &ReferenceDataWriter::writeUsers, &ReferenceDataWriter::writeProducts,
                      &ReferenceDataWriter::writeHardware, &ReferenceDataWriter::writeAccounts})
        if (auto done = (this->*step)(); !done)
            return done;
    return {};
}

Status ReferenceDataWriter::writeStages()
{
    // The same four stages the demo import writes (CrmWriter), so the dashboard reads them alike.
    TableInserter stages(m_context.db, QStringLiteral("pipeline_stage"),
                         {QStringLiteral("code"), QStringLiteral("name"), QStringLiteral("sort_order"),
                          QStringLiteral("is_closed"), QStringLiteral("is_won"), QStringLiteral("default_probability_bp")},
                         TableInserter::Kind::Plain);
    if (auto ready = stages.prepare(); !ready)
        return ready;
    const QList<QVariantList> rows{
        {QStringLiteral("prospecting"), QStringLiteral("Prospecting"), 10, 0, 0, 1000},
        {QStringLiteral("engaging"), QStringLiteral("Engaging"), 20, 0, 0, 5000},
        {QStringLiteral("won"), QStringLiteral("Won"), 90, 1, 1, 10000},
        {QStringLiteral("lost"), QStringLiteral("Lost"), 91, 1, 0, 0},
    };
    for (const QVariantList &row : rows)
        if (auto done = stages.insertPlain(row); !done)
            return done;
    m_context.rowsWritten[QStringLiteral("pipeline_stage")] += stages.count();
    return {};
}

Status ReferenceDataWriter::writeRegions()
{
    TableInserter regions(m_context.db, QStringLiteral("region"),
                          {QStringLiteral("code"), QStringLiteral("name"), QStringLiteral("country"), QStringLiteral("currency")});
    TableInserter territories(m_context.db, QStringLiteral("territory"),
                              {QStringLiteral("code"), QStringLiteral("name"), QStringLiteral("country")});
    if (auto ready = prepareAll({&regions, &territories}); !ready)
        return ready;
    const auto &shapes = salesRegions();
    for (size_t r = 0; r < shapes.size(); ++r) {
        auto id = m_context.insert(regions, QStringLiteral("region"), QVariant(),
                                   {shapes[r].code, shapes[r].name, QStringLiteral("US"), QStringLiteral("USD")});
        if (!id)
            return id.error();
        m_catalog.regionIds.push_back(id.value());
        for (size_t s = 0; s < shapes[r].states.size(); ++s) {
            const StateShape &state = shapes[r].states[s];
            auto territory = m_context.insert(territories, QStringLiteral("territory"), id.value(),
                                              {QStringLiteral("US-") + state.code, state.name, QStringLiteral("United States")});
            if (!territory)
                return territory.error();
            m_catalog.territories.push_back({territory.value(), static_cast<int>(r), static_cast<int>(s)});
        }
    }
    m_catalog.accountsByRegion.resize(shapes.size());
    m_catalog.repsByRegion.resize(shapes.size());
    return {};
}

Status ReferenceDataWriter::writeUsers()
{
    TableInserter users(m_context.db, QStringLiteral("app_user"),
                        {QStringLiteral("login"), QStringLiteral("display_name"), QStringLiteral("role"), QStringLiteral("manager_id")});
    TableInserter userRegions(m_context.db, QStringLiteral("user_region"), {QStringLiteral("user_id")});
    if (auto ready = prepareAll({&users, &userRegions}); !ready)
        return ready;
    int serial = 0;
    const auto addUser = [&](const QString &role, const QVariant &managerId, int region) -> core::Result<QString> {
        const QString name = NamePool::person(m_context.random);
        // Logins are unique in the schema; the serial keeps two "Chen Wong"s apart.
        const QString login = name.toLower().replace(u' ', u'.') + QString::number(++serial);
        const QVariant home = region >= 0 ? QVariant(m_catalog.regionIds[static_cast<size_t>(region)]) : QVariant();
        auto id = m_context.insert(users, QStringLiteral("app_user"), home, {login, name, role, managerId});
        if (!id)
            return id;
        for (size_t r = 0; r < m_catalog.regionIds.size(); ++r) {
            if (region >= 0 && static_cast<size_t>(region) != r)
                continue;
            auto link = m_context.insert(userRegions, QStringLiteral("user_region"), m_catalog.regionIds[r], {id.value()});
            if (!link)
                return link.error();
        }
        return id;
    };
    for (size_t r = 0; r < m_catalog.regionIds.size(); ++r) {
        auto manager = addUser(QStringLiteral("regional_manager"), QVariant(), static_cast<int>(r));
        if (!manager)
            return manager.error();
        const int reps = std::max(1, m_context.profile.reps / static_cast<int>(m_catalog.regionIds.size()));
        for (int i = 0; i < reps; ++i) {
            auto rep = addUser(QStringLiteral("rep"), manager.value(), static_cast<int>(r));
            if (!rep)
                return rep.error();
            m_catalog.repsByRegion[r].push_back(rep.value());
        }
    }
    for (const QString &role : {QStringLiteral("director"), QStringLiteral("admin")})
        if (auto user = addUser(role, QVariant(), -1); !user)
            return user.error();
    return {};
}

Status ReferenceDataWriter::writeProducts()
{
    TableInserter books(m_context.db, QStringLiteral("price_book"),
                        {QStringLiteral("name"), QStringLiteral("currency"), QStringLiteral("is_default"), QStringLiteral("origin")});
    TableInserter products(m_context.db, QStringLiteral("product"),
                           {QStringLiteral("sku"), QStringLiteral("name"), QStringLiteral("category"), QStringLiteral("subcategory")});
    TableInserter entries(m_context.db, QStringLiteral("price_book_entry"),
                          {QStringLiteral("price_book_id"), QStringLiteral("product_id"), QStringLiteral("unit_price_minor")});
    if (auto ready = prepareAll({&books, &products, &entries}); !ready)
        return ready;
    auto book = m_context.insert(books, QStringLiteral("price_book"), QVariant(),
                                 {QStringLiteral("Generated catalogue"), QStringLiteral("USD"), 1, QStringLiteral("derived")});
    if (!book)
        return book.error();
    m_priceBookId = book.value();
    std::vector<double> shares;
    for (const SubCategory &s : subCategories())
        shares.push_back(s.share);
    DeterministicRandom &random = m_context.random;
    for (int i = 0; i < m_context.profile.products; ++i) {
        const SubCategory &sub = subCategories()[static_cast<size_t>(random.weighted(shares))];
        // Log-normal list prices fitted to the demo's catalogue: median about $24, long tail to thousands.
        const qint64 price = std::clamp<qint64>(std::llround(random.logNormal(7.8, 1.55)), 99, 2'500'000);
        const QString subName = QString::fromLatin1(sub.name);
        const QString sku = QStringLiteral("GEN-%1-%2").arg(subName.left(3).toUpper()).arg(i + 1, 6, 10, QLatin1Char('0'));
        auto id = m_context.insert(products, QStringLiteral("product"), QVariant(),
                                   {sku, NamePool::product(random, subName), QString::fromLatin1(sub.category), subName});
        if (!id)
            return id.error();
        if (auto entry = m_context.insert(entries, QStringLiteral("price_book_entry"), QVariant(), {m_priceBookId, id.value(), price}); !entry)
            return entry.error();
        // Margins around the demo's 34 % before discount.
        const int margin = static_cast<int>(std::clamp<qint64>(std::llround(3400 + 900 * random.normal()), 500, 6000));
        m_catalog.products.push_back({id.value(), QString(), price, margin});
    }
    return {};
}

Status ReferenceDataWriter::writeHardware()
{
    // The demo's CRM sells seven hardware products; deals here do the same, at the same list prices
    // and in the same mix.
    struct Item { const char *name; const char *series; qint64 priceMinor; double weight; };
    static const Item items[] = {
        {"GTX Basic", "GTX", 55'000, 960},       {"MG Special", "MG", 5'500, 910},
        {"MG Advanced", "MG", 339'300, 759},     {"GTX Pro", "GTX", 482'100, 752},
        {"GTX Plus Basic", "GTX", 109'600, 733}, {"GTX Plus Pro", "GTX", 548'200, 489},
        {"GTK 500", "GTK", 2'676'800, 40},
    };
    TableInserter products(m_context.db, QStringLiteral("product"),
                           {QStringLiteral("sku"), QStringLiteral("name"), QStringLiteral("category"), QStringLiteral("subcategory")});
    TableInserter entries(m_context.db, QStringLiteral("price_book_entry"),
                          {QStringLiteral("price_book_id"), QStringLiteral("product_id"), QStringLiteral("unit_price_minor")});
    if (auto ready = prepareAll({&products, &entries}); !ready)
        return ready;
    for (const Item &item : items) {
        const QString name = QString::fromLatin1(item.name);
        auto id = m_context.insert(products, QStringLiteral("product"), QVariant(),
                                   {QStringLiteral("HW-") + name.toUpper().replace(u' ', u'-'), name,
                                    QStringLiteral("Hardware"), QString::fromLatin1(item.series)});
        if (!id)
            return id.error();
        if (auto entry = m_context.insert(entries, QStringLiteral("price_book_entry"), QVariant(),
                                          {m_priceBookId, id.value(), item.priceMinor});
            !entry)
            return entry.error();
        m_catalog.hardware.push_back({id.value(), name, item.priceMinor, 0});
        m_catalog.hardwareWeights.push_back(item.weight);
    }
    return {};
}

Status ReferenceDataWriter::writeAccounts()
{
    TableInserter accounts(m_context.db, QStringLiteral("account"),
                           {QStringLiteral("kind"), QStringLiteral("name"), QStringLiteral("segment"), QStringLiteral("country"),
                            QStringLiteral("state"), QStringLiteral("city"), QStringLiteral("postal_code"),
                            QStringLiteral("territory_id"), QStringLiteral("source_ref"), QStringLiteral("created_at")});
    if (auto ready = accounts.prepare(); !ready)
        return ready;
    const auto &shapes = salesRegions();
    std::vector<double> regionShares;
    for (const RegionShape &shape : shapes)
        regionShares.push_back(shape.orderShare);
    DeterministicRandom &random = m_context.random;
    const qint64 windowDays = m_context.profile.firstDay().daysTo(m_context.profile.lastDay());
    for (qint64 i = 0; i < m_context.profile.customers; ++i) {
        const int region = random.weighted(regionShares);
        const int stateIndex = static_cast<int>(random.below(static_cast<qint64>(shapes[static_cast<size_t>(region)].states.size())));
        const StateShape &state = shapes[static_cast<size_t>(region)].states[static_cast<size_t>(stateIndex)];
        const QString city = state.cities.at(static_cast<qsizetype>(random.below(state.cities.size())));
        // Superstore's segments: Consumer 52 %, Corporate 30 % (dealers, as in the demo), Home Office 18 %.
        const int segment = random.weighted({0.52, 0.30, 0.18});
        const QString segmentName = QStringList{QStringLiteral("Consumer"), QStringLiteral("Corporate"), QStringLiteral("Home Office")}.at(segment);
        const bool dealer = segment == 1;
        int territory = 0;
        while (m_catalog.territories[static_cast<size_t>(territory)].region != region
               || m_catalog.territories[static_cast<size_t>(territory)].state != stateIndex)
            ++territory;
        const QString ref = QStringLiteral("GEN-C%1").arg(i + 1, 7, 10, QLatin1Char('0'));
        const QString postal = QStringLiteral("%1").arg(random.between(10000, 99999));
        const QString regionId = m_catalog.regionIds[static_cast<size_t>(region)];
        const QString name = dealer ? NamePool::company(random) : NamePool::person(random);
        auto id = m_context.insert(accounts, QStringLiteral("account"), regionId,
                                   {dealer ? QStringLiteral("dealer") : QStringLiteral("customer"), name, segmentName,
                                    QStringLiteral("United States"), state.name, city, postal,
                                    m_catalog.territories[static_cast<size_t>(territory)].id, ref,
                                    GeneratorContext::instantMs(m_context.profile.firstDay().addDays(random.below(windowDays)))});
        if (!id)
            return id.error();
        m_catalog.accountsByRegion[static_cast<size_t>(region)].push_back(static_cast<int>(m_catalog.accounts.size()));
        m_catalog.accounts.push_back({id.value(), name, ref, region, territory, state.name, city, postal});
    }
    return {};
}

} // namespace vantage::bench
