// The dashboard's top-customers table: structure under QAbstractItemModelTester, ranks, shares
// computed in integers, and labels for accounts outside the user's regions.
#include "itemmodels/topcustomersmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace vantage::core;

class TestTopCustomersModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void showsRanksAmountsAndShares();
    void resetKeepsTheModelConsistent();
};

namespace {

DashboardData sample()
{
    DashboardData data;
    data.kpis.salesLast12Minor = 1000000; // US$10,000.00: Acme's 123,500 cents are 12.35%, shown 12.4%
    data.topCustomers = {
        {QStringLiteral("a1"), QStringLiteral("Acme"), QStringLiteral("dealer"), QStringLiteral("East"), 3, 123500},
        {QStringLiteral("a2"), QString(), QStringLiteral("customer"), QString(), 1, 5},
    };
    return data;
}

} // namespace

void TestTopCustomersModel::showsRanksAmountsAndShares()
{
    TopCustomersModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setData(sample());
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, TopCustomersModel::Rank).data().toString(), QStringLiteral("1"));
    QCOMPARE(model.index(0, TopCustomersModel::Customer).data().toString(), QStringLiteral("Acme"));
    QCOMPARE(model.index(0, TopCustomersModel::Kind).data().toString(), QStringLiteral("Dealer"));
    QCOMPARE(model.index(0, TopCustomersModel::Sales).data().toString(), QStringLiteral("US$1,235.00"));
    QCOMPARE(model.index(0, TopCustomersModel::Share).data().toString(), QStringLiteral("12.4%")); // half up, not truncated
    QCOMPARE(model.index(1, TopCustomersModel::Share).data().toString(), QStringLiteral("0.0%"));
    QCOMPARE(model.index(1, TopCustomersModel::Customer).data().toString(), QStringLiteral("(account not in your regions)"));
    QCOMPARE(model.index(0, TopCustomersModel::Customer).data(Qt::UserRole).toString(), QStringLiteral("a1"));
    QCOMPARE(model.headerData(TopCustomersModel::Sales, Qt::Horizontal).toString(), QStringLiteral("Sales, last 12 months"));
}

void TestTopCustomersModel::resetKeepsTheModelConsistent()
{
    TopCustomersModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setData(sample());
    model.setData(DashboardData{});
    QCOMPARE(model.rowCount(), 0);
    model.setData(sample());
    model.retranslate();
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(1, TopCustomersModel::Share).data().toString(), QStringLiteral("0.0%"));
}

QTEST_GUILESS_MAIN(TestTopCustomersModel)
#include "tst_topcustomersmodel.moc"
