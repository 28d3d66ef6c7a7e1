#include "snapshotfile.h"

#include "protocol/entitycatalog.h"
#include "protocol/rowcodec.h"
#include "protocol/syncmessages.h"
#include "sync/changeapplier.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace vantage::bench {
namespace {

core::Error fileError(const QFile &file)
{
    return core::Error{core::ErrorCode::Io, QStringLiteral("%1: %2").arg(file.fileName(), file.errorString()), QString()};
}

} // namespace

core::Result<qint64> SnapshotFile::write(const QSqlDatabase &source, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return fileError(file);
    qint64 rows = 0;
    for (const core::EntityDescriptor &entity : core::EntityCatalog::instance().entities()) {
        auto written = core::RowCodec::forEachRow(source, entity, QStringLiteral("deleted = 0"), {},
            [&](const QString &id, const QString &region, qint64, bool, const QJsonObject &fields) -> core::Status {
                // Version 1, as the server stores imported rows.
                const QJsonObject line{{QStringLiteral("entity"), entity.name}, {QStringLiteral("id"), id},
                                       {QStringLiteral("region"), region}, {QStringLiteral("version"), 1},
                                       {QStringLiteral("row"), fields}};
                if (file.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n') < 0)
                    return fileError(file);
                ++rows;
                return {};
            });
        if (!written)
            return written.error();
    }
    if (!file.flush())
        return fileError(file);
    return rows;
}

core::Result<qint64> SnapshotFile::load(const QString &path, const QSqlDatabase &client, int pageRows)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fileError(file);
    const sync::ChangeApplier applier(client);
    core::SnapshotPage page;
    qint64 rows = 0;
    const auto apply = [&]() -> core::Status {
        if (page.rows.empty())
            return {};
        core::Status applied = applier.applySnapshot(page);
        rows += static_cast<qint64>(page.rows.size());
        page.rows.clear();
        return applied;
    };
    while (!file.atEnd()) {
        const QJsonObject line = QJsonDocument::fromJson(file.readLine()).object();
        const QString entity = line.value(QStringLiteral("entity")).toString();
        if (entity != page.entity || static_cast<int>(page.rows.size()) >= pageRows) {
            if (auto applied = apply(); !applied)
                return applied.error();
            page.entity = entity;
        }
        core::SnapshotRow row{line.value(QStringLiteral("id")).toString(), line.value(QStringLiteral("region")).toString(),
                              line.value(QStringLiteral("version")).toInteger(), line.value(QStringLiteral("row")).toObject()};
        // The same check a downloaded page gets (parseSnapshotPage), so both paths do the same work.
        if (auto valid = core::validateFields(entity, row.row, true, QStringLiteral("row")); !valid)
            return valid.error();
        page.rows.push_back(std::move(row));
    }
    if (auto applied = apply(); !applied)
        return applied.error();
    return rows;
}

} // namespace vantage::bench
