#pragma once

#include "analytics/funnelalertrule.h"
#include "sync/funnelalertrecorder.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace vantage::ui {

// The company's funnel alert rules: a list on the left, the selected rule's fields on the right,
// each with its problem written beside it. Save is refused while a rule has a problem; the rule
// with the first one is selected.
class FunnelAlertRulesDialog : public QDialog
{
    Q_OBJECT
public:
    // regions and products: id → name, offered as scopes; users: id → name, so recipients are
    // written and shown by name and stored by id. companyWide: whether the user may make or change
    // a rule for all regions (FunnelAlertSetup::companyWide).
    FunnelAlertRulesDialog(std::vector<core::FunnelAlertRule> rules, const QHash<QString, QString> &regions,
                           const QHash<QString, QString> &products, const QHash<QString, QString> &users,
                           bool companyWide = true, QWidget *parent = nullptr);

    // New and changed rules (new ones without an id) and the ids of the removed ones.
    sync::FunnelRuleChanges changes() const;

    QListWidget *ruleList() const { return m_list; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *removeButton() const { return m_remove; }
    QPushButton *saveButton() const { return m_save; }
    QCheckBox *enabledBox() const { return m_enabled; }
    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *metricBox() const { return m_metric; }
    QComboBox *regionBox() const { return m_region; }
    QComboBox *productBox() const { return m_product; }
    QLineEdit *sigmaEdit() const { return m_sigma; }
    QLineEdit *minimumDealsEdit() const { return m_minimumDeals; }
    QLineEdit *recentWeeksEdit() const { return m_recentWeeks; }
    QLineEdit *baselineWeeksEdit() const { return m_baselineWeeks; }
    QComboBox *seasonalBox() const { return m_seasonal; }
    QLineEdit *recipientsEdit() const { return m_recipients; }
    // The problem shown beside a field ("" when none).
    QString problemShown(core::FunnelRuleField field) const;

private:
    QWidget *buildList();
    QWidget *buildForm(const QHash<QString, QString> &regions, const QHash<QString, QString> &products);
    QWidget *withProblem(QWidget *field, core::FunnelRuleField which);
    void addRule();
    void removeRule();
    void showRule(int row);
    void readForm();
    void showProblems();
    void trySave();
    std::vector<core::FunnelRuleProblem> problemsOf(std::size_t rule) const;
    QString recipientsText(const QStringList &recipients) const;
    QStringList recipientsIn(const QString &text) const;

    std::vector<core::FunnelAlertRule> m_before;
    std::vector<core::FunnelAlertRule> m_rules;
    bool m_companyWide = true;
    int m_current = -1;
    bool m_filling = false;  // the form is being filled from a rule: no edits to read back
    QListWidget *m_list = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_save = nullptr;
    QWidget *m_form = nullptr;
    QCheckBox *m_enabled = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_metric = nullptr;
    QComboBox *m_region = nullptr;
    QComboBox *m_product = nullptr;
    QComboBox *m_seasonal = nullptr;
    QLineEdit *m_sigma = nullptr;
    QLineEdit *m_minimumDeals = nullptr;
    QLineEdit *m_recentWeeks = nullptr;
    QLineEdit *m_baselineWeeks = nullptr;
    QLineEdit *m_recipients = nullptr;
    QHash<QString, QString> m_userNames;  // id → name, for the names no two users share
    QHash<QString, QString> m_userIds;    // lower-case name → id
    QHash<int, QLabel *> m_problems;  // FunnelRuleField → the label beside the field
};

} // namespace vantage::ui
