#include "generatorcontext.h"

#include "importing/tableinserter.h"

#include <QDateTime>
#include <QTimeZone>

#include <memory>

namespace vantage::bench {

GeneratorContext::GeneratorContext(QSqlDatabase database, const ScaleProfile &scaleProfile)
    : db(std::move(database)),
      profile(scaleProfile),
      random(scaleProfile.seed),
      ids([ms = instantMs(scaleProfile.asOf)] { return ms; },
          [bits = std::make_shared<DeterministicRandom>(scaleProfile.seed ^ 0x5EEDULL)] { return bits->next(); }),
      stampMs(instantMs(scaleProfile.asOf))
{
}

core::Result<QString> GeneratorContext::insert(core::TableInserter &inserter, const QString &table,
                                               const QVariant &regionId, const QVariantList &values)
{
    auto id = inserter.insertSynced(ids, regionId, stampMs, values);
    if (id)
        rowsWritten[table] += 1;
    return id;
}

qint64 GeneratorContext::instantMs(const QDate &day)
{
    return QDateTime(day, QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
}

} // namespace vantage::bench
