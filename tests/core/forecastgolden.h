#pragma once

// Reads the reference results of R's forecast package in tests/golden/forecast (README.md there
// describes every file and column) for the forecasting engine's unit tests.
#include <QDir>
#include <QFile>
#include <QHash>
#include <QStringList>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace vantage::test {

inline QString goldenForecastPath(const QString &fileName)
{
    const QString root = qEnvironmentVariable("VANTAGE_SOURCE_DIR");
    if (root.isEmpty())
        qFatal("VANTAGE_SOURCE_DIR is not set: run the test through ctest");
    return QDir(root).filePath(QStringLiteral("tests/golden/forecast/") + fileName);
}

// A golden CSV: plain comma-separated fields without quoting, `NA` for a missing number.
class GoldenTable
{
public:
    static GoldenTable read(const QString &fileName)
    {
        GoldenTable table;
        QFile file(goldenForecastPath(fileName));
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
            qFatal("cannot read golden file %s", qPrintable(file.fileName()));
        const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
        if (lines.isEmpty())
            qFatal("golden file %s is empty", qPrintable(file.fileName()));
        const QStringList header = lines.first().trimmed().split(u',');
        for (int i = 0; i < header.size(); ++i)
            table.m_columns.insert(header[i], i);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QStringList fields = lines[i].trimmed().split(u',');
            if (fields.size() != header.size())
                qFatal("%s line %lld: %lld fields, header has %lld", qPrintable(fileName), qlonglong(i + 1),
                       qlonglong(fields.size()), qlonglong(header.size()));
            table.m_rows.push_back(fields);
        }
        return table;
    }

    int size() const { return int(m_rows.size()); }

    QString text(int row, const char *column) const
    {
        const auto it = m_columns.constFind(QLatin1String(column));
        if (it == m_columns.constEnd())
            qFatal("no golden column %s", column);
        return m_rows[std::size_t(row)][*it];
    }

    double number(int row, const char *column) const
    {
        const QString value = text(row, column);
        if (value == QLatin1String("NA"))
            return std::numeric_limits<double>::quiet_NaN();
        bool ok = false;
        const double parsed = value.toDouble(&ok);
        if (!ok)
            qFatal("golden column %s row %d: \"%s\" is not a number", column, row, qPrintable(value));
        return parsed;
    }

    // Rows whose columns equal the given values, in file order.
    std::vector<int> rowsWhere(const char *column, const QString &value) const
    {
        std::vector<int> rows;
        for (int r = 0; r < size(); ++r)
            if (text(r, column) == value)
                rows.push_back(r);
        return rows;
    }
    std::vector<int> rowsWhere(const char *column1, const QString &value1, const char *column2,
                               const QString &value2) const
    {
        std::vector<int> rows;
        for (int r = 0; r < size(); ++r)
            if (text(r, column1) == value1 && text(r, column2) == value2)
                rows.push_back(r);
        return rows;
    }

private:
    QHash<QString, int> m_columns;
    std::vector<QStringList> m_rows;
};

struct GoldenSeries
{
    QString id;
    int period = 0;
    std::vector<double> values;
};

// series.csv: the training values of every golden series, in file order.
inline std::vector<GoldenSeries> goldenSeries()
{
    const GoldenTable table = GoldenTable::read(QStringLiteral("series.csv"));
    std::vector<GoldenSeries> series;
    for (int r = 0; r < table.size(); ++r) {
        const QString id = table.text(r, "series_id");
        if (series.empty() || series.back().id != id)
            series.push_back({id, int(table.number(r, "period")), {}});
        if (int(table.number(r, "t")) != int(series.back().values.size()) + 1)
            qFatal("series.csv: %s is not in order of t", qPrintable(id));
        series.back().values.push_back(table.number(r, "value"));
    }
    return series;
}

inline GoldenSeries goldenSeries(const QString &id)
{
    for (GoldenSeries &series : goldenSeries())
        if (series.id == id)
            return series;
    qFatal("no golden series %s", qPrintable(id));
}

// "1;2;3" → {1, 2, 3}
inline std::vector<double> semicolonNumbers(const QString &text)
{
    std::vector<double> values;
    for (const QString &part : text.split(u';')) {
        bool ok = false;
        values.push_back(part.toDouble(&ok));
        if (!ok)
            qFatal("\"%s\" is not a ;-separated list of numbers", qPrintable(text));
    }
    return values;
}

// |actual − expected| ≤ tolerance · max(|expected|, floor).
inline bool closeTo(double actual, double expected, double tolerance, double floor = 0.0)
{
    return std::fabs(actual - expected) <= tolerance * std::max(std::fabs(expected), floor);
}

} // namespace vantage::test

// QVERIFY with both numbers in the message.
#define VANTAGE_COMPARE_NEAR(actual, expected, tolerance, floor, what)                                     \
    do {                                                                                                   \
        const double actual_ = (actual);                                                                   \
        const double expected_ = (expected);                                                               \
        QVERIFY2(vantage::test::closeTo(actual_, expected_, (tolerance), (floor)),                          \
                 qPrintable(QStringLiteral("%1: got %2, expected %3 (difference %4)")                      \
                                .arg(QString(what))                                                         \
                                .arg(actual_, 0, 'g', 17)                                                   \
                                .arg(expected_, 0, 'g', 17)                                                 \
                                .arg(actual_ - expected_, 0, 'g', 3)));                                     \
    } while (false)

// |actual − expected| ≤ tolerance, with both numbers in the message.
#define VANTAGE_COMPARE_ABS(actual, expected, tolerance, what)                                             \
    do {                                                                                                   \
        const double actual_ = (actual);                                                                   \
        const double expected_ = (expected);                                                               \
        QVERIFY2(std::fabs(actual_ - expected_) <= (tolerance),                                            \
                 qPrintable(QStringLiteral("%1: got %2, expected %3 (difference %4)")                      \
                                .arg(QString(what))                                                         \
                                .arg(actual_, 0, 'g', 17)                                                   \
                                .arg(expected_, 0, 'g', 17)                                                 \
                                .arg(actual_ - expected_, 0, 'g', 3)));                                     \
    } while (false)
