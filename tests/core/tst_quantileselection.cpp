// selectedQuantiles against a full sort and sortedQuantile (R's type 7): the tail path (cut
// from a sample), the fallback when the cut copies too few or the ranks are not in a tail,
// ties, and small inputs.
#include "analytics/quantileselection.h"
#include "analytics/samplequantile.h"
#include "analytics/seededgaussian.h"

#include <QTest>

#include <algorithm>
#include <array>
#include <cmath>

using namespace vantage::core;

class TestQuantileSelection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void equalsSortedQuantiles_data();
    void equalsSortedQuantiles();
    void emptyGivesNotANumber();
};

namespace {

// Decoy: the values a sample of every (n/128)-th one would read are the smallest and largest,
// so the tails' cuts copy too few and the whole range is selected instead.
enum class Shape { Normal, Skewed, Ties, Constant, Sorted, Reversed, Decoy };

std::vector<double> values(Shape shape, int count)
{
    SeededGaussian noise(7u, 1.0);
    std::vector<double> v;
    for (int i = 0; i < count; ++i) {
        switch (shape) {
        case Shape::Normal: v.push_back(noise.next()); break;
        case Shape::Skewed: v.push_back(std::exp(2.0 * noise.next())); break;
        case Shape::Ties: v.push_back(std::floor(3.0 * noise.next())); break;
        case Shape::Constant: v.push_back(4.5); break;
        case Shape::Sorted: v.push_back(double(i)); break;
        case Shape::Reversed: v.push_back(double(count - i)); break;
        case Shape::Decoy: v.push_back(noise.next()); break;
        }
    }
    if (shape == Shape::Decoy)  // the positions quantileselection.cpp samples (128 of them)
        for (int i = 0; i < 128; ++i)
            v[std::size_t(i) * v.size() / 128] = i % 2 == 0 ? -1e6 - i : 1e6 + i;
    return v;
}

} // namespace

void TestQuantileSelection::equalsSortedQuantiles_data()
{
    QTest::addColumn<int>("shape");
    QTest::addColumn<int>("count");
    QTest::addColumn<QList<double>>("probabilities");
    const QList<double> bands{0.025, 0.10, 0.90, 0.975};
    const QList<double> middle{0.25, 0.5, 0.75};
    const QList<double> ends{0.0, 0.001, 0.999, 1.0};
    const QList<double> upperOnly{0.9, 0.99};
    const std::array<const char *, 7> names{"normal", "skewed", "ties", "constant", "sorted", "reversed", "decoy"};
    for (int shape = 0; shape < 7; ++shape) {
        for (const int count : {1, 2, 7, 999, 1024, 2000, 5001}) {
            QTest::addRow("%s n=%d bands", names[std::size_t(shape)], count) << shape << count << bands;
            QTest::addRow("%s n=%d middle", names[std::size_t(shape)], count) << shape << count << middle;
            QTest::addRow("%s n=%d ends", names[std::size_t(shape)], count) << shape << count << ends;
            QTest::addRow("%s n=%d upper", names[std::size_t(shape)], count) << shape << count << upperOnly;
        }
    }
}

void TestQuantileSelection::equalsSortedQuantiles()
{
    QFETCH(int, shape);
    QFETCH(int, count);
    QFETCH(QList<double>, probabilities);
    std::vector<double> data = values(Shape(shape), count);
    std::vector<double> sorted = data;
    std::sort(sorted.begin(), sorted.end());
    std::vector<double> out(std::size_t(probabilities.size()));
    std::vector<double> scratch;
    selectedQuantiles(data, std::span<const double>(probabilities.data(), std::size_t(probabilities.size())), out, scratch);
    for (qsizetype i = 0; i < probabilities.size(); ++i)
        QCOMPARE(out[std::size_t(i)], sortedQuantile(sorted, probabilities[i]));
    std::sort(data.begin(), data.end());
    QCOMPARE(data, sorted);  // reordered, nothing lost or changed
}

void TestQuantileSelection::emptyGivesNotANumber()
{
    std::vector<double> none;
    std::vector<double> scratch;
    const std::array<double, 2> probabilities{0.1, 0.9};
    std::array<double, 2> out{};
    selectedQuantiles(none, probabilities, out, scratch);
    QVERIFY(std::isnan(out[0]) && std::isnan(out[1]));
}

QTEST_GUILESS_MAIN(TestQuantileSelection)
#include "tst_quantileselection.moc"
