#include "seriesfile.h"

#include "importing/csvreader.h"

#include <QCoreApplication>
#include <QHash>

#include <cmath>
#include <map>
#include <optional>

namespace vantage::core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::core::SeriesFile)
};

struct PendingSeries
{
    qint64 firstLine = 0;
    std::map<qint64, double> values;  // t → value
    std::optional<SeriesProblem> problem;
};

void fail(PendingSeries &pending, const QString &id, qint64 line, const QString &message)
{
    if (!pending.problem)
        pending.problem = SeriesProblem{id, line, message};
}

void addRecord(PendingSeries &pending, const QString &id, const CsvRecord &record, int tColumn, int valueColumn)
{
    bool tOk = false;
    const qint64 t = record.fields.value(tColumn).trimmed().toLongLong(&tOk);
    const QString text = record.fields.value(valueColumn).trimmed();
    bool valueOk = false;
    const double value = text.toDouble(&valueOk);
    if (!tOk || t < 1)
        fail(pending, id, record.line, Tr::tr("t \"%1\" is not a whole number from 1 up").arg(record.fields.value(tColumn)));
    else if (text.isEmpty())
        fail(pending, id, record.line, Tr::tr("the value for t = %1 is missing").arg(t));
    else if (!valueOk || !std::isfinite(value))
        fail(pending, id, record.line, Tr::tr("the value \"%1\" for t = %2 is not a number").arg(text).arg(t));
    else if (!pending.values.emplace(t, value).second)
        fail(pending, id, record.line, Tr::tr("t = %1 appears twice").arg(t));
}

SeriesInput finish(const QString &id, PendingSeries &pending)
{
    SeriesInput series{id, {}, pending.firstLine};
    qint64 expected = 1;
    for (const auto &[t, value] : pending.values) {
        if (t != expected) {
            fail(pending, id, pending.firstLine, Tr::tr("the value for t = %1 is missing").arg(expected));
            break;
        }
        series.values.push_back(value);
        ++expected;
    }
    return series;
}

} // namespace

QString SeriesProblem::toString() const
{
    if (seriesId.isEmpty())
        return Tr::tr("line %1: %2").arg(line).arg(message);
    return Tr::tr("series %1, line %2: %3").arg(seriesId).arg(line).arg(message);
}

Result<SeriesFile> readSeriesFile(const QString &path)
{
    CsvReader reader(path);
    if (Status opened = reader.open(); !opened)
        return opened.error();
    const auto columns = reader.columnIndexes({QStringLiteral("series_id"), QStringLiteral("t"), QStringLiteral("value")});
    if (!columns)
        return columns.error();
    const int idColumn = columns.value().value(QStringLiteral("series_id"));
    const int tColumn = columns.value().value(QStringLiteral("t"));
    const int valueColumn = columns.value().value(QStringLiteral("value"));

    QStringList order;
    QHash<QString, PendingSeries> pending;
    SeriesFile file;
    CsvRecord record;
    QString problem;
    while (reader.next(record, &problem)) {
        if (!problem.isEmpty()) {
            file.problems.push_back({QString(), record.line, problem});
            problem.clear();
            continue;
        }
        const QString id = record.fields.value(idColumn).trimmed();
        if (!pending.contains(id)) {
            order << id;
            pending[id].firstLine = record.line;
        }
        addRecord(pending[id], id, record, tColumn, valueColumn);
    }
    for (const QString &id : order) {
        PendingSeries &series = pending[id];
        SeriesInput input = finish(id, series);
        if (series.problem)
            file.problems.push_back(*series.problem);
        else
            file.series.push_back(std::move(input));
    }
    return file;
}

} // namespace vantage::core
