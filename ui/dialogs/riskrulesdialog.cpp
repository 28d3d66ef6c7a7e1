#include "riskrulesdialog.h"

#include "analytics/riskfeatures.h"
#include "analytics/riskreasons.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace vantage::ui {

namespace {

enum Column { Reason, BuiltIn, Own };

} // namespace

RiskRulesDialog::RiskRulesDialog(const QHash<QString, QString> &rules, QWidget *parent) : QDialog(parent), m_before(rules)
{
    setWindowTitle(tr("Next steps for risk reasons"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Each deal or order on the list gets the step for its main reason. Write your company's own step to "
                                "use it instead of the built-in one; leave it empty to keep the built-in one."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    std::vector<std::pair<core::RiskDealKind, core::RiskFactor>> subjects;
    for (int factor = 0; factor < core::kRiskFactorCount; ++factor)
        subjects.emplace_back(core::RiskDealKind::Opportunity, core::RiskFactor(factor));
    for (core::RiskFactor factor : core::orderRiskFactors())
        subjects.emplace_back(core::RiskDealKind::Order, factor);
    m_table = new QTableWidget(int(subjects.size()), 3, this);
    m_table->setHorizontalHeaderLabels({tr("Reason"), tr("Built-in step"), tr("Your company's step")});
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(true);
    for (int row = 0; row < int(subjects.size()); ++row) {
        const auto [kind, factor] = subjects[std::size_t(row)];
        const QString key = core::riskRuleKey(kind, factor);
        auto *reason = new QTableWidgetItem(core::riskFactorTitle(kind, factor));
        reason->setData(Qt::UserRole, key);
        auto *builtIn = new QTableWidgetItem(core::defaultRiskAction(kind, factor));
        for (QTableWidgetItem *fixed : {reason, builtIn})
            fixed->setFlags(fixed->flags() & ~Qt::ItemIsEditable);
        m_table->setItem(row, Reason, reason);
        m_table->setItem(row, BuiltIn, builtIn);
        m_table->setItem(row, Own, new QTableWidgetItem(rules.value(key)));
    }
    m_table->horizontalHeader()->setSectionResizeMode(Reason, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(BuiltIn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(Own, QHeaderView::Stretch);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(m_table, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(1000, 560);
}

QHash<QString, QString> RiskRulesDialog::changedRules() const
{
    QHash<QString, QString> changed;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QString code = m_table->item(row, Reason)->data(Qt::UserRole).toString();
        const QString text = m_table->item(row, Own)->text().trimmed();
        if (text != m_before.value(code).trimmed())
            changed.insert(code, text);
    }
    return changed;
}

} // namespace vantage::ui
