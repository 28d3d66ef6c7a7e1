#include "demoimporter.h"

#include "crmsource.h"
#include "crmwriter.h"
#include "derivedfinance.h"
#include "importcontext.h"
#include "superstoresource.h"
#include "superstorewriter.h"

#include "storage/metarepository.h"
#include "storage/sql.h"
#include "storage/storagelog.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>

namespace vantage::core {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::core::DemoImporter)
};
} // namespace

DemoSources DemoSources::bundled()
{
    return {QStringLiteral(":/vantage/demo/superstore.csv"), QStringLiteral(":/vantage/demo/crm")};
}

DemoSources DemoSources::fromDirectory(const QString &directory)
{
    const QDir dir(directory);
    return {dir.filePath(QStringLiteral("superstore.csv")), directory};
}

Status DemoImporter::checkEmpty(const QSqlDatabase &db) const
{
    auto rows = Sql(db).scalar(QStringLiteral("SELECT (SELECT count(*) FROM sales_order) + "
                                              "(SELECT count(*) FROM opportunity) + (SELECT count(*) FROM account)"));
    if (!rows)
        return rows.error();
    if (rows.value().toLongLong() > 0)
        return Error{ErrorCode::InvalidInput,
                     Tr::tr("The database %1 already holds sales data; import into a new file instead.")
                         .arg(db.databaseName()),
                     QStringLiteral("target not empty")};
    return {};
}

Result<ImportReport> DemoImporter::run(JobContext &context) const
{
    QElapsedTimer timer;
    timer.start();
    auto db = context.connection();
    if (!db)
        return db.error();
    if (auto empty = checkEmpty(db.value()); !empty)
        return empty.error();

    ImportReport report;
    context.setProgress(0, 0, Tr::tr("Reading the source files…"));
    auto superstore = SuperstoreSource::read(m_sources.superstoreFile, report);
    if (!superstore)
        return superstore.error();
    auto crm = CrmSource::read(m_sources.crmDirectory, report);
    if (!crm)
        return crm.error();

    ImportContext import(db.value(), DemoCalendar(m_asOf), report, context);
    const Sql sql(db.value());
    Status written = sql.transaction([&]() -> Status {
        SuperstoreWriter orders(import);
        if (auto s = orders.write(superstore.value()); !s)
            return s;
        if (auto s = CrmWriter(import).write(crm.value()); !s)
            return s;
        DerivedFinance finance(import);
        if (auto s = finance.writeInvoicesAndPayments(orders.orders()); !s)
            return s;
        if (auto s = finance.writeQuarterlyTargets(superstore.value()); !s)
            return s;
        // Shifted sample data with derived finance records: always a demo database, whoever imports it.
        const MetaRepository meta(db.value());
        if (auto s = meta.set(MetaRepository::kDatabaseKind, QStringLiteral("demo")); !s)
            return s;
        if (auto s = meta.set(MetaRepository::kDataAsOf, m_asOf.toString(Qt::ISODate)); !s)
            return s;
        return meta.set(MetaRepository::kDemoShiftDays, QString::number(import.calendar.shiftDays()));
    });
    if (!written)
        return written.error();
    report.elapsedMs = timer.elapsed();
    qCInfo(lcImport).noquote() << report.summaryLines().join(QStringLiteral("; "));
    return report;
}

} // namespace vantage::core
