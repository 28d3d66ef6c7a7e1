#pragma once

#include "importreport.h"

#include "domain/result.h"
#include "storage/jobcontext.h"

#include <QDate>
#include <QString>

namespace vantage::core {

// Where the demo's source files are: bundled in the program (resources/demo) or a directory
// holding superstore.csv and the four CRM files (vantage-cli import --source DIR).
struct DemoSources
{
    QString superstoreFile;
    QString crmDirectory;

    static DemoSources bundled();
    static DemoSources fromDirectory(const QString &directory);
};

// Imports the sources into an empty database at the newest schema, in one transaction:
// bad rows are reported and skipped, anything else that fails leaves the database untouched.
class DemoImporter
{
public:
    DemoImporter(DemoSources sources, QDate asOf) : m_sources(std::move(sources)), m_asOf(asOf) {}

    Result<ImportReport> run(JobContext &context) const;

private:
    Status checkEmpty(const QSqlDatabase &db) const;

    DemoSources m_sources;
    QDate m_asOf;
};

} // namespace vantage::core
