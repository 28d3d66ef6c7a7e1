#pragma once

#include "domain/result.h"

#include <QStringList>

#include <vector>

namespace vantage::bench {

// Replays recorded statements in the sqlite3 command-line shell on the same file and reads the
// shell's own timer (".timer on": wall-clock time of each input line, in whole milliseconds).
// Each timed line holds `repeat` copies of the statements, so one "Run Time" covers a sample of
// `repeat` executions, exactly like CodePathTimer's samples. Output rows go to /dev/null; the first
// line is a warm-up and is not counted. The connection gets the same PRAGMAs as the app's readers
// (storage/connection.cpp) and is opened read-only, as they are.
class SqliteShellTimer
{
public:
    SqliteShellTimer(QString shellProgram, QString databasePath)
        : m_shell(std::move(shellProgram)), m_databasePath(std::move(databasePath))
    {
    }

    // The complete shell script, with a comment header that says how to run it by hand.
    QString script(const QString &title, const QStringList &statements, int runs, int repeat) const;
    // Runs a script made by script() and returns its samples in ms per execution (warm-up left out).
    core::Result<std::vector<double>> samples(const QString &script, int repeat) const;
    // "3.40.1 2022-12-28 …" from `sqlite3 --version`, empty when the shell is missing.
    QString version() const;

private:
    QString m_shell;
    QString m_databasePath;
};

} // namespace vantage::bench
