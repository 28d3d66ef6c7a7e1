#pragma once

#include "widgets/messagebar.h"

#include "analytics/forecastreport.h"
#include "storage/storeinfo.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace vantage::core {
class ForecastTableModel;
class Store;
} // namespace vantage::core

namespace vantage::ui {

class ForecastChart;
class ForecastController;
class ForecastMethodPanel;
class TaskProgress;

// Forecasts of order revenue or won deal value by region and product category or rep, monthly or
// quarterly, with bands, targets, the measured accuracy and exports. Loads when first shown and
// again, when shown, after the data changed. Region and member only pick another node of the
// report shown; measure, granularity and method start a new job (ForecastController).
class ForecastPage : public QWidget
{
    Q_OBJECT
public:
    enum class ExportKind { ChartPng, Csv, Xlsx };

    explicit ForecastPage(QWidget *parent = nullptr);

    void setStore(core::Store *store, const core::StoreInfo &info);
    void clearStore();
    // The data changed underneath (a sync): read again now if shown, else when next shown.
    void reload();
    // Writes the chart or the table to path on a worker thread; the outcome goes to message().
    void exportTo(ExportKind kind, const QString &path);

    bool isLoading() const;
    bool hasReport() const { return m_report.has_value(); }
    const core::ForecastReport *report() const { return m_report ? &*m_report : nullptr; }
    const core::ForecastNode *shownNode() const;
    ForecastController *controller() const { return m_controller; }
    ForecastChart *chart() const { return m_chart; }
    ForecastMethodPanel *methodPanel() const { return m_panel; }
    QTableView *table() const { return m_table; }
    core::ForecastTableModel *tableModel() const { return m_model; }
    TaskProgress *progress() const { return m_progress; }
    QComboBox *measureFilter() const { return m_measure; }
    QComboBox *regionFilter() const { return m_region; }
    QComboBox *memberFilter() const { return m_member; }
    QComboBox *granularityFilter() const { return m_granularity; }
    QComboBox *methodFilter() const { return m_method; }
    QString statusText() const;

Q_SIGNALS:
    void message(const QString &text, vantage::ui::MessageBar::Level level);
    void reportShown();
    void exportFinished(const QString &path, bool ok);

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    QLayout *buildHeader();
    QLayout *buildFilters();
    void retranslateUi();
    void fillStaticFilters();
    void fillNodeFilters();
    void fillMemberFilter();
    void start();
    void onReport(const core::ForecastReport &report);
    void showNode();
    void chooseExport(ExportKind kind);
    QString nodeName() const;
    QString measureLabel() const;
    QString chartTitle() const;

    core::StoreInfo m_info;
    bool m_hasStore = false;
    bool m_stale = true; // the report shown (if any) is not of the current data
    std::optional<core::ForecastReport> m_report;
    ForecastController *m_controller = nullptr;

    QLabel *m_title = nullptr;
    QLabel *m_asOf = nullptr;
    QLabel *m_status = nullptr;
    QComboBox *m_measure = nullptr;
    QComboBox *m_region = nullptr;
    QComboBox *m_member = nullptr;
    QComboBox *m_granularity = nullptr;
    QComboBox *m_method = nullptr;
    TaskProgress *m_progress = nullptr;
    QPushButton *m_exportPng = nullptr;
    QPushButton *m_exportCsv = nullptr;
    QPushButton *m_exportXlsx = nullptr;
    ForecastChart *m_chart = nullptr;
    ForecastMethodPanel *m_panel = nullptr;
    QTableView *m_table = nullptr;
    core::ForecastTableModel *m_model = nullptr;
};

} // namespace vantage::ui
