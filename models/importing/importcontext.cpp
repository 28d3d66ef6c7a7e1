#include "importcontext.h"

#include "tableinserter.h"

#include <QCoreApplication>
#include <QRandomGenerator>

namespace vantage::core {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::core::ImportContext)
};

constexpr quint32 kIdSeed = 20171231;
} // namespace

ImportContext::ImportContext(QSqlDatabase database, DemoCalendar demoCalendar, ImportReport &importReport,
                             JobContext &jobContext)
    : db(std::move(database)),
      calendar(demoCalendar),
      report(importReport),
      job(jobContext),
      ids([ms = calendar.instantMs(DemoCalendar::sourceEnd())] { return ms; },
          [random = std::make_shared<QRandomGenerator>(kIdSeed)] { return random->generate64(); }),
      stampMs(calendar.instantMs(DemoCalendar::sourceEnd()))
{
}

Result<QString> ImportContext::region(const QString &name)
{
    const QString code = name.trimmed().toLower();
    if (const auto it = regionIdByCode.constFind(code); it != regionIdByCode.cend())
        return it.value();
    TableInserter inserter(db, QStringLiteral("region"),
                           {QStringLiteral("code"), QStringLiteral("name"), QStringLiteral("country"),
                            QStringLiteral("currency")});
    if (auto ready = inserter.prepare(); !ready)
        return ready.error();
    auto id = insert(inserter, QStringLiteral("region"), QVariant(),
                     {code, name.trimmed(), QStringLiteral("US"), QStringLiteral("USD")});
    if (id)
        regionIdByCode.insert(code, id.value());
    return id;
}

Result<QString> ImportContext::insert(TableInserter &inserter, const QString &table, const QVariant &regionId,
                                      const QVariantList &values)
{
    auto id = inserter.insertSynced(ids, regionId, stampMs, values);
    if (id)
        report.rowsWritten[table] += 1;
    return id;
}

bool ImportContext::progress(int value, int maximum, const QString &text)
{
    job.setProgress(value, maximum, text);
    return !job.isCanceled();
}

Error cancelledError()
{
    return {ErrorCode::Cancelled, Tr::tr("The import was cancelled; nothing was written."),
            QStringLiteral("cancelled")};
}

quint32 stableHash(const QString &text)
{
    quint32 hash = 2166136261u;
    for (const QChar c : text) {
        hash ^= c.unicode();
        hash *= 16777619u;
    }
    return hash;
}

} // namespace vantage::core
