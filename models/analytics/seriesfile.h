#pragma once

#include "domain/result.h"

#include <QString>

#include <vector>

namespace vantage::core {

struct SeriesInput
{
    QString id;
    std::vector<double> values;  // in order of t
    qint64 firstLine = 0;        // where the series starts in the file, for messages
};

// A problem with one series: it is left out, the others go on.
struct SeriesProblem
{
    QString seriesId;
    qint64 line = 0;
    QString message;  // translated, names the series and the line

    QString toString() const;
};

struct SeriesFile
{
    std::vector<SeriesInput> series;
    std::vector<SeriesProblem> problems;
};

// Reads long-format CSV `series_id,t,value` (the M3 layout): t are the integers 1..n in any
// order, value a number with a dot as decimal separator. A series with an empty or non-numeric
// value, a repeated t or a gap in t is reported with the line and left out; a file that cannot
// be read or lacks a column fails as a whole.
Result<SeriesFile> readSeriesFile(const QString &path);

} // namespace vantage::core
