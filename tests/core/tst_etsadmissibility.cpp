// The ETS admissible region: the Schur–Cohn root test against Eigen's eigenvalues, and
// etsAdmissible against R's forecast:::admissible().
#include "etsgolden.h"

#include "analytics/etsadmissibility.h"

#include <Eigen/Eigenvalues>

#include <QTest>

#include <random>

using namespace vantage::core;

namespace {

// max |root| of a_0 + a_1 z + … + a_n z^n (a_n ≠ 0) from the eigenvalues of its companion matrix.
double largestRootModulus(const std::vector<double> &a)
{
    const int n = int(a.size()) - 1;
    if (n < 1)
        return 0.0;
    Eigen::MatrixXd companion = Eigen::MatrixXd::Zero(n, n);
    for (int i = 1; i < n; ++i)
        companion(i, i - 1) = 1.0;
    for (int i = 0; i < n; ++i)
        companion(i, n - 1) = -a[std::size_t(i)] / a[std::size_t(n)];
    const Eigen::EigenSolver<Eigen::MatrixXd> solver(companion, false);
    return solver.eigenvalues().cwiseAbs().maxCoeff();
}

// Coefficients (increasing degree) of c·Π(z − r_i) for real roots and conjugate pairs.
std::vector<double> fromRoots(std::mt19937_64 &random, int degree, double largestModulus)
{
    std::uniform_real_distribution<double> modulus(0.05, largestModulus);
    std::uniform_real_distribution<double> angle(0.0, 3.141592653589793);
    std::uniform_real_distribution<double> scale(0.1, 10.0);
    std::bernoulli_distribution coin(0.5);
    std::vector<double> p{1.0};
    const auto multiply = [&p](const std::vector<double> &factor) {
        std::vector<double> product(p.size() + factor.size() - 1, 0.0);
        for (std::size_t i = 0; i < p.size(); ++i)
            for (std::size_t j = 0; j < factor.size(); ++j)
                product[i + j] += p[i] * factor[j];
        p = product;
    };
    int remaining = degree;
    while (remaining > 0) {
        const double r = modulus(random);
        if (remaining >= 2 && coin(random)) {  // r·e^{±iθ}: z² − 2r cos θ z + r²
            multiply({r * r, -2.0 * r * std::cos(angle(random)), 1.0});
            remaining -= 2;
        } else {
            multiply({coin(random) ? r : -r, 1.0});
            remaining -= 1;
        }
    }
    const double c = (coin(random) ? 1.0 : -1.0) * scale(random);
    for (double &v : p)
        v *= c;
    return p;
}

std::vector<double> randomCoefficients(std::mt19937_64 &random, int degree)
{
    std::uniform_real_distribution<double> value(-1.0, 1.0);
    std::vector<double> p(std::size_t(degree + 1));
    for (double &v : p)
        v = value(random);
    if (std::fabs(p.back()) < 0.05)
        p.back() = 0.5;
    return p;
}

QString polynomialText(const std::vector<double> &a)
{
    QStringList parts;
    for (const double v : a)
        parts << QString::number(v, 'g', 17);
    return parts.join(u", ");
}

EtsSpec spec(const char *code)
{
    return *EtsSpec::fromCode(QString::fromLatin1(code));
}

// forecast:::admissible() as printed in R_NOTES.md §3, with Eigen in place of polyroot.
bool rAdmissible(double alpha, double beta, double gamma, double phi, int m, double *largestRoot)
{
    if (phi < 0 || phi > 1 + 1e-8)
        return false;
    const double d = 1 - 1 / phi - alpha;
    if (gamma < (d > 0 ? d : 0) || gamma > 1 + 1 / phi - alpha)
        return false;
    if (alpha < 1 - 1 / phi - gamma * (1 - m + phi + phi * m) / (2 * phi * m))
        return false;
    if (beta < -(1 - phi) * (gamma / m + alpha))
        return false;
    std::vector<double> p{phi * (1 - alpha - gamma), alpha + beta - alpha * phi + gamma - 1};
    for (int i = 0; i < m - 2; ++i)
        p.push_back(alpha + beta - alpha * phi);
    p.push_back(alpha + beta - phi);
    p.push_back(1.0);
    *largestRoot = largestRootModulus(p);
    return *largestRoot <= 1 + 1e-10;
}

} // namespace

class TestEtsAdmissibility : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rootsAgreeWithEigen();
    void rootsHandCases_data();
    void rootsHandCases();
    void admissibleAsR_data();
    void admissibleAsR();
    void randomSeasonalParametersAsR();
    void rsFittedParametersAreAdmissible();
};

// A few hundred random polynomials (fixed seed): inside the closed unit disc exactly when the
// largest eigenvalue of the companion matrix is; ones with a root within 1e-6 of the circle
// are left out (the two methods round differently there).
void TestEtsAdmissibility::rootsAgreeWithEigen()
{
    std::mt19937_64 random(20261128);
    std::uniform_int_distribution<int> degree(1, 14);
    std::uniform_real_distribution<double> largest(0.85, 1.15);
    int inside = 0, outside = 0, skipped = 0;
    for (int i = 0; i < 600; ++i) {
        const int d = degree(random);
        const std::vector<double> p = i % 3 == 2 ? randomCoefficients(random, d) : fromRoots(random, d, largest(random));
        const double modulus = largestRootModulus(p);
        if (std::fabs(modulus - 1.0) < 1e-6) {
            ++skipped;
            continue;
        }
        const bool expected = modulus < 1.0;
        (expected ? inside : outside) += 1;
        QVERIFY2(rootsInsideUnitCircle(p) == expected,
                 qPrintable(QStringLiteral("largest |root| %1 of %2").arg(modulus, 0, 'g', 12).arg(polynomialText(p))));
    }
    // Both answers occur often enough for the comparison to mean something.
    QVERIFY2(inside >= 150 && outside >= 150, qPrintable(QStringLiteral("%1 inside, %2 outside").arg(inside).arg(outside)));
    QVERIFY(skipped < 10);
}

void TestEtsAdmissibility::rootsHandCases_data()
{
    QTest::addColumn<std::vector<double>>("coefficients");  // a_0, a_1, …, a_n
    QTest::addColumn<bool>("inside");
    QTest::newRow("constant") << std::vector<double>{3.0} << true;
    QTest::newRow("z + 0.5") << std::vector<double>{0.5, 1.0} << true;
    QTest::newRow("z - 2") << std::vector<double>{-2.0, 1.0} << false;
    QTest::newRow("-4z + 2 (root 0.5)") << std::vector<double>{2.0, -4.0} << true;
    QTest::newRow("z^2 + 1 (on the circle)") << std::vector<double>{1.0, 0.0, 1.0} << true;
    QTest::newRow("(z - 1)^2") << std::vector<double>{1.0, -2.0, 1.0} << true;
    QTest::newRow("(z - 1)(z - 0.5)") << std::vector<double>{0.5, -1.5, 1.0} << true;
    QTest::newRow("(z - 1)(z - 1.5)") << std::vector<double>{1.5, -2.5, 1.0} << false;
    QTest::newRow("z^3 + 2") << std::vector<double>{2.0, 0.0, 0.0, 1.0} << false;
    QTest::newRow("z^3 - 0.5") << std::vector<double>{-0.5, 0.0, 0.0, 1.0} << true;
    // Self-reciprocal, roots 2 and 1/2: |a_0| = |a_n| although a root lies outside.
    QTest::newRow("(z - 2)(z - 0.5)") << std::vector<double>{1.0, -2.5, 1.0} << false;
    QTest::newRow("(z + 2)(z + 0.5)") << std::vector<double>{1.0, 2.5, 1.0} << false;
    // Self-reciprocal with every root on the circle: (z² + 1)(z² − z + 1).
    QTest::newRow("(z^2 + 1)(z^2 - z + 1)") << std::vector<double>{1.0, -1.0, 2.0, -1.0, 1.0} << true;
}

void TestEtsAdmissibility::rootsHandCases()
{
    QFETCH(std::vector<double>, coefficients);
    QFETCH(bool, inside);
    QCOMPARE(rootsInsideUnitCircle(coefficients), inside);
}

void TestEtsAdmissibility::admissibleAsR_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<double>("alpha");
    QTest::addColumn<double>("beta");
    QTest::addColumn<double>("gamma");
    QTest::addColumn<double>("phi");
    QTest::addColumn<int>("m");
    QTest::addColumn<bool>("admissible");
    // forecast:::admissible(alpha, beta, gamma, phi, m) in R 4.2.2, forecast 8.20 (NULL for a
    // parameter the model lacks); the comment gives R's largest |root| of the seasonal ones.
    QTest::newRow("ANN 0.5") << "ANN" << 0.5 << 0.0 << 0.0 << 1.0 << 1 << true;
    QTest::newRow("ANN 2.1") << "ANN" << 2.1 << 0.0 << 0.0 << 1.0 << 1 << false;
    QTest::newRow("AAN") << "AAN" << 0.5 << 0.3 << 0.0 << 1.0 << 1 << true;
    QTest::newRow("AAdN beta too low") << "AAdN" << 0.5 << -0.06 << 0.0 << 0.9 << 1 << false;
    QTest::newRow("AAdN") << "AAdN" << 0.5 << 0.01 << 0.0 << 0.9 << 1 << true;
    QTest::newRow("AAdN beta too high") << "AAdN" << 0.5 << 2.9 << 0.0 << 0.9 << 1 << false;
    QTest::newRow("AAdN alpha too low") << "AAdN" << -0.2 << 0.01 << 0.0 << 0.9 << 1 << false;
    QTest::newRow("AAdN phi > 1") << "AAdN" << 0.5 << 0.3 << 0.0 << 1.2 << 1 << false;
    QTest::newRow("ANA m=4 (root 1)") << "ANA" << 0.3 << 0.0 << 0.2 << 1.0 << 4 << true;
    QTest::newRow("AAA m=4 (0.903)") << "AAA" << 0.6 << 0.5 << 0.3 << 1.0 << 4 << true;
    QTest::newRow("AAdA m=12 (1.00513)") << "AAdA" << 0.43 << 0.42 << 0.2 << 0.82 << 12 << false;
    QTest::newRow("AAdA m=12 (1.00825)") << "AAdA" << 0.67 << 0.64 << 0.3 << 0.83 << 12 << false;
    QTest::newRow("AAdA m=12 (1.00518)") << "AAdA" << 0.75 << 0.47 << 0.22 << 0.93 << 12 << false;
    QTest::newRow("AAA m=12 (1.01004)") << "AAA" << 0.64 << 0.57 << 0.32 << 1.0 << 12 << false;
    QTest::newRow("AAA m=12 (1.000268)") << "AAA" << 0.4 << 0.25 << 0.013 << 1.0 << 12 << false;
    QTest::newRow("AAA m=12 (0.990)") << "AAA" << 0.2 << 0.05 << 0.1 << 1.0 << 12 << true;
    QTest::newRow("ANA m=12 (root 1)") << "ANA" << 0.5 << 0.0 << 0.45 << 1.0 << 12 << true;
    QTest::newRow("AAdA m=12 (0.990)") << "AAdA" << 0.3 << 0.1 << 0.2 << 0.9 << 12 << true;
    QTest::newRow("ANA gamma too high") << "ANA" << 0.9 << 0.0 << 1.5 << 1.0 << 4 << false;
    QTest::newRow("AAdA beta too low") << "AAdA" << 0.1 << -0.5 << 0.1 << 0.9 << 4 << false;
    // The error and season types do not enter the region.
    QTest::newRow("MAdM m=12 (1.00513)") << "MAdM" << 0.43 << 0.42 << 0.2 << 0.82 << 12 << false;
    QTest::newRow("MNM m=12 (root 1)") << "MNM" << 0.5 << 0.0 << 0.45 << 1.0 << 12 << true;
}

void TestEtsAdmissibility::admissibleAsR()
{
    QFETCH(QString, model);
    QFETCH(double, alpha);
    QFETCH(double, beta);
    QFETCH(double, gamma);
    QFETCH(double, phi);
    QFETCH(int, m);
    QFETCH(bool, admissible);
    const auto parsed = EtsSpec::fromCode(model);
    QVERIFY(parsed);
    QCOMPARE(etsAdmissible(*parsed, EtsParameters{alpha, beta, gamma, phi}, m), admissible);
}

// Random parameters in the usual region (α, β ≤ α, γ ≤ 1 − α, φ) for damped seasonal models:
// the same answer as R's rule, away from roots on the unit circle.
void TestEtsAdmissibility::randomSeasonalParametersAsR()
{
    std::mt19937_64 random(7);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    int admissible = 0, refused = 0;
    for (int i = 0; i < 3000; ++i) {
        const int m = i % 2 ? 12 : 4;
        const double alpha = 1e-4 + unit(random) * (0.9999 - 1e-4);
        const double beta = 1e-4 + unit(random) * (alpha - 1e-4);
        const double gamma = 1e-4 + unit(random) * (1.0 - alpha - 1e-4);
        const bool damped = i % 3 != 0;
        const double phi = damped ? 0.8 + unit(random) * 0.18 : 1.0;
        double largest = 0.0;
        const bool expected = rAdmissible(alpha, beta, gamma, phi, m, &largest);
        if (std::fabs(largest - 1.0) < 1e-6)
            continue;
        (expected ? admissible : refused) += 1;
        const EtsSpec model = spec(damped ? "AAdA" : "AAA");
        QVERIFY2(etsAdmissible(model, EtsParameters{alpha, beta, gamma, phi}, m) == expected,
                 qPrintable(QStringLiteral("m %1 alpha %2 beta %3 gamma %4 phi %5: largest |root| %6")
                                .arg(m).arg(alpha, 0, 'g', 17).arg(beta, 0, 'g', 17).arg(gamma, 0, 'g', 17)
                                .arg(phi, 0, 'g', 17).arg(largest, 0, 'g', 12)));
    }
    QVERIFY2(admissible > 300 && refused > 300, qPrintable(QStringLiteral("%1 admissible, %2 refused").arg(admissible).arg(refused)));
}

// R's optimiser kept every golden fit inside the admissible region.
void TestEtsAdmissibility::rsFittedParametersAreAdmissible()
{
    const vantage::test::GoldenTable fixed = vantage::test::GoldenTable::read(QStringLiteral("ets_fixed.csv"));
    QVERIFY(fixed.size() > 0);
    for (int r = 0; r < fixed.size(); ++r) {
        const vantage::test::GoldenEtsModel model = vantage::test::goldenEtsModel(fixed, r);
        QVERIFY2(etsAdmissible(model.spec, model.parameters, model.spec.hasSeason() ? model.period : 1),
                 qPrintable(model.seriesId + u' ' + model.code));
    }
}

QTEST_GUILESS_MAIN(TestEtsAdmissibility)
#include "tst_etsadmissibility.moc"
