// The Forecast page in the real window on a demo database (offscreen, 1280×800): it loads when
// first shown, draws actuals, forecast and bands, picks another node without refitting, refits
// for another granularity, can be cancelled, and exports the numbers the table shows.
#include "guisupport.h"
#include "testsupport.h"

#include "charts/forecastchart.h"
#include "mainwindow.h"
#include "pages/forecastcontroller.h"
#include "pages/dashboardpage.h"
#include "pages/forecastpage.h"
#include "widgets/kpitile.h"
#include "widgets/quarteroutlookrow.h"
#include "widgets/forecastmethodpanel.h"
#include "widgets/messagebar.h"
#include "widgets/taskprogress.h"

#include "itemmodels/forecasttablemodel.h"
#include "storage/store.h"

#include <QAbstractItemModelTester>
#include <QAreaSeries>
#include <QCategoryAxis>
#include <QLineSeries>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QValueAxis>

using namespace vantage;
using Page = ui::MainWindow::Page;
using core::ForecastTableModel;

class TestForecastPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void loadsWhenFirstShown();
    void chartShowsActualsForecastAndBands();
    void tableShowsTheShownNode();
    void regionSelectsAnotherNodeWithoutRefitting();
    void quarterlyRefits();
    void newerRequestSupersedesOlder();
    void cancelKeepsThePreviousForecast();
    void exportsWriteTheNumbersShown();
    void textFitsAt1280x800();
    void dashboardShowsTheQuarterOutlook();

private:
    ui::ForecastPage *page() const { return m_window->forecastPage(); }
    void waitForReport();
    // Forecast column texts of the table's forecast rows, and the plain amounts behind them.
    QStringList shownForecasts(QStringList *plain = nullptr) const;

    QTemporaryDir m_dir;
    std::unique_ptr<core::Store> m_store;
    std::unique_ptr<ui::MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestForecastPage::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_store = std::make_unique<core::Store>(test::copyOfDemoDatabase(m_dir));
    const QFuture<core::Result<core::StoreInfo>> opening = m_store->open();
    QTRY_VERIFY_WITH_TIMEOUT(opening.isFinished(), 60000);
    QVERIFY(opening.result().ok());
    m_window = std::make_unique<ui::MainWindow>();
    m_window->setStore(m_store.get(), opening.result().value());
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_tester = std::make_unique<QAbstractItemModelTester>(page()->tableModel(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestForecastPage::cleanupTestCase()
{
    m_tester.reset();
    m_window.reset();
    auto finishing = m_store->finishJobs();
    QTRY_VERIFY_WITH_TIMEOUT(finishing.isFinished(), 30000);
    m_store.reset();
}

void TestForecastPage::waitForReport()
{
    QTRY_VERIFY_WITH_TIMEOUT(!page()->isLoading() && page()->hasReport(), 180000);
}

QStringList TestForecastPage::shownForecasts(QStringList *plain) const
{
    QStringList texts;
    const core::ForecastNode *node = page()->shownNode();
    const auto currency = core::Currency::fromCode(page()->report()->currency).value();
    const QAbstractItemModel *model = page()->tableModel();
    for (int row = ForecastTableModel::kHistoryRows; row < model->rowCount(); ++row) {
        texts << model->index(row, ForecastTableModel::Forecast).data().toString();
        if (plain)
            *plain << ForecastTableModel::money(node->forecast.mean[std::size_t(row - ForecastTableModel::kHistoryRows)],
                                                currency).toPlainString();
    }
    return texts;
}

void TestForecastPage::loadsWhenFirstShown()
{
    QVERIFY(!page()->isVisible());
    QCOMPARE(page()->controller()->jobsStarted(), 0); // nothing fitted for a page nobody looked at
    m_window->showPage(Page::Forecast);
    QVERIFY(page()->isVisible());
    QVERIFY(page()->isLoading());
    QVERIFY(page()->progress()->isVisible());
    waitForReport();
    QVERIFY(!page()->progress()->isVisible());
    QCOMPARE(page()->controller()->jobsStarted(), 2); // read, then fit
    QCOMPARE(page()->report()->request.granularity, core::ForecastGranularity::Month);
    QVERIFY(page()->report()->historyLength >= 24);
    QCOMPARE(page()->regionFilter()->count(), 1 + int(page()->report()->regions.size()));
    QCOMPARE(page()->regionFilter()->count(), 5);
    QVERIFY(page()->memberFilter()->count() > 1);
}

void TestForecastPage::chartShowsActualsForecastAndBands()
{
    const core::ForecastReport &report = *page()->report();
    ui::ForecastChart *chart = page()->chart();
    QVERIFY(chart->actualSeries() && chart->forecastSeries() && chart->band80() && chart->band95());
    QCOMPARE(chart->actualSeries()->count(), report.historyLength);
    QCOMPARE(chart->forecastSeries()->count(), report.horizon + 1); // joined to the last actual
    QCOMPARE(chart->band80()->upperSeries()->count(), report.horizon);
    QCOMPARE(chart->band95()->lowerSeries()->count(), report.horizon);
    QVERIFY(chart->fittedSeries()->count() > 0);
    for (int h = 0; h < report.horizon; ++h) { // the 95% band holds the 80% band
        QVERIFY(chart->band95()->upperSeries()->at(h).y() >= chart->band80()->upperSeries()->at(h).y());
        QVERIFY(chart->band95()->lowerSeries()->at(h).y() <= chart->band80()->lowerSeries()->at(h).y());
    }
    const bool anyTarget = std::any_of(page()->shownNode()->targets.begin(), page()->shownNode()->targets.end(),
                                       [](const auto &t) { return t.has_value(); });
    QCOMPARE(chart->targetSeries()->count() > 0, anyTarget);
    const auto *yAxis = qobject_cast<QValueAxis *>(chart->chart()->axes(Qt::Vertical).value(0));
    QVERIFY(yAxis);
    QVERIFY2(yAxis->titleText().contains(QStringLiteral("USD")), qPrintable(yAxis->titleText()));
    QVERIFY(yAxis->titleText().startsWith(QStringLiteral("Sales")));
    const auto *xAxis = qobject_cast<QCategoryAxis *>(chart->chart()->axes(Qt::Horizontal).value(0));
    QVERIFY(xAxis && xAxis->count() >= 4);
    QVERIFY(chart->chart()->title().contains(QStringLiteral("all regions")));
    QVERIFY(chart->chart()->legend()->isVisible());
    QVERIFY(page()->methodPanel()->methodText().startsWith(QStringLiteral("Method: ")));
    QVERIFY2(page()->methodPanel()->accuracyText().contains(QStringLiteral("MASE")), qPrintable(page()->methodPanel()->accuracyText()));
    QVERIFY(page()->methodPanel()->accuracyText().startsWith(QStringLiteral("Backtest over 4 origins")));
    QVERIFY(page()->methodPanel()->timingText().contains(QStringLiteral(" s")));
}

void TestForecastPage::tableShowsTheShownNode()
{
    const core::ForecastReport &report = *page()->report();
    QAbstractItemModel *model = page()->tableModel();
    QCOMPARE(model->rowCount(), ForecastTableModel::kHistoryRows + report.horizon);
    const auto currency = core::Currency::usd();
    const core::ForecastNode *node = page()->shownNode();
    const double lastActual = node->history.back();
    QCOMPARE(model->index(ForecastTableModel::kHistoryRows - 1, ForecastTableModel::Actual).data().toString(),
             ForecastTableModel::money(lastActual, currency).format(QLocale()));
    QVERIFY(model->index(ForecastTableModel::kHistoryRows, ForecastTableModel::Actual).data().toString().isEmpty());
    const QString range = model->index(ForecastTableModel::kHistoryRows, ForecastTableModel::Range80).data().toString();
    QVERIFY2(range.contains(QStringLiteral(" – ")) && range.count(QStringLiteral("US$")) == 2, qPrintable(range));
    QCOMPARE(model->index(ForecastTableModel::kHistoryRows, ForecastTableModel::Period).data().toString(),
             QLocale().toString(report.periods[std::size_t(report.historyLength)], QStringLiteral("MMM yyyy")));
}

void TestForecastPage::regionSelectsAnotherNodeWithoutRefitting()
{
    const int jobs = page()->controller()->jobsStarted();
    const QStringList allRegions = shownForecasts();
    QComboBox *region = page()->regionFilter();
    region->setCurrentIndex(region->findText(QStringLiteral("West")));
    QVERIFY(!page()->isLoading());
    QCOMPARE(page()->controller()->jobsStarted(), jobs);
    QCOMPARE(page()->shownNode()->regionId, region->currentData().toString());
    QVERIFY(shownForecasts() != allRegions);
    QVERIFY(page()->chart()->chart()->title().contains(QStringLiteral("West")));

    QComboBox *member = page()->memberFilter();
    member->setCurrentIndex(1);
    QCOMPARE(page()->shownNode()->memberId, member->currentData().toString());
    QCOMPARE(page()->controller()->jobsStarted(), jobs);
    region->setCurrentIndex(0);
    member->setCurrentIndex(0);
    QCOMPARE(shownForecasts(), allRegions);
}

void TestForecastPage::quarterlyRefits()
{
    const int jobs = page()->controller()->jobsStarted();
    page()->granularityFilter()->setCurrentIndex(1);
    QVERIFY(page()->isLoading());
    waitForReport();
    QCOMPARE(page()->controller()->jobsStarted(), jobs + 1); // the series are read once per measure
    QCOMPARE(page()->report()->request.granularity, core::ForecastGranularity::Quarter);
    QCOMPARE(page()->tableModel()->rowCount(), ForecastTableModel::kHistoryRows + 4);
    const QString firstForecast =
        page()->tableModel()->index(ForecastTableModel::kHistoryRows, ForecastTableModel::Period).data().toString();
    QVERIFY2(firstForecast.startsWith(u'Q'), qPrintable(firstForecast));
    QCOMPARE(page()->chart()->forecastSeries()->count(), 5);
}

void TestForecastPage::newerRequestSupersedesOlder()
{
    QSignalSpy shown(page(), &ui::ForecastPage::reportShown);
    page()->granularityFilter()->setCurrentIndex(0);
    page()->granularityFilter()->setCurrentIndex(1);
    waitForReport();
    QTest::qWait(200);
    QCOMPARE(shown.size(), 1);
    QCOMPARE(page()->report()->request.granularity, core::ForecastGranularity::Quarter);
}

void TestForecastPage::cancelKeepsThePreviousForecast()
{
    const QStringList before = shownForecasts();
    page()->methodFilter()->setCurrentIndex(page()->methodFilter()->findData(int(core::ForecastMethod::Ets)));
    QVERIFY(page()->isLoading());
    auto *cancel = page()->progress()->findChild<QPushButton *>();
    QVERIFY(cancel && cancel->isVisible() && cancel->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!page()->isLoading(), 30000);
    QVERIFY2(page()->statusText().startsWith(QStringLiteral("Cancelled")), qPrintable(page()->statusText()));
    QCOMPARE(page()->report()->request.method, core::ForecastMethod::Auto);
    QCOMPARE(shownForecasts(), before);
    QTRY_VERIFY(!page()->progress()->isVisible());
    page()->methodFilter()->setCurrentIndex(0);
    waitForReport();
    QCOMPARE(shownForecasts(), before); // the same fits, from the cache
}

void TestForecastPage::exportsWriteTheNumbersShown()
{
    QTemporaryDir dir;
    QStringList plain;
    const QStringList texts = shownForecasts(&plain);
    const auto currency = core::Currency::usd();
    for (int i = 0; i < texts.size(); ++i) // the table shows the exported amount, formatted
        QCOMPARE(texts[i], core::Money::parse(plain[i], currency).value().format(QLocale()));
    QSignalSpy finished(page(), &ui::ForecastPage::exportFinished);

    const QString csvPath = dir.filePath(QStringLiteral("forecast.csv"));
    page()->exportTo(ui::ForecastPage::ExportKind::Csv, csvPath);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    QVERIFY(finished.at(0).at(1).toBool());
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QString csvText = QString::fromUtf8(csv.readAll());
    QVERIFY(csvText.count(QStringLiteral("\r\n")) >= page()->tableModel()->rowCount()); // header + rows
    for (const QString &amount : plain)
        QVERIFY2(csvText.contains(u',' + amount + u','), qPrintable(amount));
    QVERIFY(m_window->messageBar()->text().contains(QStringLiteral("forecast.csv")));

    const QString xlsxPath = dir.filePath(QStringLiteral("forecast.xlsx"));
    page()->exportTo(ui::ForecastPage::ExportKind::Xlsx, xlsxPath);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000);
    QVERIFY(finished.at(1).at(1).toBool());
    QVERIFY(m_window->messageBar()->text().contains(QStringLiteral("forecast.xlsx")));
    const QString unzip = QStandardPaths::findExecutable(QStringLiteral("unzip"));
    if (!unzip.isEmpty()) {
        QProcess process;
        process.start(unzip, {QStringLiteral("-p"), xlsxPath, QStringLiteral("xl/worksheets/sheet1.xml")});
        QVERIFY(process.waitForFinished(30000));
        const QString sheet = QString::fromUtf8(process.readAllStandardOutput());
        for (const QString &amount : plain)
            QVERIFY2(sheet.contains(QStringLiteral("<v>%1</v>").arg(amount)), qPrintable(amount));
    }

    const QString pngPath = dir.filePath(QStringLiteral("forecast.png"));
    page()->exportTo(ui::ForecastPage::ExportKind::ChartPng, pngPath);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 20000);
    QVERIFY(finished.at(2).at(1).toBool());
    const QImage image(pngPath);
    QCOMPARE(image.width(), page()->chart()->width() * 2);

    page()->exportTo(ui::ForecastPage::ExportKind::Csv, dir.filePath(QStringLiteral("missing/dir/forecast.csv")));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 4, 20000);
    QVERIFY(!finished.at(3).at(1).toBool());
    QCOMPARE(m_window->messageBar()->level(), ui::MessageBar::Level::Error);
    QVERIFY(m_window->messageBar()->text().contains(QStringLiteral("forecast.csv")));
}

void TestForecastPage::textFitsAt1280x800()
{
    QCOMPARE(m_window->size(), QSize(1280, 800));
    if (!qEnvironmentVariableIsEmpty("VANTAGE_FORECAST_SHOT"))
        m_window->grab().save(qEnvironmentVariable("VANTAGE_FORECAST_SHOT"));
    QTRY_VERIFY2_WITH_TIMEOUT(test::clippedTexts(page()).isEmpty(), qPrintable(test::clippedTexts(page()).join(u';')), 5000);
}

// The dashboard's outlook row: orders against the target, won deals, the pipeline closing.
void TestForecastPage::dashboardShowsTheQuarterOutlook()
{
    ui::DashboardPage *dashboard = m_window->dashboard();
    ui::QuarterOutlookRow *row = dashboard->outlookRow();
    QTRY_VERIFY_WITH_TIMEOUT(row->hasOutlook(), 30000);
    const core::DashboardOutlook &o = *row->outlook();
    QCOMPARE(o.quarterStart, QDate(2026, 10, 1));
    QVERIFY(o.orders && o.wonDeals);
    QVERIFY(o.orders->wonSoFar > 0.0);                  // October and November are booked
    QVERIFY(o.orders->expected > o.orders->wonSoFar);   // December is still to come
    QVERIFY(o.orders->low80 <= o.orders->expected && o.orders->expected <= o.orders->high80);
    QVERIFY(o.ordersTarget.has_value());
    QVERIFY(o.wonDeals->pipelineDeals > 0);
    QVERIFY(o.closedDealsLearnedFrom > 1000);
    for (ui::KpiTile *tile : row->tiles()) {
        QVERIFY(!tile->value().isEmpty());
        QVERIFY(tile->value() != QStringLiteral("…"));
        QVERIFY(tile->caption().contains(QStringLiteral("Q4 2026")));
    }
    QVERIFY(row->tiles().front()->detail().contains(QStringLiteral("target")));
    // A region hides it (the outlook is for the whole company).
    dashboard->regionFilter()->setCurrentIndex(1);
    QTRY_VERIFY_WITH_TIMEOUT(row->isHidden(), 20000);
    dashboard->regionFilter()->setCurrentIndex(0);
    QTRY_VERIFY_WITH_TIMEOUT(!row->isHidden(), 20000);
}

QTEST_MAIN(TestForecastPage)
#include "tst_forecastpage.moc"
