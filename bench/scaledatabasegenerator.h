#pragma once

#include "scaleprofile.h"

#include "domain/result.h"

#include <QMap>
#include <QString>

namespace vantage::bench {

struct GenerationReport
{
    QMap<QString, qint64> rowsWritten;
    qint64 elapsedMs = 0;
};

// Writes a large, realistic database for the scale benchmark through the app's own schema
// (Migrator) and insert helper (TableInserter): reference data, customers, orders with lines,
// invoices and payments, opportunities with stage history, all in one transaction. The result
// opens in the app like the demo: app_meta marks it as demo data as of the profile's date, so the
// dashboard shows the same figures on every run.
class ScaleDatabaseGenerator
{
public:
    static inline const QString kStampKey = QStringLiteral("bench_generator");

    explicit ScaleDatabaseGenerator(ScaleProfile profile) : m_profile(std::move(profile)) {}

    // Refuses to touch an existing file; write to a new path.
    core::Result<GenerationReport> generate(const QString &path) const;

private:
    core::Status fill(const QString &path, GenerationReport &report) const;

    ScaleProfile m_profile;
};

} // namespace vantage::bench
