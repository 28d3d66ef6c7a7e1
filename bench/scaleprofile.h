#pragma once

#include <QDate>
#include <QString>

namespace vantage::bench {

// How big the generated database is and which window of time it covers. Everything scales from
// the number of order lines, in the proportions the issue asks for (1,000,000 lines: ~250,000
// orders, 20,000 customers, 100,000 opportunities).
struct ScaleProfile
{
    qint64 orderLines = 1'000'000;
    qint64 customers = 20'000;
    qint64 opportunities = 100'000;
    int products = 2'000;
    int reps = 40;
    int years = 4;
    QDate asOf;        // the database's "today"; the data ends the day before
    quint64 seed = 42;

    static ScaleProfile forOrderLines(qint64 orderLines, QDate asOf, quint64 seed);

    QDate firstDay() const { return asOf.addYears(-years); }
    QDate lastDay() const { return asOf.addDays(-1); }
    // Identifies the generated content, the schema included (a fingerprint of every migration's
    // statements): a database with another stamp must be generated again.
    QString stamp() const;
};

} // namespace vantage::bench
