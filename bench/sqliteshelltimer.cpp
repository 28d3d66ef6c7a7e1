#include "sqliteshelltimer.h"

#include <QProcess>
#include <QRegularExpression>

namespace vantage::bench {

using core::Error;
using core::ErrorCode;

namespace {

// One input line per sample: the shell times a line as a whole when it holds several statements.
QString oneLine(const QStringList &statements, int repeat)
{
    QString unit;
    for (QString statement : statements) {
        statement.replace(u'\n', u' ').replace(u'\r', u' '); // our statements hold no multi-line literals
        unit += statement.trimmed() + QStringLiteral("; ");
    }
    return unit.repeated(repeat).trimmed();
}

} // namespace

QString SqliteShellTimer::script(const QString &title, const QStringList &statements, int runs, int repeat) const
{
    QStringList lines{
        QStringLiteral("-- %1").arg(title),
        QStringLiteral("-- Statements recorded from our code path with the bound values written as literals."),
        QStringLiteral("-- Run: sqlite3 -readonly -batch DATABASE < THIS_FILE"),
        QStringLiteral("-- Prints one \"Run Time\" line per sample; each sample line runs the statements %1 time(s);").arg(repeat),
        QStringLiteral("-- the first line is a warm-up."),
        QStringLiteral(".output /dev/null"),
        QStringLiteral("PRAGMA foreign_keys = ON;"),
        QStringLiteral("PRAGMA synchronous = NORMAL;"),
        QStringLiteral("PRAGMA temp_store = MEMORY;"),
        QStringLiteral(".timer on"),
    };
    const QString sample = oneLine(statements, repeat);
    for (int i = 0; i <= runs; ++i)
        lines << sample;
    return lines.join(u'\n') + u'\n';
}

core::Result<std::vector<double>> SqliteShellTimer::samples(const QString &script, int repeat) const
{
    QProcess shell;
    shell.start(m_shell, {QStringLiteral("-readonly"), QStringLiteral("-batch"), m_databasePath});
    if (!shell.waitForStarted())
        return Error{ErrorCode::Io, QStringLiteral("cannot start %1").arg(m_shell), shell.errorString()};
    shell.write(script.toUtf8());
    shell.closeWriteChannel();
    shell.waitForFinished(-1);
    const QString err = QString::fromUtf8(shell.readAllStandardError()).trimmed();
    if (shell.exitStatus() != QProcess::NormalExit || shell.exitCode() != 0 || !err.isEmpty())
        return Error{ErrorCode::Database, QStringLiteral("sqlite3 failed: %1").arg(err), err};
    static const QRegularExpression runTime(QStringLiteral("^Run Time: real ([0-9.]+)"), QRegularExpression::MultilineOption);
    std::vector<double> samples;
    auto it = runTime.globalMatch(QString::fromUtf8(shell.readAllStandardOutput()));
    bool warmUp = true;
    while (it.hasNext()) {
        const double seconds = it.next().captured(1).toDouble();
        if (!warmUp)
            samples.push_back(seconds * 1000.0 / repeat);
        warmUp = false;
    }
    if (samples.empty())
        return Error{ErrorCode::Database, QStringLiteral("sqlite3 printed no timings"), QString()};
    return samples;
}

QString SqliteShellTimer::version() const
{
    QProcess shell;
    shell.start(m_shell, {QStringLiteral("--version")});
    if (!shell.waitForFinished())
        return {};
    return QString::fromUtf8(shell.readAllStandardOutput()).trimmed();
}

} // namespace vantage::bench
