#include "databasefile.h"

#include "connection.h"
#include "migrator.h"
#include "sql.h"
#include "storagelog.h"

#include "domain/clock.h"
#include "domain/sentences.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace vantage::core {
namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::core::DatabaseFile)
};

constexpr char kSqliteMagic[] = "SQLite format 3";

QByteArray sha256(const QString &path)
{
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file))
        return {};
    return hash.result();
}

DatabaseFileState damaged(const QString &detail)
{
    return {DatabaseFileState::Kind::Damaged, 0, detail};
}

} // namespace

Result<DatabaseFileState> DatabaseFile::inspect() const
{
    const QFileInfo info(m_path);
    if (!info.exists())
        return DatabaseFileState{DatabaseFileState::Kind::Missing, 0, {}};
    if (info.size() == 0)
        return DatabaseFileState{DatabaseFileState::Kind::Empty, 0, {}};

    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io, Tr::tr("The database file %1 cannot be read: %2").arg(m_path, file.errorString()),
                     file.errorString()};
    const QByteArray header = file.read(100);
    file.close();
    if (header.size() < 100 || !header.startsWith(QByteArray(kSqliteMagic)))
        return damaged(QStringLiteral("missing SQLite header"));

    ScopedConnection connection(m_path, QStringLiteral("inspect"), ConnectionMode::ReadOnly);
    if (!connection.ok())
        return damaged(connection.error().detail);
    const Sql sql(connection.database());
    // Reading the schema touches the first pages: a broken header or schema shows up here. Damage
    // deeper in the file is found by verify(), which reads every page and so runs in the background.
    auto applicationId = sql.scalar(QStringLiteral("PRAGMA application_id"));
    auto version = sql.scalar(QStringLiteral("PRAGMA user_version"));
    auto tables = sql.scalar(QStringLiteral("SELECT count(*) FROM sqlite_master"));
    if (!applicationId || !version || !tables)
        return damaged(QStringLiteral("header pragmas unreadable"));
    const int schema = version.value().toInt();
    if (applicationId.value().toInt() != Migrator::kApplicationId) {
        if (tables.value().toInt() == 0)
            return DatabaseFileState{DatabaseFileState::Kind::Empty, 0, {}};
        return DatabaseFileState{DatabaseFileState::Kind::Foreign, schema,
                                 QStringLiteral("application_id %1").arg(applicationId.value().toInt())};
    }
    if (schema > Migrator::latestVersion())
        return DatabaseFileState{DatabaseFileState::Kind::TooNew, schema, {}};
    if (schema < Migrator::latestVersion())
        return DatabaseFileState{DatabaseFileState::Kind::Outdated, schema, {}};
    return DatabaseFileState{DatabaseFileState::Kind::Current, schema, {}};
}

Result<QStringList> DatabaseFile::pageProblems() const
{
    ScopedConnection connection(m_path, QStringLiteral("verify"), ConnectionMode::ReadOnly);
    if (!connection.ok())
        return connection.error();
    auto check = Sql(connection.database()).query(QStringLiteral("PRAGMA quick_check"));
    if (!check)
        return QStringList{check.error().detail};
    QStringList problems;
    while (check.value().next()) {
        const QString line = check.value().value(0).toString();
        if (line != QLatin1String("ok"))
            problems << line;
    }
    return problems;
}

Status DatabaseFile::verify() const
{
    auto problems = pageProblems();
    if (!problems)
        return problems.error();
    if (problems.value().isEmpty())
        return {};
    const DatabaseFileState state{DatabaseFileState::Kind::Damaged, 0, problems.value().mid(0, 5).join(QStringLiteral("; "))};
    auto copy = backup(QStringLiteral("damaged"));
    return refusal(state, copy ? copy.value() : QString());
}

Result<QString> DatabaseFile::backup(const QString &reason) const
{
    // A file that is refused again and again is copied once, not on every attempt.
    if (const QString existing = identicalBackup(reason); !existing.isEmpty())
        return existing;
    const QString stamp = Clock::nowUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    QString target = QStringLiteral("%1.%2-%3.bak").arg(m_path, reason, stamp);
    for (int n = 2; QFileInfo::exists(target); ++n) // never overwrite an earlier backup
        target = QStringLiteral("%1.%2-%3-%4.bak").arg(m_path, reason, stamp).arg(n);
    const QStringList suffixes{QString(), QStringLiteral("-wal"), QStringLiteral("-journal")};
    for (const QString &suffix : suffixes) {
        const QString source = m_path + suffix;
        if (!QFileInfo::exists(source))
            continue;
        QFile in(source);
        if (!in.copy(target + suffix))
            return Error{ErrorCode::Io,
                         Tr::tr("Could not save a backup copy of %1 as %2: %3").arg(source, target + suffix, in.errorString()),
                         in.errorString()};
    }
    qCInfo(lcStore) << "backup of" << m_path << "saved as" << target;
    return target;
}

QString DatabaseFile::identicalBackup(const QString &reason) const
{
    const QFileInfo info(m_path);
    const QDir folder = info.absoluteDir();
    const QStringList candidates = folder.entryList({info.fileName() + u'.' + reason + QStringLiteral("-*.bak")},
                                                    QDir::Files, QDir::Name | QDir::Reversed);
    if (candidates.isEmpty() || QFileInfo::exists(m_path + QStringLiteral("-wal")))
        return {};
    const QString latest = folder.filePath(candidates.first());
    if (QFileInfo(latest).size() != info.size())
        return {};
    return sha256(latest) == sha256(m_path) ? latest : QString();
}

Error DatabaseFile::refusal(const DatabaseFileState &state, const QString &backupPath) const
{
    const QString kept = backupPath.isEmpty() ? QString() : Tr::tr("A backup copy was saved as %1.").arg(backupPath);
    switch (state.kind) {
    case DatabaseFileState::Kind::TooNew:
        return {ErrorCode::DatabaseTooNew,
                joinSentences(Tr::tr("The database %1 was made by a newer version of Vantage (schema %2; this "
                                     "version reads up to %3). Install the newer version to open it; the file was "
                                     "not changed.")
                                  .arg(m_path)
                                  .arg(state.schemaVersion)
                                  .arg(Migrator::latestVersion()),
                              kept),
                QStringLiteral("schema %1 > %2").arg(state.schemaVersion).arg(Migrator::latestVersion())};
    case DatabaseFileState::Kind::Foreign:
        return {ErrorCode::DatabaseDamaged,
                joinSentences(Tr::tr("The file %1 is an SQLite database, but not a Vantage database. It was not "
                                     "changed.").arg(m_path),
                              kept),
                state.detail};
    default:
        return {ErrorCode::DatabaseDamaged,
                joinSentences(Tr::tr("The database file %1 is damaged and cannot be opened (%2). It was not "
                                     "changed.").arg(m_path, state.detail),
                              kept),
                state.detail};
    }
}

} // namespace vantage::core
