#pragma once

#include "storage/dashboarddata.h"
#include "storage/storeinfo.h"

#include "domain/result.h"

#include <QFuture>
#include <QWidget>

class QBoxLayout;
class QComboBox;
class QLayout;
class QLabel;
class QPushButton;
class QTableView;

namespace vantage::core {
class Store;
class TopCustomersModel;
} // namespace vantage::core

namespace vantage::ui {

class KpiTile;
class QuarterOutlookRow;
class PipelineChart;
class SalesByMonthChart;

// Headline figures, sales by month and region, pipeline by stage and top customers, all read from
// the store on a reader thread.
class DashboardPage : public QWidget
{
    Q_OBJECT
public:
    explicit DashboardPage(QWidget *parent = nullptr);

    void setStore(core::Store *store, const core::StoreInfo &info);
    // The same, with the first figures (all regions, the usual currency) already being read.
    void setStore(core::Store *store, const core::StoreInfo &info,
                  QFuture<core::Result<core::DashboardData>> firstFigures);
    void clearStore();
    void refresh();
    // After the data changed underneath (a sync): the reporting currency is chosen again too.
    void reloadAll();

    bool isLoading() const { return m_loading; }
    const core::DashboardData &data() const { return m_data; }
    const std::vector<KpiTile *> &tiles() const { return m_tiles; }
    SalesByMonthChart *salesChart() const { return m_salesChart; }
    PipelineChart *pipelineChart() const { return m_pipelineChart; }
    QTableView *topCustomersView() const { return m_topCustomers; }
    QComboBox *regionFilter() const { return m_region; }
    QuarterOutlookRow *outlookRow() const { return m_outlook; }

Q_SIGNALS:
    void loaded();
    void failed(const QString &message);
    void regionsChanged(const std::vector<vantage::core::RegionRef> &regions);

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    QLayout *buildHeader(QWidget *content);
    void buildTopCustomers(QWidget *content, QBoxLayout *layout);
    void retranslateUi();
    void attachStore(core::Store *store, const core::StoreInfo &info);
    void watchLoad(QFuture<core::Result<core::DashboardData>> load);
    void onLoaded(const core::Result<core::DashboardData> &result);
    void showData(const core::DashboardData &data);
    void fillTiles();
    void showPlaceholders();
    void fillRegionFilter();

    core::Store *m_store = nullptr;
    core::StoreInfo m_info;
    core::DashboardData m_data;
    bool m_loading = false;
    bool m_hasData = false;
    quint64 m_loadGeneration = 0; // only the answer to the latest refresh is shown
    QString m_currency;           // the reporting currency of the open database

    QLabel *m_title = nullptr;
    QLabel *m_asOf = nullptr;
    QLabel *m_empty = nullptr;
    QComboBox *m_region = nullptr;
    QPushButton *m_refresh = nullptr;
    std::vector<KpiTile *> m_tiles;
    QuarterOutlookRow *m_outlook = nullptr;
    bool m_outlookStale = true;  // the database opened or changed since the outlook was computed
    SalesByMonthChart *m_salesChart = nullptr;
    PipelineChart *m_pipelineChart = nullptr;
    QLabel *m_topTitle = nullptr;
    QTableView *m_topCustomers = nullptr;
    core::TopCustomersModel *m_topModel = nullptr;
};

} // namespace vantage::ui
