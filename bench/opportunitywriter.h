#pragma once

#include "generatorcontext.h"
#include "scalecatalog.h"

#include "domain/result.h"
#include "importing/tableinserter.h"

#include <QDate>

namespace vantage::bench {

// Writes the sales pipeline: opportunities on the hardware products with their stage history,
// in the demo's mix (about half won, a quarter lost, a fifth still engaging, a few prospecting).
class OpportunityWriter
{
public:
    OpportunityWriter(GeneratorContext &context, const ScaleCatalog &catalog);

    core::Status write();

private:
    // What happens to one deal.
    struct Fate
    {
        QString stage;      // final stage code
        QDate start;        // engaged (or, prospecting, first seen)
        QDate expectedClose;
        QDate closedOn;     // invalid while open
    };

    Fate drawFate();
    core::Status writeOne();
    core::Status writeHistory(const QString &opportunityId, const QString &regionId, const QString &ownerId,
                              const Fate &fate);

    GeneratorContext &m_context;
    const ScaleCatalog &m_catalog;
    core::TableInserter m_opportunities;
    core::TableInserter m_stageHistory;
};

} // namespace vantage::bench
