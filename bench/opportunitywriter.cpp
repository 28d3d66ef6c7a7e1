#include "opportunitywriter.h"

#include <algorithm>
#include <cmath>

namespace vantage::bench {

using core::Status;

namespace {

QString iso(const QDate &day)
{
    return day.toString(Qt::ISODate);
}

QVariant isoOrNull(const QDate &day)
{
    return day.isValid() ? QVariant(iso(day)) : QVariant();
}

} // namespace

OpportunityWriter::OpportunityWriter(GeneratorContext &context, const ScaleCatalog &catalog)
    : m_context(context),
      m_catalog(catalog),
      m_opportunities(context.db, QStringLiteral("opportunity"),
                      {QStringLiteral("name"), QStringLiteral("account_id"), QStringLiteral("owner_id"),
                       QStringLiteral("product_id"), QStringLiteral("stage_code"), QStringLiteral("amount_minor"),
                       QStringLiteral("currency"), QStringLiteral("expected_close_on"), QStringLiteral("closed_on"),
                       QStringLiteral("created_at"), QStringLiteral("source_ref")}),
      m_stageHistory(context.db, QStringLiteral("opportunity_stage_history"),
                     {QStringLiteral("opportunity_id"), QStringLiteral("stage_code"), QStringLiteral("entered_at"),
                      QStringLiteral("changed_by"), QStringLiteral("estimated")})
{
}

Status OpportunityWriter::write()
{
    for (core::TableInserter *inserter : {&m_opportunities, &m_stageHistory})
        if (auto ready = inserter->prepare(); !ready)
            return ready;
    for (qint64 i = 0; i < m_context.profile.opportunities; ++i)
        if (auto done = writeOne(); !done)
            return done;
    return {};
}

// 6 % are new prospects (seen in the last four months, no engagement yet); 18 % are engaged deals
// that stalled and stay open past their expected close; the rest run a sales cycle of about six
// weeks (log-normal) and are won (63 %) or lost when the cycle ends before today, open otherwise.
OpportunityWriter::Fate OpportunityWriter::drawFate()
{
    DeterministicRandom &random = m_context.random;
    const ScaleProfile &p = m_context.profile;
    const qint64 windowDays = p.firstDay().daysTo(p.lastDay());
    Fate fate;
    const double kind = random.unit();
    if (kind < 0.06) {
        fate.stage = QStringLiteral("prospecting");
        fate.start = p.lastDay().addDays(-random.below(120));
        fate.expectedClose = fate.start.addDays(60);
        return fate;
    }
    fate.start = p.firstDay().addDays(random.below(windowDays + 1));
    const int cycleDays = static_cast<int>(std::clamp(std::lround(random.logNormal(std::log(45.0), 0.7)), 1L, 365L));
    fate.expectedClose = fate.start.addDays(cycleDays);
    if (kind < 0.24 || fate.expectedClose > p.lastDay()) {
        fate.stage = QStringLiteral("engaging");
        return fate;
    }
    fate.closedOn = fate.expectedClose;
    fate.stage = random.chance(0.63) ? QStringLiteral("won") : QStringLiteral("lost");
    return fate;
}

Status OpportunityWriter::writeOne()
{
    DeterministicRandom &random = m_context.random;
    const size_t region = static_cast<size_t>(random.below(static_cast<qint64>(m_catalog.repsByRegion.size())));
    const auto &reps = m_catalog.repsByRegion[region];
    const QString &ownerId = reps[static_cast<size_t>(random.below(static_cast<qint64>(reps.size())))];
    const auto &regionAccounts = m_catalog.accountsByRegion[region];
    const auto &account = m_catalog.accounts[static_cast<size_t>(
        regionAccounts[static_cast<size_t>(random.skewed(static_cast<qint64>(regionAccounts.size()), 1.6))])];
    const auto &product = m_catalog.hardware[static_cast<size_t>(random.weighted(m_catalog.hardwareWeights))];
    const Fate fate = drawFate();
    // Won deals are worth what they closed at (85-110 % of list); the others their list price.
    const qint64 amount = fate.stage == QLatin1String("won") ? product.listPriceMinor * random.between(85, 110) / 100
                                                             : product.listPriceMinor;
    const QString regionId = m_catalog.regionIds[region];
    auto id = m_context.insert(m_opportunities, QStringLiteral("opportunity"), regionId,
                               {QStringLiteral("%1 – %2").arg(account.name, product.name), account.id, ownerId, product.id, fate.stage, amount,
                                QStringLiteral("USD"), iso(fate.expectedClose), isoOrNull(fate.closedOn),
                                GeneratorContext::instantMs(fate.start), QVariant()});
    if (!id)
        return id.error();
    return writeHistory(id.value(), regionId, ownerId, fate);
}

Status OpportunityWriter::writeHistory(const QString &opportunityId, const QString &regionId, const QString &ownerId,
                                       const Fate &fate)
{
    const bool prospecting = fate.stage == QLatin1String("prospecting");
    auto first = m_context.insert(m_stageHistory, QStringLiteral("opportunity_stage_history"), regionId,
                                  {opportunityId, prospecting ? QStringLiteral("prospecting") : QStringLiteral("engaging"),
                                   GeneratorContext::instantMs(fate.start), ownerId, 0});
    if (!first)
        return first.error();
    if (!fate.closedOn.isValid())
        return {};
    auto closed = m_context.insert(m_stageHistory, QStringLiteral("opportunity_stage_history"), regionId,
                                   {opportunityId, fate.stage, GeneratorContext::instantMs(fate.closedOn), ownerId, 0});
    return closed ? Status() : Status(closed.error());
}

} // namespace vantage::bench
