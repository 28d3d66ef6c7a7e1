#pragma once

#include <QDialog>
#include <QHash>

class QTableWidget;

namespace vantage::ui {

// The company's next steps per risk reason: the built-in suggestion beside the company's own
// wording, which replaces it in every list from now on (an empty cell goes back to the built-in).
class RiskRulesDialog : public QDialog
{
    Q_OBJECT
public:
    // rules: reason code → the company's own step.
    explicit RiskRulesDialog(const QHash<QString, QString> &rules, QWidget *parent = nullptr);

    // Reason code → step, for every row whose text differs from what was there.
    QHash<QString, QString> changedRules() const;
    QTableWidget *table() const { return m_table; }

private:
    QHash<QString, QString> m_before;
    QTableWidget *m_table = nullptr;
};

} // namespace vantage::ui
