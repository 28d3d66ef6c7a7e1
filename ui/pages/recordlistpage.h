#pragma once

#include "storage/dashboarddata.h"
#include "storage/recordlist.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace vantage::core {
class RecordListModel;
class Store;
} // namespace vantage::core

namespace vantage::ui {

// A searchable, sortable, filterable list of records backed by a paged model: what the user types
// is applied in SQL on a reader thread, so even a million rows never stall the window.
class RecordListPage : public QWidget
{
    Q_OBJECT
public:
    RecordListPage(const core::RecordListSpec &spec, QStringList filterKeys, QWidget *parent = nullptr);

    void setStore(core::Store *store);
    void clearStore();
    void setRegions(const std::vector<core::RegionRef> &regions);
    // Reads the list again with the search and filters shown, even while the page is hidden.
    void reload();
    // After the data changed underneath: a list already shown reloads; one never shown waits.
    void reloadIfLoaded();

    core::RecordListModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QLineEdit *searchField() const { return m_search; }
    QComboBox *filter(const QString &key) const;
    QString countText() const;
    bool isLoading() const;

Q_SIGNALS:
    void failed(const QString &message);
    void loaded();

protected:
    virtual QString title() const = 0;
    virtual QString searchPlaceholder() const = 0;
    // Choices of a page-specific filter: (value, label); the first should be "all" with an empty value.
    virtual std::vector<std::pair<QString, QString>> filterChoices(const QString &key) const = 0;
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void retranslateUi();

private:
    void buildUi();
    void fillFilter(const QString &key);
    void updateCount();
    void sizeColumnsOnce(); // to the rows loaded, the first time they are on screen
    void applyQuery(); // the search and filters shown, to the model (once the page has been seen)

    const core::RecordListSpec &m_spec;
    QStringList m_filterKeys;
    std::vector<core::RegionRef> m_regions;
    core::Store *m_store = nullptr;
    core::RecordListModel *m_model = nullptr;
    QLabel *m_title = nullptr;
    QLineEdit *m_search = nullptr;
    QTimer *m_searchDelay = nullptr;
    std::vector<std::pair<QString, QComboBox *>> m_filters;
    QLabel *m_count = nullptr;
    QTableView *m_view = nullptr;
    bool m_columnsSized = false;
    bool m_loaded = false; // the model has been asked at least once for this store
};

} // namespace vantage::ui
