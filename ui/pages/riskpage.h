#pragma once

#include "widgets/messagebar.h"

#include "analytics/riskjob.h"
#include "storage/storeinfo.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QPushButton;
class QTabWidget;
class QTableView;

namespace vantage::core {
class RiskListModel;
class RiskPipelineModel;
class Store;
} // namespace vantage::core

namespace vantage::ui {

class FunnelAlertsPanel;
class RiskController;
class RiskFollowUpPanel;
class RiskLoopView;
class RiskTrendChart;
class TaskProgress;

// The Monday list: each region's ten open deals most likely to be lost or slip within four weeks,
// with reasons, next steps and the manager's follow-up; each deal's risk over the last weeks; the
// whole open pipeline ranked below; print, PDF, Excel and CSV for the meeting. The week's lists
// are made on the first visit of the week and stored (and synced); later visits show them as made.
class RiskPage : public QWidget
{
    Q_OBJECT
public:
    enum class ExportKind { Pdf, Xlsx, Csv };

    explicit RiskPage(QWidget *parent = nullptr);

    void setStore(core::Store *store, const core::StoreInfo &info);
    void clearStore();
    // The data changed underneath (a sync): read again now if shown, else when next shown.
    void reload();
    void exportTo(ExportKind kind, const QString &path);
    // Stores the company's next steps (reason code → step) and shows them at once.
    void saveActionRules(const QHash<QString, QString> &changed);
    // Makes or reads the week's lists now, shown or not, unless done or running (the app calls it
    // after start-up, so on Monday the list is ready).
    void refreshNow();
    // Brings the funnel alerts tab to the front.
    void showFunnelAlerts();
    // Brings the follow-up by manager tab to the front.
    void showFollowUpByManager();

    bool isLoading() const;
    const core::RiskPageData *pageData() const { return m_data.get(); }
    RiskController *controller() const { return m_controller; }
    QTableView *listTable() const { return m_list; }
    QTableView *pipelineTable() const { return m_pipeline; }
    FunnelAlertsPanel *funnelAlerts() const { return m_funnel; }
    RiskLoopView *loopView() const { return m_loop; }
    core::RiskListModel *listModel() const { return m_listModel; }
    core::RiskPipelineModel *pipelineModel() const { return m_pipelineModel; }
    QComboBox *regionFilter() const { return m_region; }
    QComboBox *ownerFilter() const { return m_owner; }
    RiskFollowUpPanel *followUpPanel() const { return m_followUp; }
    RiskTrendChart *trendChart() const { return m_trend; }
    QString weekText() const;
    // Last week's list of the region shown: what became of it and how it was followed up.
    QString reviewText() const;

Q_SIGNALS:
    void message(const QString &text, vantage::ui::MessageBar::Level level);
    void pageShown();
    void exportFinished(const QString &path, bool ok);

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    QLayout *buildHeader();
    QLayout *buildFilters();
    QWidget *buildTables();
    QTableView *buildList(QWidget *parent);
    QTabWidget *buildBottomTabs(QWidget *parent);
    void retranslateUi();
    void start();
    void onPageReady(std::shared_ptr<const core::RiskPageData> ready);
    void fillFilters();
    void applyFilters();
    void showSelected();
    void chooseExport(ExportKind kind);
    void print();
    void editActionRules();
    QString handoutTitle() const;

    RiskController *m_controller = nullptr;
    std::shared_ptr<const core::RiskPageData> m_data;
    QHash<QString, QString> m_actionRules;  // the company's next steps, as last read or saved
    core::StoreInfo m_info;
    bool m_stale = true;
    QLabel *m_title = nullptr;
    QLabel *m_week = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_pipelineTitle = nullptr;
    QLabel *m_review = nullptr;
    QComboBox *m_region = nullptr;
    QComboBox *m_owner = nullptr;
    QPushButton *m_print = nullptr;
    QPushButton *m_pdf = nullptr;
    QPushButton *m_xlsx = nullptr;
    QPushButton *m_csv = nullptr;
    QPushButton *m_rules = nullptr;
    QTableView *m_list = nullptr;
    QTableView *m_pipeline = nullptr;
    QTabWidget *m_bottomTabs = nullptr;
    FunnelAlertsPanel *m_funnel = nullptr;
    RiskLoopView *m_loop = nullptr;
    core::RiskListModel *m_listModel = nullptr;
    core::RiskPipelineModel *m_pipelineModel = nullptr;
    RiskFollowUpPanel *m_followUp = nullptr;
    RiskTrendChart *m_trend = nullptr;
    TaskProgress *m_progress = nullptr;
};

} // namespace vantage::ui
