#pragma once

#include "generatorcontext.h"
#include "scalecatalog.h"

#include "domain/result.h"

namespace vantage::bench {

// Writes the rows everything else refers to: pipeline stages, regions and territories, the sales
// team, the product catalogue with its price book, and the customers.
class ReferenceDataWriter
{
public:
    ReferenceDataWriter(GeneratorContext &context, ScaleCatalog &catalog) : m_context(context), m_catalog(catalog) {}

    core::Status write();

private:
    core::Status writeStages();
    core::Status writeRegions();
    core::Status writeUsers();
    core::Status writeProducts();
    core::Status writeHardware();
    core::Status writeAccounts();

    GeneratorContext &m_context;
    ScaleCatalog &m_catalog;
    QString m_priceBookId;
};

} // namespace vantage::bench
