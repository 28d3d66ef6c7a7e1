#pragma once

#include "analytics/dashboardoutlook.h"

#include <QWidget>

namespace vantage::core {
class Store;
}

namespace vantage::ui {

class KpiTile;

// The dashboard's quarter outlook: orders expected by quarter end against the target, won deals
// expected (open pipeline × learned win rates, blended with their forecast), and the pipeline
// closing this quarter. Computed on a reader thread after the dashboard's own figures.
class QuarterOutlookRow : public QWidget
{
    Q_OBJECT
public:
    explicit QuarterOutlookRow(QWidget *parent = nullptr);

    void load(core::Store *store, const QDate &asOf, const QString &currency);
    void clear();

    bool hasOutlook() const { return m_outlook.has_value(); }
    const std::optional<core::DashboardOutlook> &outlook() const { return m_outlook; }
    const std::vector<KpiTile *> &tiles() const { return m_tiles; }

Q_SIGNALS:
    void loaded();
    void failed(const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    void showOutlook(const core::DashboardOutlook &outlook);
    void showPlaceholders();
    QString money(double value, bool compact) const;

    std::vector<KpiTile *> m_tiles;
    std::optional<core::DashboardOutlook> m_outlook;
    QDate m_asOf;
    quint64 m_generation = 0;
};

} // namespace vantage::ui
