#include "storeopener.h"

#include "databasefile.h"
#include "metarepository.h"
#include "migrator.h"

#include "domain/sentences.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace vantage::core {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::core::StoreOpener)
};
} // namespace

Result<StoreInfo> StoreOpener::open(JobContext &context, Create create) const
{
    const DatabaseFile file(m_path);
    auto state = file.inspect();
    if (!state)
        return state.error();
    using Kind = DatabaseFileState::Kind;
    const Kind kind = state.value().kind;

    StoreInfo info;
    info.path = m_path;
    if (kind == Kind::Damaged || kind == Kind::TooNew || kind == Kind::Foreign) {
        auto copy = file.backup(kind == Kind::TooNew ? QStringLiteral("newer") : QStringLiteral("damaged"));
        return file.refusal(state.value(), copy ? copy.value() : QString());
    }
    if ((kind == Kind::Missing || kind == Kind::Empty) && create == Create::Never)
        return Error{ErrorCode::NotFound, Tr::tr("The database file %1 does not exist.").arg(m_path), m_path};
    if (kind == Kind::Missing && !QDir().mkpath(QFileInfo(m_path).absolutePath()))
        return Error{ErrorCode::Io, Tr::tr("Cannot create the folder for %1.").arg(m_path), m_path};
    if (kind == Kind::Outdated) {
        // A migration rewrites pages: make sure they are sound first.
        if (auto sound = file.verify(); !sound)
            return sound.error();
        auto copy = file.backup(QStringLiteral("before-v%1").arg(Migrator::latestVersion()));
        if (!copy)
            return copy.error(); // no backup, no migration
        info.backupPath = copy.value();
    }

    auto db = context.connection();
    if (!db)
        return db.error();
    const Migrator migrator(db.value());
    if (auto migrated = migrator.migrate(-1, [&context](int done, int total) {
            context.setProgress(done, total, Tr::tr("Updating the database schema…"));
        });
        !migrated) {
        Error error = migrated.error();
        if (!info.backupPath.isEmpty())
            error.message = joinSentences(error.message, Tr::tr("The original file is kept as %1.").arg(info.backupPath));
        return error;
    }
    info.schemaVersion = Migrator::latestVersion();

    MetaRepository meta(db.value());
    auto values = meta.all();
    if (!values)
        return values.error();
    const auto &map = values.value();
    info.kind = map.value(MetaRepository::kDatabaseKind) == QLatin1String("demo") ? DatabaseKind::Demo
                                                                                  : DatabaseKind::Company;
    info.dataAsOf = QDate::fromString(map.value(MetaRepository::kDataAsOf), Qt::ISODate);
    info.demoShiftDays = map.value(MetaRepository::kDemoShiftDays).toInt();
    return info;
}

} // namespace vantage::core
